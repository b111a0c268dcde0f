#include "app/view_scaling.h"

#include "app/plot.h"
#include "app/widgets.h"

#include <imgui.h>

#include <cmath>
#include <string>
#include <vector>

namespace slingshot::app {

namespace {
constexpr double kMinN = 1e7, kMaxN = 1e15;  // parameters shown on the slider and plot
constexpr int kCurvePoints = 200;
}  // namespace

ScalingView::ScalingView() : law_(hoffmann2022()) { loaded_preset_ = preset_; }

std::vector<ParamBinding> ScalingView::bindings() {
    auto spec = [](const char* name) { return commandParam("scaling", name); };
    return {{spec("preset"), &preset_},        {spec("n"), &n_params_},      {spec("ratio"), &tokens_per_param_},
            {spec("theta-map"), &theta_map_},  {spec("cmap"), &c_map_},      {spec("entropy"), &law_.E},
            {spec("coef-n"), &law_.A},         {spec("coef-d"), &law_.B},    {spec("exp-n"), &law_.a},
            {spec("exp-d"), &law_.b}};
}

void ScalingView::update() {
    // A new preset (from the combo, the URL or setState) brings its constants; edits override them.
    if (preset_ != loaded_preset_) {
        if (auto law = scalingPreset(preset_)) law_ = *law;
        loaded_preset_ = preset_;
    }
}

void ScalingView::controls() {
    ImGui::SeparatorText("Scaling law  L = E + A/N\u1d43 + B/D\u1d47");
    if (ImGui::BeginCombo("preset", preset_.c_str())) {
        for (const auto& name : scalingPresetNames())
            if (ImGui::Selectable(name.c_str(), name == preset_)) preset_ = name;
        ImGui::EndCombo();
    }
    inputPositive("E (nats/token)", &law_.E, "%.4g", true);
    inputPositive("A", &law_.A, "%.5g");
    inputPositive("B", &law_.B, "%.5g");
    inputPositive("a (exponent of N)", &law_.a, "%.4g");
    inputPositive("b (exponent of D)", &law_.b, "%.4g");
    if (auto preset = scalingPreset(preset_);
        preset && (preset->E != law_.E || preset->A != law_.A || preset->B != law_.B || preset->a != law_.a ||
                   preset->b != law_.b))
        ImGui::TextDisabled("edited: constants differ from %s", preset_.c_str());

    ImGui::SeparatorText("Model and data");
    logSlider("N (parameters)", &n_params_, kMinN, kMaxN);
    logSlider("r = D/N (tokens per parameter)", &tokens_per_param_, 1.0, 1000.0);
    ImGui::TextDisabled("D = r\u00b7N = %s tokens", ui::formatNumber(tokens_per_param_ * n_params_).c_str());

    ImGui::SeparatorText("Excess loss \u2192 failure fraction \u03b8");
    if (ImGui::RadioButton("linear  \u03b8 = c\u00b7\u03b4", theta_map_ == "linear")) theta_map_ = "linear";
    ImGui::SameLine();
    if (ImGui::RadioButton("Pinsker  \u03b8 = \u221a(2\u03b4)", theta_map_ == "pinsker")) theta_map_ = "pinsker";
    if (theta_map_ == "linear") {
        for (const auto& p : cmapPresets())
            if (ImGui::RadioButton(std::string(p.label).c_str(), c_map_ == p.value)) c_map_ = p.value;
        inputPositive("c (custom)", &c_map_, "%.4g");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("The map \u03b4 \u2192 \u03b8 is uncertain [U]; c = 1 is the default.");
        ImGui::PopStyleColor();
    } else {
        ImGui::TextWrapped("Non-paper variant: Corollary 13 would need the loss to fall by k'\u00b2, not k'.");
    }
}

void ScalingView::main() {
    double d_tokens = tokens_per_param_ * n_params_;
    double L = loss(law_, n_params_, d_tokens);
    double excess = excessLoss(law_, n_params_, d_tokens);
    ThetaValue theta = thetaFromExcessChecked(excess, thetaMap(), c_map_);
    double halving = excessLoss(law_, 10 * n_params_, 10 * d_tokens) / excess;

    ReadoutRow row;
    row.add("loss L", ui::formatNumber(L, 5), "nats/token");
    row.add("excess loss \u03b4 = L \u2212 E", ui::formatNumber(excess, 5), "nats/token");
    row.add("\u03b8 (failed text pieces)", ui::formatNumber(theta.theta, 4), theta.clipped ? "clipped below 1" : "");
    row.add("\u03b4(10N, 10D) / \u03b4(N, D)", ui::formatNumber(halving, 4), "\u2248 \u00bd: 10\u00d7 scale halves \u03b4");

    // Curves over N, for D = r N and for the compute-optimal D of each N.
    std::vector<double> ns(kCurvePoints), ls(kCurvePoints), ex(kCurvePoints), exOpt(kCurvePoints), th(kCurvePoints);
    for (int i = 0; i < kCurvePoints; ++i) {
        double t = static_cast<double>(i) / (kCurvePoints - 1);
        ns[i] = kMinN * std::pow(kMaxN / kMinN, t);
        double d = tokens_per_param_ * ns[i];
        ls[i] = loss(law_, ns[i], d);
        ex[i] = excessLoss(law_, ns[i], d);
        exOpt[i] = excessLoss(law_, ns[i], computeOptimalTokens(law_, ns[i]));
        th[i] = thetaFromExcess(ex[i], thetaMap(), c_map_);
    }
    float fs = ImGui::GetFontSize();
    float h = ImGui::GetContentRegionAvail().y;
    float plotH = std::max(fs * 12, (h - fs * 5.5f) * 0.5f - ImGui::GetStyle().ItemSpacing.y);
    std::string rLabel = ui::formatNumber(tokens_per_param_, 3);
    if (ui::BeginPlot("scaling-loss", "Loss and excess loss against model size",
                      {"model size N (parameters)", ui::Scale::Log10, kMinN, kMaxN},
                      {"nats per token", ui::Scale::Log10, 0.01, 10}, ImVec2(-1, plotH))) {
        ui::PlotLine(("loss L, D = " + rLabel + "\u00b7N").c_str(), ns, ls, 0);
        ui::PlotLine(("excess \u03b4, D = " + rLabel + "\u00b7N").c_str(), ns, ex, 1);
        ui::PlotLine("excess \u03b4, compute-optimal D", ns, exOpt, 2, ui::LineStyle::Dashed);
        ui::PlotHLine(law_.E, "entropy E", 0, ui::LineStyle::Dotted);
        ui::PlotVLine(n_params_, "N", 6);
        ui::EndPlot();
    }
    if (ui::BeginPlot("scaling-theta", "Fraction \u03b8 of failed text pieces",
                      {"model size N (parameters)", ui::Scale::Log10, kMinN, kMaxN},
                      {"\u03b8", ui::Scale::Log10, 1e-3, 1}, ImVec2(-1, plotH))) {
        ui::PlotLine(thetaMap() == ThetaMap::Linear ? "\u03b8 = c\u00b7\u03b4" : "\u03b8 = \u221a(2\u03b4)", ns, th, 3);
        ui::PlotVLine(n_params_, "N", 6);
        ui::EndPlot();
    }
    ImGui::TextWrapped(
        "The scaling law (Hoffmann et al. 2022) predicts the cross-entropy loss of a model with N parameters trained "
        "on D tokens. Its floor E is the entropy of text; what is left, the excess loss \u03b4, is all the theory "
        "uses. Under the Cloze Sufficiency assumption the fraction \u03b8 of text pieces the model fails tracks \u03b4 "
        "(linear map, factor c). Each 10\u00d7 in scale roughly halves \u03b4, and so halves \u03b8.");
}

}  // namespace slingshot::app
