// Scaling view: the scaling law L(N, D), its excess loss and the failure measure theta; and the
// reader's own law: paste (N, D, L) runs (or generate an example), fit E, A, B, a, b (core
// scaling_fit) and use the fit as the preset "fit" here and in the views that choose a law.
#pragma once

#include "app/scaling_presets.h"
#include "app/view.h"
#include "core/theory/cloze.h"
#include "core/theory/scaling_fit.h"
#include "core/theory/scaling_law.h"

#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

class ScalingView : public View {
public:
    // `presets`: the app's store (the fit made here is offered everywhere); null: a store of its own.
    explicit ScalingView(ScalingPresets* presets = nullptr);
    const char* urlName() const override { return "scaling"; }
    const char* title() const override { return "Scaling"; }
    void update() override;
    void controls() override;
    void main() override;
    std::vector<ParamBinding> bindings() override;
    std::vector<const char*> plotIds() const override { return {"scaling-loss", "scaling-theta"}; }
    bool drawPlot(const std::string& id, ImVec2 size) override;

    // The fit panel, also driven by tests: the text of the points, fit it, make it the preset.
    void setPointsText(const std::string& text);
    const std::string& pointsText() const { return points_text_; }
    void loadExamplePoints();  // Hoffmann et al.'s law on a 5 x 5 grid with 1% noise
    bool fitPoints();          // false with fitError() set when the text or the points are refused
    bool useFitAsPreset();     // false with fitError() set when the fitted law is not usable
    const std::optional<ScalingFit>& lastFit() const { return fit_; }
    const std::vector<ScalingPoint>& fittedPoints() const { return fit_points_; }
    const std::string& fitError() const { return fit_error_; }
    const ScalingLaw& law() const { return law_; }

    std::string figureSummary() override;

private:
    // The read-outs at the chosen N and D = r·N, as the page shows them above the plots.
    struct Readings {
        double d_tokens, loss, excess, halving;  // nats per token; halving = δ(10N, 10D) / δ(N, D)
        ThetaValue theta;
    };
    Readings readings() const;
    ThetaMap thetaMap() const { return theta_map_ == "pinsker" ? ThetaMap::Pinsker : ThetaMap::Linear; }
    void fitControls();
    // Loss, excess (at D = r N and compute-optimal) and theta over the plotted range of N.
    struct Curves {
        std::vector<double> ns, ls, ex, exOpt, th;
    };
    Curves curves() const;
    void drawLossPlot(ImVec2 size);
    void drawThetaPlot(ImVec2 size);

    ScalingPresets own_presets_;
    ScalingPresets* presets_;

    // Bound parameters (slingshot-cli `scaling` flag names in brackets).
    std::string preset_ = "hoffmann2022";  // [preset]
    std::string loaded_preset_;            // the preset whose constants law_ holds
    ScalingLaw law_;                       // [entropy coef-n coef-d exp-n exp-d]
    ScalingLaw seen_law_;                  // law_ as update() last saw it (to tell a URL's constants)
    uint64_t loaded_fit_version_ = 0;      // the store's fit that law_ holds when preset_ is "fit"
    double n_params_ = 7e10;               // [n] model size N (parameters)
    double tokens_per_param_ = 20;         // [ratio] D = r N
    std::string theta_map_ = "linear";     // [theta-map] linear | pinsker
    double c_map_ = 1.0;                   // [cmap]

    // The fit panel (not part of the URL: a link carries the fitted constants instead).
    std::string points_text_;
    std::vector<char> edit_buffer_;
    uint64_t example_seed_ = 1;
    std::optional<ScalingFit> fit_;
    std::vector<ScalingPoint> fit_points_;
    std::string fit_error_;
};

}  // namespace slingshot::app
