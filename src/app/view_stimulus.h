// Paucity of stimulus view: the fraction of k'-tuples of skills that training can have shown at all
// (an upper bound, n_train C(k, k') / C(N1, k')) against the fraction guaranteed competent, as the
// model and its training data grow. Where the guarantee is above the bound, the model is competent
// on tuples it never saw together.
#pragma once

#include "app/model_params.h"
#include "app/model_size_player.h"
#include "app/view.h"
#include "core/theory/emergence.h"

#include <string>
#include <vector>

namespace slingshot::app {

class StimulusView : public View {
public:
    StimulusView();
    const char* urlName() const override { return "stimulus"; }
    const char* title() const override { return "Stimulus"; }
    void controls() override;
    void main() override;
    void update() override;
    ModelSizePlayer* player() override { return &player_; }
    std::vector<ParamBinding> bindings() override;
    std::vector<std::string> modellingNotes() const override { return params_.notes(); }
    // The app's scaling laws (built-ins and the reader's "fit") for the law choice.
    void useScalingPresets(const ScalingPresets* presets) { params_.presets = ScalingPresetsRef(presets); }
    std::vector<const char*> plotIds() const override { return {"stimulus-main"}; }
    bool drawPlot(const std::string& id, ImVec2 size) override;

    static constexpr int kPoints = 241;
    struct Curve {
        long long kprime;
        std::vector<double> seen, guaranteed, unseen_high;  // unseen_high = max(seen, guaranteed)
    };
    const std::vector<Curve>& curves() const { return curves_; }
    const std::vector<double>& modelSizes() const { return n_; }

private:
    struct Inputs {
        ModelParams model;
        long long n1;
        std::vector<long long> kprimes;
        double tokens_per_piece, from, to;
        bool operator==(const Inputs&) const = default;
    };
    Inputs inputs() const { return {params_, n1_, kprimes_, tokens_per_piece_, from_, to_}; }
    void recompute();
    void readAt();  // the read-outs at N = at_
    // Recomputes when the inputs changed; false (with the message drawn) when they cannot be drawn.
    bool ensureComputed();
    void drawMainPlot(ImVec2 size);

    ModelParams params_;
    long long n1_ = 10000;
    std::vector<long long> kprimes_ = {4, 8};
    double tokens_per_piece_ = 100;  // [U] a text piece of about a paragraph
    double from_ = 1e9, to_ = 1e17;
    double at_ = 1e13;  // the model size of the read-outs
    std::string logy_ = "off";

    bool have_ = false;
    Inputs last_;
    std::string error_;
    std::vector<double> n_;
    std::vector<Curve> curves_;
    struct Reading {
        long long kprime;
        double d_tokens, n_train, theta, seen, guaranteed, log10_sets;
    };
    std::vector<Reading> at_readings_;
    double readings_at_ = 0;  // the N of at_readings_
    ModelSizePlayer player_;
};

}  // namespace slingshot::app
