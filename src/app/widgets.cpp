#include "app/widgets.h"

#include "app/plot.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: refresh a list field only while it is not being edited

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <string>
#include <unordered_map>

namespace slingshot::app {

std::string formatFixed(double v, int digits) {
    if (!std::isfinite(v)) return ui::formatNumber(v);
    if (v != 0 && std::fabs(v) < 1e-3) return ui::formatNumber(v, 2);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

double nowMs() {
    using Clock = std::chrono::steady_clock;
    static const auto t0 = Clock::now();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

bool anyItemActive() { return ImGui::GetCurrentContext() && ImGui::IsAnyItemActive(); }

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
            refused[label] =
                std::string(label) + (allow_zero ? " must be \u2265 0" : " must be > 0") + "; kept the previous value";
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

ParamSpec cliParam(const char* command, const char* name) { return commandParam(command, name); }

ParamSpec viewParam(const char* name, ParamKind kind, const char* help, double lo, double hi,
                    std::vector<std::string> choices) {
    return Param(name, help, kind).range(lo, hi).choices(std::move(choices));
}

bool intSlider(const char* label, long long* v, const ParamSpec& spec, bool log_scale, const char* effect, long long lo,
               long long hi) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-1);
    lo = std::max(lo, static_cast<long long>(spec.min));
    hi = std::min(hi, static_cast<long long>(spec.max));
    ImGuiSliderFlags flags = ImGuiSliderFlags_AlwaysClamp | (log_scale ? ImGuiSliderFlags_Logarithmic : 0);
    bool changed = ImGui::SliderScalar("##v", ImGuiDataType_S64, v, &lo, &hi, "%lld", flags);
    paramTooltip(spec, effect);
    ImGui::PopID();
    return changed;
}

bool numberSlider(const char* label, double* v, const ParamSpec& spec, const char* fmt, const char* effect, double hi) {
    ImGui::TextUnformatted(label);
    ImGui::PushID(label);
    ImGui::SetNextItemWidth(-1);
    double lo = spec.min;
    hi = std::min(hi, spec.max);
    bool changed = ImGui::SliderScalar("##v", ImGuiDataType_Double, v, &lo, &hi, fmt, ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(spec, effect);
    ImGui::PopID();
    return changed;
}

bool seedInput(long long* seed, const ParamSpec& spec, const char* effect, const char* new_graph_effect) {
    const long long lo = static_cast<long long>(spec.min), hi = static_cast<long long>(spec.max);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
    long long s = *seed;
    bool changed = false;
    if (ImGui::InputScalar("seed", ImGuiDataType_S64, &s, nullptr, nullptr, "%lld",
                           ImGuiInputTextFlags_EnterReturnsTrue)) {
        *seed = std::clamp(s, lo, hi);  // the field shows the value used
        changed = true;
    }
    paramTooltip(spec, effect);
    ImGui::SameLine();
    if (ImGui::Button("new graph")) {
        *seed = *seed < hi ? *seed + 1 : lo;
        changed = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", new_graph_effect);
    return changed;
}

void paramTooltip(const ParamSpec& spec, const char* effect) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(spec.help.c_str());
    ImGui::TextDisabled("%s: %s", spec.name.c_str(), spec.rangeText().c_str());
    if (effect && *effect) ImGui::TextUnformatted(effect);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

std::string comboPreview(const std::string& label, const std::string& short_name) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - style.FramePadding.x * 2;
    auto fits = [&](const std::string& t) { return ImGui::CalcTextSize(t.c_str()).x <= room; };
    if (fits(label)) return label;
    const size_t cut = std::min(label.find(": "), label.find(" ("));
    if (cut != std::string::npos && fits(label.substr(0, cut))) return label.substr(0, cut);
    return short_name;
}

bool choiceCombo(const char* label, std::string* value, const ParamSpec& spec, const std::vector<std::string>& labels) {
    auto shown = [&](size_t i) -> const std::string& { return i < labels.size() ? labels[i] : spec.choices[i]; };
    std::string full = *value;
    for (size_t i = 0; i < spec.choices.size(); ++i)
        if (spec.choices[i] == *value) full = shown(i);
    bool changed = false;
    ImGui::SetNextItemWidth(-1);
    const std::string preview = comboPreview(full, *value);
    if (ImGui::BeginCombo(label, preview.c_str())) {
        for (size_t i = 0; i < spec.choices.size(); ++i)
            if (ImGui::Selectable(shown(i).c_str(), spec.choices[i] == *value)) {
                changed = spec.choices[i] != *value;
                *value = spec.choices[i];
            }
        ImGui::EndCombo();
    }
    return changed;
}

void mutedText(const char* fmt, ...) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    va_list args;
    va_start(args, fmt);
    ImGui::TextWrappedV(fmt, args);
    va_end(args);
    ImGui::PopStyleColor();
}

void uncertainNote(const char* text) { mutedText("[U] %s", text); }

float boxedLabelWidth(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

bool checkbox(const char* label, bool* value) {
    if (boxedLabelWidth(label) <= ImGui::GetContentRegionAvail().x) return ImGui::Checkbox(label, value);
    ImGui::PushID(label);
    bool changed = ImGui::Checkbox("##box", value);
    ImGui::PopID();
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextWrapped("%s", std::string(label, ImGui::FindRenderedTextEnd(label)).c_str());
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        changed = true;
    }
    return changed;
}

void sameLineIfFits(float width) {
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

bool onOffCheckbox(const char* label, std::string* value) {
    bool on = *value == "on";
    if (!checkbox(label, &on)) return false;
    *value = on ? "on" : "off";
    return true;
}

std::string joinList(const std::vector<long long>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s;
}

bool intListInput(const char* label, std::vector<long long>* value, const ParamSpec& spec) {
    struct State {
        char text[128] = {};
        std::string error;
    };
    static std::unordered_map<ImGuiID, State> states;
    ImGuiID id = ImGui::GetID(label);
    State& st = states[id];
    if (ImGui::GetActiveID() != id) {  // not being edited: show the current value
        std::string now = joinList(*value);
        std::snprintf(st.text, sizeof st.text, "%s", now.c_str());
    }
    ImGui::SetNextItemWidth(-1);
    bool changed = false;
    if (ImGui::InputText(label, st.text, sizeof st.text, ImGuiInputTextFlags_EnterReturnsTrue)) {
        std::string compact;
        for (const char* c = st.text; *c; ++c)
            if (*c != ' ') compact += *c;
        try {
            Json ok = validateParam(spec, Json(compact));
            auto list = ok.get<std::vector<long long>>();
            if (list.empty()) throw QueryError(spec.name + ": give at least one value");
            changed = list != *value;
            *value = std::move(list);
            st.error.clear();
        } catch (const std::exception& e) {
            st.error = std::string(e.what()) + "; kept " + joinList(*value);
        }
    }
    paramTooltip(spec, "Comma-separated; press Enter to apply.");
    if (!st.error.empty()) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", st.error.c_str());
    return changed;
}

}  // namespace slingshot::app
