// Runs one simulation (core/simulation.h) for a view, time-sliced inside frames: restarts when the
// wanted parameters settle (slider drags are debounced), keeps the last complete result for drawing
// while the next one runs, refuses over-budget requests with the engine's message, and draws the
// progress bar with the stage name and a cancel button. Shared by the Skill graph and Competence views.
#pragma once

#include "app/param_binding.h"
#include "core/graph/simulation.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace slingshot::app {

// What a view keeps of a finished job (the job itself, with its large arrays, is released).
struct SimulationSnapshot {
    SimulationParams params;
    SimulationResult result;
    std::vector<uint32_t> degree;        // per skill
    std::vector<uint32_t> failed_edges;  // e(s, Y) per skill
    std::vector<double> probability;     // mu1(s) per skill (empty for the uniform measure)
    std::vector<uint32_t> slots;         // N2 x k skill ids, only for small graphs
    std::vector<uint8_t> failed;         // N2 failure flags, only for small graphs
    double elapsed_ms = 0;               // wall time inside the job's slices
    double estimated_bytes = 0;          // the engine's memory estimate for the run
};

class SimulationRunner {
public:
    // Graphs with at most this many slots (N2 k) keep their slots in the snapshot.
    explicit SimulationRunner(uint64_t keep_slots_up_to = 0) : keep_slots_(keep_slots_up_to) {}

    // Once per frame: restart when `wanted` differs from the current run and has settled (no item
    // being dragged, or unchanged for settle_s seconds), then run the job for slice_ms.
    void update(const SimulationParams& wanted, double slice_ms = 8.0, double settle_s = 0.3);
    // Runs the current parameters again from scratch (same seed: the same graph).
    void rerun() { force_ = true; }

    const SimulationSnapshot* last() const { return last_.get(); }
    // Counts completed runs: changes whenever last() does.
    uint64_t generation() const { return generation_; }
    bool running() const { return job_ && !job_->finished(); }
    bool cancelled() const { return cancelled_; }
    // The refusal (validation or memory budget) or failure of the wanted run; empty when fine.
    const std::string& error() const { return error_; }
    // True while the shown result is not the wanted one (running, refused or cancelled).
    bool stale() const;
    // The wanted run is still to finish (not refused, not cancelled).
    bool busy() const { return stale() && error_.empty() && !cancelled_; }
    // What a read-out of the wanted run says while it has no value: "not run" (refused; the status
    // line says why), "cancelled" or "waiting for the run".
    const char* waitingNote() const { return !error_.empty() ? "not run" : cancelled_ ? "cancelled" : "waiting for the run"; }
    double lastSliceMs() const { return last_slice_ms_; }
    double maxSliceMs() const { return max_slice_ms_; }

    // Progress bar with the stage name and a cancel button, or the error; nothing when idle.
    void drawStatus();

private:
    void start(const SimulationParams& p);
    void finish();

    uint64_t keep_slots_;
    std::unique_ptr<SimulationJob> job_;
    std::unique_ptr<SimulationSnapshot> last_;
    SimulationParams pending_, target_;
    bool have_pending_ = false, have_target_ = false, force_ = false, cancelled_ = false;
    double pending_since_ = 0;
    std::string error_;
    double last_slice_ms_ = 0, max_slice_ms_ = 0;
    uint64_t generation_ = 0;
};


// The inputs of a simulation as the views hold them: bound to slingshot-cli `simulate` flags (n1,
// n2, k, theta, failure, c, kprime, tuples, measure, zipf-s, seed), with their controls.
struct SimulationInputs {
    long long n1 = 1000, n2 = 100000, k = 8, seed = 1, kprime = 2;
    double theta = 0.1, c = 0.8, zipf_s = 1.0;
    std::string failure = "random", measure = "uniform", tuples = "t2";

    // with_tuples: kprime and tuples are part of the run.
    SimulationParams params(bool with_tuples) const;
    std::vector<ParamBinding> bindings(bool with_tuples);
    // The controls; "new graph" and "same graph, rerun" act on `runner`.
    void draw(SimulationRunner& runner, bool with_tuples);
};

}  // namespace slingshot::app
