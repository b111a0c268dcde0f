#include "app/view_scaling.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/theory/scaling_examples.h"
#include "query/scaling_points_text.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot::app {

namespace {
constexpr double kMinN = 1e7, kMaxN = 1e15;  // parameters shown on the slider and plot
constexpr int kCurvePoints = 200;
constexpr size_t kPointsTextCapacity = 64 * 1024;  // the text box (about 1500 runs)
constexpr size_t kMaxDLines = 6;                   // fitted curves drawn per distinct D of the points, at most

bool sameConstants(const ScalingLaw& x, const ScalingLaw& y) {
    return x.E == y.E && x.A == y.A && x.B == y.B && x.a == y.a && x.b == y.b;
}

bool usable(const ScalingLaw& law) {
    try {
        validateScalingLaw(law);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

std::string withError(double v, double se) {
    std::string s = ui::formatNumber(v, 4);
    if (!std::isfinite(se)) return s + " \u00b1 n/a";
    // Two significant digits, written out below 10^5 ("\u00b1 100", not "\u00b1 1\u00d710\u00b2").
    char buf[32];
    if (se >= 10 && se < 1e5)
        std::snprintf(buf, sizeof buf, "%.0f",
                      std::round(se / std::pow(10.0, std::floor(std::log10(se)) - 1)) *
                          std::pow(10.0, std::floor(std::log10(se)) - 1));
    else
        std::snprintf(buf, sizeof buf, "%s", ui::formatNumber(se, 2).c_str());
    s += std::string(" \u00b1 ") + buf;
    return s;
}

}  // namespace

ScalingView::ScalingView(ScalingPresets* presets) : presets_(presets ? presets : &own_presets_), law_(hoffmann2022()) {
    loaded_preset_ = preset_;
    seen_law_ = law_;
    edit_buffer_.assign(kPointsTextCapacity, '\0');
}

std::vector<ParamBinding> ScalingView::bindings() {
    auto spec = [](const char* name) { return commandParam("scaling", name); };
    // "fit" is always accepted here: a link carries the fitted constants with it (see update()).
    ParamSpec preset = ScalingPresets::withFit(spec("preset"), true);
    preset.help += "; fit = your own fit (the constants in the link)";
    return {{preset, &preset_},
            {spec("n"), &n_params_},
            {spec("ratio"), &tokens_per_param_},
            {spec("theta-map"), &theta_map_},
            {spec("cmap"), &c_map_},
            {spec("entropy"), &law_.E},
            {spec("coef-n"), &law_.A},
            {spec("coef-d"), &law_.B},
            {spec("exp-n"), &law_.a},
            {spec("exp-d"), &law_.b}};
}

void ScalingView::update() {
    // Constants assigned since the last frame (URL, setState or the inputs) beside a new preset came
    // together with it in a link: they win over the preset's own values.
    const bool constants_arrived = !sameConstants(law_, seen_law_);
    const bool is_fit = preset_ == ScalingPresets::kFitName;
    if (preset_ != loaded_preset_) {
        if (constants_arrived) {
            if (is_fit && usable(law_) && !(presets_->fit() && sameConstants(*presets_->fit(), law_))) {
                presets_->setFit(law_, "the constants of a shared link");
                loaded_fit_version_ = presets_->version();
            }
            loaded_preset_ = preset_;
        } else if (auto law = presets_->find(preset_)) {
            law_ = *law;
            loaded_preset_ = preset_;
            if (is_fit) loaded_fit_version_ = presets_->version();
        } else {
            preset_ = loaded_preset_;  // "fit" before any fit and without constants: nothing to load
        }
    } else if (is_fit && presets_->fit() && presets_->version() != loaded_fit_version_) {
        law_ = *presets_->fit();  // a new fit while the preset is in use
        loaded_fit_version_ = presets_->version();
    }
    law_.name = preset_;
    seen_law_ = law_;
}

void ScalingView::setPointsText(const std::string& text) {
    points_text_ = text.substr(0, kPointsTextCapacity - 1);
    std::fill(edit_buffer_.begin(), edit_buffer_.end(), '\0');
    std::memcpy(edit_buffer_.data(), points_text_.data(), points_text_.size());
}

void ScalingView::loadExamplePoints() {
    setPointsText("# Hoffmann et al. (2022) law, 5 x 5 runs, 1% lognormal noise (seed " +
                  std::to_string(example_seed_) + ")\n" +
                  formatScalingPoints(exampleScalingPoints(hoffmann2022(), example_seed_)));
    ++example_seed_;  // the next press draws new noise
}

bool ScalingView::fitPoints() {
    fit_error_.clear();
    try {
        std::vector<ScalingPoint> points = parseScalingPoints(points_text_);
        fit_ = fitScalingLaw(points);
        fit_points_ = std::move(points);
        return true;
    } catch (const std::invalid_argument& e) {
        fit_error_ = e.what();
    } catch (const std::exception& e) {
        fit_error_ = std::string("the fit failed: ") + e.what();
    }
    return false;
}

bool ScalingView::useFitAsPreset() {
    if (!fit_) {
        fit_error_ = "fit the points first";
        return false;
    }
    try {
        presets_->setFit(fit_->law, std::to_string(fit_->n_points) + " points", PointsFit{fit_points_, *fit_});
    } catch (const std::invalid_argument& e) {
        fit_error_ = std::string("the fit cannot be a preset: ") + e.what();
        return false;
    }
    fit_error_.clear();
    preset_ = ScalingPresets::kFitName;  // update() loads its constants
    return true;
}

void ScalingView::controls() {
    ImGui::SeparatorText("Scaling law  L = E + A/N\u1d43 + B/D\u1d47");
    if (ImGui::BeginCombo("preset", comboPreview(preset_, preset_).c_str())) {
        for (const auto& name : presets_->names())
            if (ImGui::Selectable(name.c_str(), name == preset_)) preset_ = name;
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && presets_->fit())
        ImGui::SetTooltip("fit: your own law, from %s", presets_->fitSource().c_str());
    else
        paramTooltip(commandParam("scaling", "preset"), "Loads the fit's constants; edit them below.");
    inputPositive("E (nats/token)", &law_.E, "%.4g", true);
    paramTooltip(commandParam("scaling", "entropy"), "The floor of the loss; it never enters \u03b8.");
    inputPositive("A", &law_.A, "%.5g");
    paramTooltip(commandParam("scaling", "coef-n"), "Larger A: more loss from a small model.");
    inputPositive("B", &law_.B, "%.5g");
    paramTooltip(commandParam("scaling", "coef-d"), "Larger B: more loss from little data.");
    inputPositive("a (exponent of N)", &law_.a, "%.4g");
    paramTooltip(commandParam("scaling", "exp-n"), "How fast the model term falls with N.");
    inputPositive("b (exponent of D)", &law_.b, "%.4g");
    paramTooltip(commandParam("scaling", "exp-d"), "How fast the data term falls with D.");
    if (auto preset = presets_->find(preset_); preset && !sameConstants(*preset, law_))
        mutedText("edited: constants differ from %s", preset_.c_str());

    ImGui::SeparatorText("Model and data");
    logSlider("N (parameters)", &n_params_, kMinN, kMaxN);
    paramTooltip(commandParam("scaling", "n"), "Moves the marker N on both plots and the read-outs.");
    logSlider("r = D/N (tokens per parameter)", &tokens_per_param_, 1.0, 1000.0);
    paramTooltip(commandParam("scaling", "ratio"), "Training tokens per parameter; 20 is Chinchilla's rule.");
    mutedText("D = r\u00b7N = %s tokens", ui::formatNumber(tokens_per_param_ * n_params_).c_str());

    ImGui::SeparatorText("Excess loss \u2192 failure fraction \u03b8");
    if (ImGui::RadioButton("linear  \u03b8 = c\u00b7\u03b4", theta_map_ == "linear")) theta_map_ = "linear";
    paramTooltip(commandParam("scaling", "theta-map"), "The paper's reading: \u03b8 proportional to the excess loss.");
    sameLineIfFits(boxedLabelWidth("Pinsker  \u03b8 = \u221a(2\u03b4)"));
    if (ImGui::RadioButton("Pinsker  \u03b8 = \u221a(2\u03b4)", theta_map_ == "pinsker")) theta_map_ = "pinsker";
    paramTooltip(commandParam("scaling", "theta-map"), "Theorem 3's worst case; not the paper's map.");
    if (theta_map_ == "linear") {
        for (const auto& p : cmapPresets())
            if (ImGui::RadioButton(std::string(p.label).c_str(), c_map_ == p.value)) c_map_ = p.value;
        inputPositive("c (custom)", &c_map_, "%.4g");
        paramTooltip(commandParam("scaling", "cmap"),
                     "Doubling c moves every emergence threshold about 10\u00d7 in N.");
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("The map \u03b4 \u2192 \u03b8 is uncertain [U]; c = 1 is the default.");
        ImGui::PopStyleColor();
    } else {
        ImGui::TextWrapped("Non-paper variant: Corollary 13 would need the loss to fall by k'\u00b2, not k'.");
    }
    fitControls();
}

void ScalingView::fitControls() {
    ImGui::SeparatorText("Your own scaling law");
    ImGui::TextWrapped("Paste your runs, one \"N,D,L\" line each (parameters, tokens, loss in nats/token).");
    const float fs = ImGui::GetFontSize();
    if (ImGui::InputTextMultiline("##points", edit_buffer_.data(), edit_buffer_.size(), ImVec2(-1, fs * 8)))
        points_text_ = edit_buffer_.data();
    if (ImGui::Button("Example data")) loadExamplePoints();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("25 runs generated from Hoffmann et al.'s law with 1%% noise (press again: new noise)");
    ImGui::SameLine();
    if (ImGui::Button("Fit")) fitPoints();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Huber loss on log L, Levenberg-Marquardt from the best of 4500 starts");
    ImGui::SameLine();
    ImGui::BeginDisabled(!fit_ || !usable(fit_->law));
    if (ImGui::Button("Use as preset")) useFitAsPreset();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("The fit becomes the preset \"fit\" here and in the Emergence and Stimulus views");
    if (!fit_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.8f, 0.22f, 0.06f, 1));
        ImGui::TextWrapped("%s", fit_error_.c_str());
        ImGui::PopStyleColor();
    }
    if (!fit_) return;
    const ScalingFit& f = *fit_;
    if (ImGui::BeginTable("fit", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
        auto row = [](const char* name, const std::string& value) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(name);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(value.c_str());
        };
        row("E", withError(f.law.E, f.se.E));
        row("A", withError(f.law.A, f.se.A));
        row("B", withError(f.law.B, f.se.B));
        row("a", withError(f.law.a, f.se.a));
        row("b", withError(f.law.b, f.se.b));
        row("Huber loss", ui::formatNumber(f.huber_loss, 3));
        row("rms log residual", ui::formatNumber(f.rms_log_residual, 3));
        row("iterations", std::to_string(f.iterations) + " (best of " + std::to_string(f.lm_runs) + " runs)");
        ImGui::EndTable();
    }
    mutedText("%zu points; errors: 1 standard error (Jacobian).", f.n_points);
    if (!usable(f.law))
        ImGui::TextWrapped(
            "This fit cannot be a preset: an exponent is \u2264 0 (the loss does not fall with N or D).");
}

