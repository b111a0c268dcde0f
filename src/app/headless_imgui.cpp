#include "app/headless_imgui.h"

#include "app/fonts.h"

namespace slingshot::app {

HeadlessImGui::HeadlessImGui(float width, float height) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    loadFonts(1.0f, 1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // marks the atlas as built
}

HeadlessImGui::~HeadlessImGui() { ImGui::DestroyContext(); }

}  // namespace slingshot::app
