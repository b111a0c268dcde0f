#include "app/app.h"

#include "app/plot.h"
#include "app/view_curves.h"
#include "app/view_emergence.h"
#include "app/view_overview.h"
#include "app/view_scaling.h"
#include "app/view_stimulus.h"

#include <imgui.h>

namespace slingshot::app {

App::App() {
    views_.push_back(std::make_unique<OverviewView>(*this));
    views_.push_back(std::make_unique<ScalingView>());
    views_.push_back(std::make_unique<CurvesView>());
    views_.push_back(std::make_unique<EmergenceView>());
    views_.push_back(std::make_unique<StimulusView>());
    applyTheme();
}

void App::applyTheme() {
    if (settings_.dark) {
        ImGui::StyleColorsDark();
    } else {
        ImGui::StyleColorsLight();
    }
    ui::setDarkPalette(settings_.dark);
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.WindowPadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(8, 7);
}

bool App::selectView(const std::string& url_name) {
    for (size_t i = 0; i < views_.size(); ++i)
        if (url_name == views_[i]->urlName()) {
            current_ = i;
            return true;
        }
    return false;
}

const char* App::currentViewName() const { return views_[current_]->urlName(); }

bool App::setParam(const char* url_name, const char* name, const Json& value) {
    for (auto& v : views_)
        if (std::string(url_name) == v->urlName())
            for (const ParamBinding& b : v->bindings())
                if (b.spec.name == name) try {
                        assignBinding(b, value);
                        return true;
                    } catch (const QueryError&) {
                        return false;
                    }
    return false;
}

void App::topBar() {
    ImGui::TextUnformatted("Slingshot");
    ImGui::SameLine();
    ImGui::TextDisabled("skill-graph theory of emergence (Arora & Goyal 2023)");
    ImGui::SameLine();
    float x = ImGui::GetCursorPosX() + ImGui::GetFontSize();
    ImGui::SetCursorPosX(x);
    for (size_t i = 0; i < views_.size(); ++i) {
        ImGui::SameLine();
        bool active = i == current_;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(views_[i]->title())) current_ = i;
        if (active) ImGui::PopStyleColor();
    }
    ImGui::Separator();
}

void App::frame(float width, float height) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                             ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Slingshot", nullptr, flags);
    topBar();
    float fs = ImGui::GetFontSize();
    float panel = std::min(fs * 22.0f, width * 0.4f);
    View& view = *views_[current_];
    ImGui::BeginChild("controls", ImVec2(panel, 0), true);
    if (guide_) guide_();
    view.controls();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(0, 0), false);
    view.main();
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace slingshot::app
