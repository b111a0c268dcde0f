// Browser glue: the only code that talks to JavaScript.
//  [X] URL query -> app state at start; app state -> URL (history.replaceState) when it changes.
//  [X] window.Slingshot.query / getState / setState (exported C functions, wrapped in web/page.js).
//  [X] Downloads (Blob + <a download>), clipboard (navigator.clipboard, execCommand fallback).
//  [X] ImGui settings in localStorage (no file system), silently skipped where storage is blocked.
//  Nothing from the URL is ever written into the DOM as HTML: JS uses textContent only.
#include "platform/web.h"

#include "app/app.h"
#include "app/layout_report.h"
#include "app/model_size_player.h"
#include "app/widgets.h"
#include "query/query.h"
#include "query/url_query.h"

#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// clang-format off
EM_JS(int, js_css_width, (), { var c = Module.canvas; return c ? Math.max(1, c.clientWidth | 0) : 800; });
EM_JS(int, js_css_height, (), { var c = Module.canvas; return c ? Math.max(1, c.clientHeight | 0) : 600; });
EM_JS(void, js_first_frame, (), { if (window.SlingshotPage) window.SlingshotPage.firstFrame(); });
EM_JS(void, js_fatal, (const char* msg), { if (window.SlingshotPage) window.SlingshotPage.fatal(UTF8ToString(msg)); });
EM_JS(char*, js_location_search, (), {
  var s = window.location.search || "";
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(int, js_prefers_dark, (), {
  return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? 1 : 0;
});
EM_JS(int, js_coarse_pointer, (), {
  return window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? 1 : 0;
});
EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : 0;
});
EM_JS(void, js_replace_query, (const char* q), {
  try { history.replaceState(history.state, "", UTF8ToString(q) + window.location.hash); } catch (e) {}
});
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
  window.SlingshotPage.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(char*, js_page_address, (), {
  var s = window.location.href.split(/[?#]/)[0];
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, js_release_keyboard, (), { if (Module.canvas) Module.canvas.blur(); });
EM_JS(char*, js_start_recording, (const char* name), {
  var s = window.SlingshotPage.startRecording(UTF8ToString(name));
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, js_stop_recording, (), { window.SlingshotPage.stopRecording(); });
EM_JS(void, js_copy_link, (const char* q), { window.SlingshotPage.copyLink(UTF8ToString(q)); });
EM_JS(void, js_open_page, (const char* q), { window.SlingshotPage.openPage(UTF8ToString(q)); });
EM_JS(void, js_save_png, (const unsigned char* px, int w, int h, const char* name, const char* text), {
  window.SlingshotPage.savePng(HEAPU8.slice(px, px + w * h * 4), w, h, UTF8ToString(name), JSON.parse(UTF8ToString(text)));
});
EM_JS(void, js_set_notices, (const char* json), { window.SlingshotPage.setNotices(JSON.parse(UTF8ToString(json))); });
EM_JS(void, js_set_figure_text, (const char* json), { window.SlingshotPage.setFigureText(JSON.parse(UTF8ToString(json))); });
EM_JS(double, js_now_ms, (), { return performance.now(); });
// To the host page of an embed with autoheight=1 (web/embed-example.html shows the few lines a host needs).
EM_JS(void, js_post_height, (int h), {
  if (window.parent !== window) window.parent.postMessage({ slingshot: "height", height: h }, "*");
});
EM_JS(char*, js_load_settings, (), {
  var s = "";
  try { s = window.localStorage.getItem("slingshot.imgui") || ""; } catch (e) {}
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
EM_JS(void, js_store_settings, (const char* s), {
  try { window.localStorage.setItem("slingshot.imgui", UTF8ToString(s)); } catch (e) {}
});
// clang-format on
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace slingshot::platform {
namespace {

app::App* g_app = nullptr;
std::string g_last_query;
constexpr double kQueryIntervalMs = 250;
std::vector<std::string> g_last_notices;

class WebHost : public app::Host {
public:
    void download(const std::string& filename, const std::string& mime, const std::string& data) override {
#ifdef __EMSCRIPTEN__
        js_download(filename.c_str(), mime.c_str(), data.data(), static_cast<int>(data.size()));
#endif
    }
    void copyText(const std::string& query) override {
#ifdef __EMSCRIPTEN__
        js_copy_link(query.c_str());
#endif
    }
    void openPage(const std::string& query) override {
#ifdef __EMSCRIPTEN__
        js_open_page(query.c_str());
#endif
    }
    void savePng(const app::PixelRect& rect, float scale, const std::string& filename,
                 const std::vector<app::PngText>& text) override {
        pending_png = PngRequest{rect, scale, filename, text};
    }
    std::string pageAddress() override {
#ifdef __EMSCRIPTEN__
        char* raw = js_page_address();
        std::string address = raw;
        std::free(raw);
        return address;
#else
        return "";
#endif
    }
    void releaseKeyboard() override {
#ifdef __EMSCRIPTEN__
        js_release_keyboard();
#endif
    }
    std::string startRecording(const std::string& filename) override {
#ifdef __EMSCRIPTEN__
        char* raw = js_start_recording(filename.c_str());
        std::string why = raw;
        std::free(raw);
        return why;
#else
        return "recording needs the page";
#endif
    }
    void stopRecording() override {
#ifdef __EMSCRIPTEN__
        js_stop_recording();
#endif
    }
};

WebHost g_host;

}  // namespace

std::optional<PngRequest> pending_png;

app::Host* host() { return &g_host; }

std::pair<int, int> initialCssSize() {
#ifdef __EMSCRIPTEN__
    return {js_css_width(), js_css_height()};
#else
    return {1280, 800};
#endif
}

void notifyFirstFrame() {
#ifdef __EMSCRIPTEN__
    js_first_frame();
#endif
}

void reportFatal(const std::string& message) {
#ifdef __EMSCRIPTEN__
    js_fatal(message.c_str());
#endif
}

void startApp(app::App& app) {
    g_app = &app;
    std::string search;
#ifdef __EMSCRIPTEN__
    char* raw = js_location_search();
    search = raw;
    std::free(raw);
    char* ini = js_load_settings();
    if (*ini) ImGui::LoadIniSettingsFromMemory(ini);
    std::free(ini);
#endif
    if (search.size() > kMaxQueryLength)
        app.addNotice("the address holds " + std::to_string(search.size()) +
                      " characters of parameters; only the first " + std::to_string(kMaxQueryLength) + " were read");
    const auto params = parseQueryString(search);
#ifdef __EMSCRIPTEN__
    // The reader's system theme is the default; a theme in the link wins over it.
    if (!params.count("theme") && js_prefers_dark()) app.applyQuery({{"theme", "dark"}});
    app.setCoarsePointer(js_coarse_pointer() != 0);
    app::ModelSizePlayer::setReducedMotion(js_reduced_motion() != 0);
#endif
    app.applyQuery(params);
}

namespace {

// The figure's text for screen readers, in the DOM: looked at every 15 frames, and published once it
// has stayed the same for a second, so a reader hears it once the numbers have settled, not per frame.
constexpr int kFigureTextEveryFrames = 15;
constexpr double kFigureTextSettleMs = 1000;
app::App::FigureText g_figure_published, g_figure_pending;
double g_figure_pending_since = 0;
int g_figure_frames = 0;

void publishFigureText(app::App& app) {
    if (++g_figure_frames % kFigureTextEveryFrames != 0) return;
    app::App::FigureText now = app.figureText();
    if (now.description.empty()) return;  // still computing
#ifdef __EMSCRIPTEN__
    const double t = js_now_ms();
#else
    const double t = 0;
#endif
    if (!(now == g_figure_pending)) {
        g_figure_pending = std::move(now);
        g_figure_pending_since = t;
        return;
    }
    if (t - g_figure_pending_since < kFigureTextSettleMs || g_figure_pending == g_figure_published) return;
    g_figure_published = g_figure_pending;
    Json plots = Json::array();
    for (const auto& p : g_figure_published.plots) plots.push_back({{"id", p.id}, {"title", p.title}, {"csv", p.csv}});
#ifdef __EMSCRIPTEN__
    js_set_figure_text(Json({{"description", g_figure_published.description}, {"plots", plots}}).dump().c_str());
#endif
}

}  // namespace

void afterFrame(app::App& app) {
    static float posted_height = 0;
#ifdef __EMSCRIPTEN__
    const float wanted = app.preferredEmbedHeight(static_cast<float>(js_css_width()));
    if (wanted > 0 && std::fabs(wanted - posted_height) >= 1) {
        posted_height = wanted;
        js_post_height(static_cast<int>(wanted));
    }
#endif
    // The address follows the state at most every kQueryIntervalMs: a play over N changes the state
    // every frame, and browsers throttle (and warn about) history updates that come faster.
    static double query_written_ms = -kQueryIntervalMs;
    std::string q = app.queryString();
    if (q != g_last_query && app::nowMs() - query_written_ms >= kQueryIntervalMs) {
        g_last_query = q;
        query_written_ms = app::nowMs();
#ifdef __EMSCRIPTEN__
        js_replace_query(q.c_str());
#endif
    }
    if (app.notices() != g_last_notices) {  // mirrored as text in the DOM for screen readers and tests
        g_last_notices = app.notices();
#ifdef __EMSCRIPTEN__
        js_set_notices(Json(g_last_notices).dump().c_str());
#endif
    }
    publishFigureText(app);
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantSaveIniSettings) {
        io.WantSaveIniSettings = false;
#ifdef __EMSCRIPTEN__
        js_store_settings(ImGui::SaveIniSettingsToMemory());
#endif
    }
}

void deliverPng(const std::vector<unsigned char>& rgba_bottom_up, int width, int height, const std::string& filename,
                const std::vector<app::PngText>& text) {
    Json chunks = Json::array();
    for (const app::PngText& t : text) chunks.push_back({t.keyword, t.value});
#ifdef __EMSCRIPTEN__
    js_save_png(rgba_bottom_up.data(), width, height, filename.c_str(), chunks.dump().c_str());
#else
    (void)rgba_bottom_up, (void)width, (void)height, (void)filename;
#endif
}

}  // namespace slingshot::platform

// ---------------------------------------------------------------- exported to JavaScript
namespace {
std::string g_answer;  // valid until the next call; JS copies it at once
}

// Slingshot.query(command, argsJson): the same dispatcher as slingshot-cli.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_query(const char* command, const char* args_json) {
    g_answer = slingshot::queryText(command ? command : "", args_json ? args_json : "");
    return g_answer.c_str();
}

// Slingshot.getState(): the page's whole state as JSON.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_get_state() {
    using slingshot::platform::g_app;
    g_answer = g_app ? g_app->state().dump() : std::string("{\"error\":\"the page has not started\"}");
    return g_answer.c_str();
}

// Slingshot.busy(): the visible view still computes (simulation or certificate running).
extern "C" EMSCRIPTEN_KEEPALIVE int slingshot_busy() {
    using slingshot::platform::g_app;
    return g_app && g_app->busy() ? 1 : 0;
}

// Slingshot.exportPlot(plotId, format, scale): the Export menu's action, for scripts and tests.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_export(const char* plot_id, const char* format,
                                                             const char* scale) {
    using slingshot::platform::g_app;
    bool ok = g_app && g_app->exportPlot(plot_id ? plot_id : "", format ? format : "",
                                         std::strtof(scale ? scale : "1", nullptr));
    return ok ? "{\"ok\":true}"
              : "{\"error\":\"no such plot in this view, or unknown format (png|svg|csv|json|bib) or scale (1..3)\"}";
}

// Slingshot.recordClip(): the Export menu's "Record a clip", for scripts and tests.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_record_clip() {
    using slingshot::platform::g_app;
    const std::string why = g_app ? g_app->recordClip() : std::string("the app has not started");
    g_answer = why.empty() ? slingshot::Json{{"ok", true}}.dump() : slingshot::Json{{"error", why}}.dump();
    return g_answer.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE int slingshot_recording() {
    using slingshot::platform::g_app;
    return g_app && g_app->recordingClip() ? 1 : 0;
}

// Slingshot.layoutReport(): the last frame's layout, plots' labels and legends, and cut text.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_layout_report() {
    using slingshot::platform::g_app;
    const ImDrawData* dd = ImGui::GetCurrentContext() ? ImGui::GetDrawData() : nullptr;
    g_answer = g_app && dd ? slingshot::app::layoutReport(*g_app, *dd).dump()
                           : std::string("{\"error\":\"no frame has been drawn yet\"}");
    return g_answer.c_str();
}

// Slingshot.setState(json): applies what is valid; answers {"notices":[…]} for what was not.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_set_state(const char* json) {
    using slingshot::Json;
    using slingshot::platform::g_app;
    if (!g_app) return "{\"error\":\"the page has not started\"}";
    Json parsed = Json::parse(json ? json : "", nullptr, false);
    Json answer;
    if (parsed.is_discarded()) {
        g_app->addNotice("setState: the text is not valid JSON");
        answer = {{"notices", {"setState: the text is not valid JSON"}}};
    } else {
        answer = {{"notices", g_app->setState(parsed)}};
    }
    answer["state"] = g_app->state();
    g_answer = answer.dump();
    return g_answer.c_str();
}
