// Emergence view: the guaranteed fraction of k'-tuples with competence >= c against model size N
// (k' = 1, 2, 4, 8), the threshold N of each curve and the ~10x ratio per doubling of k'; simulated
// points from random failure sets at theta(N) (a time-sliced SimulationJob per point); and, for a
// Zipf skill measure, the N at which skills of each frequency rank are guaranteed.
#pragma once

#include "app/job_lanes.h"
#include "app/model_params.h"
#include "app/model_size_player.h"
#include "app/threshold_interval_task.h"
#include "app/trained_models_panel.h"
#include "app/view.h"
#include "core/base/sample_band.h"
#include "core/graph/simulation.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

class EmergenceView : public View {
public:
    EmergenceView();
    const char* urlName() const override { return "emergence"; }
    const char* title() const override { return "Emergence"; }
    void controls() override;
    void main() override;
    void update() override;
    ModelSizePlayer* player() override { return &player_; }
    std::vector<ParamBinding> bindings() override;
    std::vector<std::string> modellingNotes() const override { return params_.notes(); }
    // The app's scaling laws (built-ins and the reader's "fit") for the law choice.
    void useScalingPresets(const ScalingPresets* presets) { params_.presets = ScalingPresetsRef(presets); }
    std::vector<const char*> plotIds() const override { return {"emergence-main", "emergence-zipf"}; }
    bool drawPlot(const std::string& id, ImVec2 size) override;
    bool busy() const override { return intervals_.busy() || (sim_ == "on" && sim_error_.empty() && sim_runs_.busy()); }

    // For tests and the overview: the cached theory and the simulated points so far.
    const EmergenceSweep& sweep() const { return sweep_; }
    const Thresholds& thresholds() const { return thresholds_; }
    // With the reader's fit: the thresholds' intervals once computed for the current inputs.
    const std::vector<ThresholdInterval>* thresholdIntervals() const { return intervals_.current(); }
    const TrainedModelsPanel& trainedModels() const { return models_; }
    struct SimPoint {
        double n_params, theta;
        double frac_skills;                // simulated fraction of skills with competence >= c
        std::optional<double> frac_pairs;  // same for k'=2 tuples (reading T2)
    };
    // The first seed's points (the ensemble's first member), finished ones in N order.
    const std::vector<SimPoint>& simulated() const { return sim_done_; }
    // With an ensemble of several seeds: the spread over the seeds finished at each N so far.
    struct SimBand {
        double n_params;
        SampleBand skills;
        std::optional<SampleBand> pairs;
    };
    const std::vector<SimBand>& simulatedBands() const { return sim_bands_; }
    bool simulationRunning() const { return sim_runs_.running(); }
    static constexpr int kPoints = 241;

private:
    struct TheoryInputs {
        ModelParams model;
        std::vector<long long> kprimes;
        double target, from, to, zipf;
        long long n1;
        bool operator==(const TheoryInputs&) const = default;
    };
    struct SimInputs {
        std::vector<double> n_params, theta;
        double c;
        long long k, seed, n1, n2, seeds;
        bool on;
        bool operator==(const SimInputs&) const = default;
    };
    TheoryInputs theoryInputs() const;
    SimInputs simInputs() const;
    void recomputeTheory();
    void drawSimulationStatus();
    // Recomputes when the inputs changed; false (with the message drawn) when they cannot be drawn.
    bool ensureComputed();
    void drawMainPlot(ImVec2 size, bool compact);
    void drawZipfPlot(ImVec2 size);
    void drawSimulatedBands();

    // Parameters.
    ModelParams params_;
    std::vector<long long> kprimes_ = {1, 2, 4, 8};
    double target_ = 0.5, from_ = 1e8, to_ = 1e17;
    double at_ = 1e12;  // the player's model size N
    ModelSizePlayer player_;
    struct Marker {  // each curve's guaranteed fraction at N = at_, for the theory it was read from
        double n = 0;
        TheoryInputs theory;
        std::vector<double> frac;  // by k', in sweep order
    };
    Marker marker_;
    const Marker& markerNow();
    double zipf_ = 1.0;
    long long n1_ = 10000;  // skills under the Zipf measure
    std::string sim_ = "on";
    long long seed_ = 1, ensemble_ = 1;
    double sim_from_ = 1e10, sim_to_ = 1e13;
    long long sim_points_ = 7, sim_n1_ = 100, sim_n2_ = 100000;

    // Theory cache.
    bool have_ = false;
    TheoryInputs last_;
    std::string error_;
    EmergenceSweep sweep_;
    Thresholds thresholds_;
    std::vector<double> ranks_;
    std::vector<std::vector<double>> zipf_n_;  // [0]: single skills, [1]: pairs of two rank-r skills
    struct Band {
        long long first, last;
        std::optional<double> n;
    };
    std::vector<Band> bands_;

    // Simulation: one job per N and seed of the ensemble, on kSimLanes lanes at once. Seed j of the
    // ensemble runs point i with seed + j P + i (P points), so no two jobs share a graph.
    static constexpr size_t kSimLanes = 4;
    SimulationParams pointParams(const SimInputs& in, size_t i, size_t member) const;
    void collectSimulated(const SimInputs& in);
    std::optional<SimInputs> sim_last_;
    JobLanes<SimulationParams, SimPoint> sim_runs_;
    std::vector<SimPoint> sim_done_;  // the first seed's finished points, in N order
    std::vector<SimBand> sim_bands_;
    size_t collected_runs_ = SIZE_MAX;  // sim_runs_.finished() when sim_done_ and sim_bands_ were made
    SimInputs collected_for_{};
    std::string sim_error_;

    // With the reader's fit: the thresholds' intervals from a bootstrap of their runs.
    ThresholdIntervalTask intervals_;
    TrainedModelsPanel models_;
    void drawThresholds();
};

}  // namespace slingshot::app
