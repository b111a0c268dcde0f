// Platform: SDL2 window + WebGL2 context, the frame loop, HiDPI and resizing.
//  [X] Canvas fills the window (CSS) and follows resizes (SDL's Emscripten backend, "external size").
//  [X] HiDPI: framebuffer at devicePixelRatio; fonts re-rasterised when the ratio or UI scale change.
//  [X] ImGui settings are not written to a file (there is none in the page).
//  [X] window.Slingshot.ready resolves after the first frame is drawn (web.cpp).
//  [X] PNG export of a plot at 1-3x: the frame's draw data rendered again into an offscreen
//      framebuffer covering the plot, with the font atlas rebuilt at the export scale for that frame.
#include "app/app.h"
#include "app/fonts.h"
#include "platform/web.h"
#include "platform/worker_engine.h"

#include <SDL.h>
#include <SDL_opengles2.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::unique_ptr<slingshot::app::App> app;
    float font_ratio = 0;  // pixel ratio the font atlas was built for
    float font_scale = 0;  // UI scale the font atlas was built for
    bool first_frame_done = false;
};

void rebuildFontsIfNeeded(Platform& p, float ratio) {
    float scale = p.app->settings().scale;
    // An export renders at its own pixel ratio; glyphs are rasterised at the larger of the two.
    if (slingshot::platform::pending_png) ratio = std::max(ratio, slingshot::platform::pending_png->scale);
    if (ratio == p.font_ratio && scale == p.font_scale) return;
    slingshot::app::loadFonts(ratio, scale);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    p.font_ratio = ratio;
    p.font_scale = scale;
}

// Renders the current draw data again, restricted to `req.rect`, into an offscreen framebuffer at
// req.scale device pixels per CSS pixel, and hands the pixels to the page as a PNG download.
void renderPng(const slingshot::platform::PngRequest& req, const ImVec4& bg) {
    ImDrawData* dd = ImGui::GetDrawData();
    int w = static_cast<int>(req.rect.w * req.scale), h = static_cast<int>(req.rect.h * req.scale);
    if (!dd || w <= 0 || h <= 0 || w > 8192 || h > 8192) return;
    GLuint fbo = 0, tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
        ImDrawData saved = *dd;
        dd->DisplayPos = ImVec2(req.rect.x, req.rect.y);
        dd->DisplaySize = ImVec2(req.rect.w, req.rect.h);
        dd->FramebufferScale = ImVec2(req.scale, req.scale);
        glViewport(0, 0, w, h);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(dd);
        std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        *dd = saved;
        slingshot::platform::deliverPng(pixels, w, h, req.filename, req.text);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteTextures(1, &tex);
}

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

    int w = 0, h = 0, fw = 0, fh = 0;
    SDL_GetWindowSize(p.window, &w, &h);
    SDL_GL_GetDrawableSize(p.window, &fw, &fh);
    float ratio = w > 0 ? static_cast<float>(fw) / static_cast<float>(w) : 1.0f;
    rebuildFontsIfNeeded(p, ratio);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    p.app->frame(static_cast<float>(w), static_cast<float>(h));
    ImGui::Render();
    glViewport(0, 0, fw, fh);
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    // An export asked for last frame is served now that fonts were rebuilt for its scale.
    auto& png = slingshot::platform::pending_png;
    if (png && png->frames_to_wait > 0)
        --png->frames_to_wait;
    else if (png && p.font_ratio >= png->scale) {
        renderPng(*slingshot::platform::pending_png, bg);
        slingshot::platform::pending_png.reset();
        glViewport(0, 0, fw, fh);
    }
    SDL_GL_SwapWindow(p.window);
    slingshot::platform::afterFrame(*p.app);
    if (!p.first_frame_done) {
        p.first_frame_done = true;
        slingshot::platform::notifyFirstFrame();
    }
}

}  // namespace

int main(int, char**) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        slingshot::platform::reportFatal(std::string("SDL could not start: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");  // keys only when the canvas has focus

    static Platform p;
    auto size = slingshot::platform::initialCssSize();
    p.window = SDL_CreateWindow("Slingshot", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, size.first, size.second,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!p.window) {
        slingshot::platform::reportFatal(std::string("could not create the window: ") + SDL_GetError());
        return 1;
    }
    p.gl = SDL_GL_CreateContext(p.window);
    if (!p.gl) {
        slingshot::platform::reportFatal(std::string("WebGL2 is not available: ") + SDL_GetError());
        return 1;
    }
    SDL_GL_MakeCurrent(p.window, p.gl);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system in the page
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplSDL2_InitForOpenGL(p.window, p.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");

    slingshot::platform::installWorkerEngine();  // before the app: its views' jobs go to the workers
    p.app = std::make_unique<slingshot::app::App>(slingshot::platform::host());
    slingshot::platform::startApp(*p.app);

#ifdef __EMSCRIPTEN__
    emscripten_set_main_loop_arg(frame, &p, 0, true);
#else
    bool running = true;
    while (running) {
        frame(&p);
        running = !SDL_QuitRequested();
    }
#endif
    return 0;
}
