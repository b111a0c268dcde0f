#include "app/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

namespace slingshot::app {

bool logSlider(const char* label, double* v, double lo, double hi) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-1);
    bool changed = ImGui::SliderScalar("##v", ImGuiDataType_Double, v, &lo, &hi, "%.4g",
                                       ImGuiSliderFlags_Logarithmic | ImGuiSliderFlags_AlwaysClamp);
    ImGui::PopID();
    return changed;
}

bool inputPositive(const char* label, double* v, const char* fmt, bool allow_zero) {
    static std::unordered_map<std::string, std::string> refused;  // label -> message shown until fixed
    double candidate = *v;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    bool edited = ImGui::InputDouble(label, &candidate, 0, 0, fmt);
    bool ok = std::isfinite(candidate) && (allow_zero ? candidate >= 0 : candidate > 0);
    if (edited) {
        if (ok) {
            *v = candidate;
            refused.erase(label);
        } else {
            refused[label] = std::string(label) + (allow_zero ? " must be \u2265 0" : " must be > 0") + "; kept the previous value";
        }
    }
    auto it = refused.find(label);
    if (it != refused.end()) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", it->second.c_str());
    return edited && ok;
}

void readout(const char* caption, const std::string& value, const char* unit) {
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", caption);
    ImGui::SetWindowFontScale(1.35f);
    ImGui::TextUnformatted(value.c_str());
    ImGui::SetWindowFontScale(1.0f);
    if (unit && *unit) ImGui::TextDisabled("%s", unit);
    ImGui::EndGroup();
}

void ReadoutRow::add(const char* caption, const std::string& value, const char* unit) {
    float gap = ImGui::GetFontSize() * 2;
    float width = std::max({ImGui::CalcTextSize(caption).x, ImGui::CalcTextSize(value.c_str()).x * 1.35f,
                            ImGui::CalcTextSize(unit ? unit : "").x});
    if (!first_) {
        ImGui::SameLine(0, gap);
        if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
    }
    first_ = false;
    readout(caption, value, unit);
}

}  // namespace slingshot::app
