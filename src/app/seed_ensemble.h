// A seed ensemble beside a view's own run: the same simulation with seeds seed + 1 .. seed + M - 1,
// each its own engine job (kLanes at once: the pool's workers run them side by side), and the bands of
// all M runs, the view's own first (core/graph/ensemble_bands.h). The bands grow as seeds finish, so
// the first seeds show while the rest run; with M = 1 there is nothing beside the view's run.
#pragma once

#include "app/job_lanes.h"
#include "app/simulation_runner.h"
#include "core/graph/ensemble_bands.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

class SeedEnsemble {
public:
    static constexpr size_t kLanes = 4;
    SeedEnsemble();

    // Once per frame, after the view's runner: `wanted` is the view's run (its seed the first),
    // `seeds` the ensemble's size M (1: off).
    void update(const SimulationRunner& first, const SimulationParams& wanted, long long seeds, double slice_ms);

    // Bands over the runs finished with the wanted parameters (the view's own included), once there
    // are two; null otherwise.
    const EnsembleBands* bands() const { return bands_ ? &*bands_ : nullptr; }
    // The seeds of the runs in bands(), in seed order, and each one's snapshot (for export).
    const std::vector<uint64_t>& seeds() const { return seeds_; }
    const std::vector<const SimulationSnapshot*>& runs() const { return runs_; }
    size_t wanted() const { return wanted_; }
    // Members still to finish (not refused, not cancelled).
    bool busy() const { return members_.busy(); }
    bool running() const { return members_.running(); }
    const std::string& error() const { return members_.error(); }
    // "Ensemble: 3 of 8 seeds done" with a progress bar and cancel while members run; the refusal
    // when one was refused; nothing with one seed.
    void drawStatus();

private:
    JobLanes<SimulationParams, SimulationSnapshot> members_;
    size_t wanted_ = 1;
    SimulationParams bands_for_;
    std::optional<EnsembleBands> bands_;
    std::vector<uint64_t> seeds_;
    std::vector<const SimulationSnapshot*> runs_;
};

}  // namespace slingshot::app