ScalingView::Readings ScalingView::readings() const {
    Readings r{};
    r.d_tokens = tokens_per_param_ * n_params_;
    r.loss = loss(law_, n_params_, r.d_tokens);
    r.excess = excessLoss(law_, n_params_, r.d_tokens);
    r.theta = thetaFromExcessChecked(r.excess, thetaMap(), c_map_);
    r.halving = excessLoss(law_, 10 * n_params_, 10 * r.d_tokens) / r.excess;
    return r;
}

std::string ScalingView::figureSummary() {
    const Readings r = readings();
    return "At N = " + ui::formatNumber(n_params_, 3) + " parameters and D = " + ui::formatNumber(r.d_tokens, 3) +
           " tokens: loss L = " + ui::formatNumber(r.loss, 5) +
           " nats per token, excess loss \u03b4 = " + ui::formatNumber(r.excess, 5) +
           ", failed fraction \u03b8 = " + ui::formatNumber(r.theta.theta, 4) +
           (r.theta.clipped ? " (clipped below 1)" : "") + "; ten times the scale multiplies \u03b4 by " +
           ui::formatNumber(r.halving, 4) + ".";
}

void ScalingView::main() {
    const Readings r = readings();
    ReadoutRow row;
    row.add("loss L", ui::formatNumber(r.loss, 5), "nats/token");
    row.add("excess loss \u03b4 = L \u2212 E", ui::formatNumber(r.excess, 5), "nats/token");
    row.add("\u03b8 (failed text pieces)", ui::formatNumber(r.theta.theta, 4),
            r.theta.clipped ? "clipped below 1" : "");
    row.add("\u03b4(10N, 10D) / \u03b4(N, D)", ui::formatNumber(r.halving, 4),
            "\u2248 \u00bd: 10\u00d7 scale halves \u03b4");

    float fs = ImGui::GetFontSize();
    float h = ImGui::GetContentRegionAvail().y;
    float plotH = std::max(fs * 15, (h - fs * 5.5f) * 0.5f - ImGui::GetStyle().ItemSpacing.y);  // scrolls when short
    drawLossPlot(ImVec2(-1, plotH));
    drawThetaPlot(ImVec2(-1, plotH));
    ImGui::TextWrapped(
        "The scaling law (Hoffmann et al. 2022) predicts the cross-entropy loss of a model with N parameters trained "
        "on D tokens. Its floor E is the entropy of text; what is left, the excess loss \u03b4, is all the theory "
        "uses. Under the Cloze Sufficiency assumption the fraction \u03b8 of text pieces the model fails tracks \u03b4 "
        "(linear map, factor c). Each 10\u00d7 in scale roughly halves \u03b4, and so halves \u03b8. "
        "With your own runs (left panel), the fit replaces the law here and, as preset \"fit\", in the Emergence "
        "and Stimulus views.");
}

