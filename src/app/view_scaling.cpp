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

ScalingView::ScalingView() : law_(hoffmann2022()) {}

void ScalingView::controls() {
    ImGui::SeparatorText("Scaling law  L = E + A/N\u1d43 + B/D\u1d47");
    auto names = scalingPresetNames();
    std::string current = preset_ < static_cast<int>(names.size()) ? names[preset_] : "custom";
    if (ImGui::BeginCombo("preset", current.c_str())) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i)
            if (ImGui::Selectable(names[i].c_str(), i == preset_)) {
                preset_ = i;
                law_ = *scalingPreset(names[i]);
            }
        ImGui::EndCombo();
    }
    bool edited = false;
    edited |= inputPositive("E (nats/token)", &law_.E, "%.4g");
    edited |= inputPositive("A", &law_.A, "%.5g");
    edited |= inputPositive("B", &law_.B, "%.5g");
    edited |= inputPositive("a (exponent of N)", &law_.a, "%.4g");
    edited |= inputPositive("b (exponent of D)", &law_.b, "%.4g");
    if (edited) {
        preset_ = static_cast<int>(names.size());
        law_.name = "custom";
    }

    ImGui::SeparatorText("Model and data");
    logSlider("N (parameters)", &n_params_, kMinN, kMaxN);
    logSlider("r = D/N (tokens per parameter)", &tokens_per_param_, 1.0, 1000.0);
    ImGui::TextDisabled("D = r\u00b7N = %s tokens", ui::formatNumber(tokens_per_param_ * n_params_).c_str());

    ImGui::SeparatorText("Excess loss \u2192 failure fraction \u03b8");
    int map = theta_map_ == ThetaMap::Linear ? 0 : 1;
    ImGui::RadioButton("linear  \u03b8 = c\u00b7\u03b4", &map, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Pinsker  \u03b8 = \u221a(2\u03b4)", &map, 1);
    theta_map_ = map == 0 ? ThetaMap::Linear : ThetaMap::Pinsker;
    if (theta_map_ == ThetaMap::Linear) {
        for (const auto& p : cmapPresets()) {
            if (ImGui::RadioButton(std::string(p.label).c_str(), c_map_ == p.value)) c_map_ = p.value;
        }
    } else {
        ImGui::TextWrapped("Non-paper variant: Corollary 13 would need the loss to fall by k'\u00b2, not k'.");
    }
}

void ScalingView::main() {
    double d_tokens = tokens_per_param_ * n_params_;
    double L = loss(law_, n_params_, d_tokens);
    double excess = excessLoss(law_, n_params_, d_tokens);
    ThetaValue theta = thetaFromExcessChecked(excess, theta_map_, c_map_);
    double halving = excessLoss(law_, 10 * n_params_, 10 * d_tokens) / excess;

    // Read-outs.
    readout("loss L", ui::formatNumber(L, 5), "nats/token");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    readout("excess loss \u03b4 = L \u2212 E", ui::formatNumber(excess, 5), "nats/token");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    readout("\u03b8 (failed text pieces)", ui::formatNumber(theta.theta, 4) + (theta.clipped ? " (clipped below 1)" : ""), "");
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    readout("\u03b4(10N, 10D) / \u03b4(N, D)", ui::formatNumber(halving, 4), "\u2248 \u00bd: 10\u00d7 scale halves the excess");

    // Curves over N.
    std::vector<double> ns(kCurvePoints), ls(kCurvePoints), ex(kCurvePoints), th(kCurvePoints);
    for (int i = 0; i < kCurvePoints; ++i) {
        double t = static_cast<double>(i) / (kCurvePoints - 1);
        ns[i] = kMinN * std::pow(kMaxN / kMinN, t);
        double d = tokens_per_param_ * ns[i];
        ls[i] = loss(law_, ns[i], d);
        ex[i] = excessLoss(law_, ns[i], d);
        th[i] = thetaFromExcess(ex[i], theta_map_, c_map_);
    }
    float h = ImGui::GetContentRegionAvail().y;
    float explain = ImGui::GetFontSize() * 5.5f;
    float plotH = std::max(ImGui::GetFontSize() * 12, (h - explain) * 0.5f - ImGui::GetStyle().ItemSpacing.y);
    std::string nLabel = "model size N (parameters), D = " + ui::formatNumber(tokens_per_param_, 3) + "\u00b7N tokens";
    if (ui::BeginPlot("scaling-loss", "Loss and excess loss against model size",
                      {nLabel, ui::Scale::Log10, kMinN, kMaxN}, {"nats per token", ui::Scale::Log10, 0.01, 10},
                      ImVec2(-1, plotH))) {
        ui::PlotLine("loss L(N, D)", ns, ls, 0);
        ui::PlotLine("excess loss \u03b4 = L \u2212 E", ns, ex, 1);
        ui::PlotHLine(law_.E, "entropy E", 0, ui::LineStyle::Dotted);
        ui::PlotVLine(n_params_, "N", 6);
        ui::EndPlot();
    }
    if (ui::BeginPlot("scaling-theta", "Fraction \u03b8 of failed text pieces",
                      {"model size N (parameters)", ui::Scale::Log10, kMinN, kMaxN}, {"\u03b8", ui::Scale::Log10, 1e-3, 1},
                      ImVec2(-1, plotH))) {
        ui::PlotLine(theta_map_ == ThetaMap::Linear ? "\u03b8 = c\u00b7\u03b4" : "\u03b8 = \u221a(2\u03b4)", ns, th, 2);
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