ScalingView::Curves ScalingView::curves() const {
    // Over N, for D = r N and for the compute-optimal D of each N.
    Curves cv;
    for (auto* v : {&cv.ns, &cv.ls, &cv.ex, &cv.exOpt, &cv.th}) v->resize(kCurvePoints);
    for (int i = 0; i < kCurvePoints; ++i) {
        double t = static_cast<double>(i) / (kCurvePoints - 1);
        cv.ns[i] = kMinN * std::pow(kMaxN / kMinN, t);
        double d = tokens_per_param_ * cv.ns[i];
        cv.ls[i] = loss(law_, cv.ns[i], d);
        cv.ex[i] = excessLoss(law_, cv.ns[i], d);
        cv.exOpt[i] = excessLoss(law_, cv.ns[i], computeOptimalTokens(law_, cv.ns[i]));
        cv.th[i] = thetaFromExcess(cv.ex[i], thetaMap(), c_map_);
    }
    return cv;
}

bool ScalingView::drawPlot(const std::string& id, ImVec2 size) {
    if (id == "scaling-loss")
        drawLossPlot(size);
    else if (id == "scaling-theta")
        drawThetaPlot(size);
    else
        return false;
    return true;
}

void ScalingView::drawLossPlot(ImVec2 size) {
    const Curves cv = curves();
    const std::vector<double>&ns = cv.ns, &ls = cv.ls, &ex = cv.ex, &exOpt = cv.exOpt;
    std::string rLabel = ui::formatNumber(tokens_per_param_, 3);
    const std::string lawLabel = preset_ == ScalingPresets::kFitName ? " (your fit)" : "";
    if (ui::BeginPlot("scaling-loss", ("Loss and excess loss against model size" + lawLabel).c_str(),
                      {"model size N (parameters)", ui::Scale::Log10, kMinN, kMaxN},
                      {"nats per token", ui::Scale::Log10, 0.01, 10}, size)) {
        ui::PlotLine(("loss L, D = " + rLabel + "\u00b7N").c_str(), ns, ls, 0);
        ui::PlotLine(("excess \u03b4, D = " + rLabel + "\u00b7N").c_str(), ns, ex, 1);
        ui::PlotLine("excess \u03b4, compute-optimal D", ns, exOpt, 2, ui::LineStyle::Dashed);
        if (fit_ && !fit_points_.empty()) {
            // Your runs on the excess scale (L - E with the fit's E, where they spread out), and the
            // fitted excess A/N^a + B/D^b through them: one curve per distinct D when there are few.
            const ScalingLaw& f = fit_->law;
            std::vector<double> ds, px, py;
            double nlo = fit_points_[0].n_params, nhi = nlo;
            for (const ScalingPoint& p : fit_points_) {
                if (std::find(ds.begin(), ds.end(), p.d_tokens) == ds.end()) ds.push_back(p.d_tokens);
                nlo = std::min(nlo, p.n_params), nhi = std::max(nhi, p.n_params);
                px.push_back(p.n_params);
                py.push_back(p.loss - f.E);  // <= 0 (a run below the fitted floor) is not drawn on the log axis
            }
            if (ds.size() <= kMaxDLines) {
                std::sort(ds.begin(), ds.end());
                constexpr int kFitPoints = 60;
                std::vector<double> fx(kFitPoints), fy(kFitPoints);
                for (size_t j = 0; j < ds.size(); ++j) {
                    for (int i = 0; i < kFitPoints; ++i) {
                        fx[i] = nlo * std::pow(nhi / nlo, double(i) / (kFitPoints - 1));
                        fy[i] = excessLoss(f, fx[i], ds[j]);
                    }
                    ui::PlotLine(j == 0 ? "fit at your runs' D" : "##fit, another D", fx, fy, 4, ui::LineStyle::Solid,
                                 1.2f);
                }
            }
            ui::PlotMarkers("your runs, L \u2212 E", px, py, 4, 3.0f);
        }
        ui::PlotHLine(law_.E, "entropy E", 0, ui::LineStyle::Dotted);
        ui::PlotVLine(n_params_, "N", 6);
        ui::EndPlot();
    }
}

void ScalingView::drawThetaPlot(ImVec2 size) {
    const Curves cv = curves();
    const std::vector<double>&ns = cv.ns, &th = cv.th;
    if (ui::BeginPlot("scaling-theta", "Fraction \u03b8 of failed text pieces",
                      {"model size N (parameters)", ui::Scale::Log10, kMinN, kMaxN},
                      {"\u03b8", ui::Scale::Log10, 1e-3, 1}, size)) {
        ui::PlotLine(thetaMap() == ThetaMap::Linear ? "\u03b8 = c\u00b7\u03b4" : "\u03b8 = \u221a(2\u03b4)", ns, th, 3);
        ui::PlotVLine(n_params_, "N", 6);
        ui::EndPlot();
    }
}

}  // namespace slingshot::app
