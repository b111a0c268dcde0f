// Runs one simulation (core/graph/simulation.h) for a view, time-sliced inside frames: restarts when the
// wanted parameters settle (slider drags are debounced), keeps the last complete result for drawing
// while the next one runs, refuses over-budget requests with the engine's message, and draws the
// progress bar with the stage name and a cancel button. Shared by the Skill graph and Competence views.
#pragma once

#include "app/job_driver.h"
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

void writeValue(ByteWriter& w, const SimulationSnapshot& v);
void readValue(ByteReader& r, SimulationSnapshot& v);
// The engine's simulation job (JobKind::Simulation): its request, and the snapshot it answers with.
Bytes simulationRequest(const SimulationParams& p, uint64_t keep_slots_up_to);
std::unique_ptr<SimulationSnapshot> simulationSnapshotOf(const Bytes& result);

class SimulationRunner {
public:
    // Graphs with at most this many slots (N2 k) keep their slots in the snapshot.
    explicit SimulationRunner(uint64_t keep_slots_up_to = 0);

    // Once per frame: see JobDriver::update.
    void update(const SimulationParams& wanted, double slice_ms = 8.0) { driver_.update(wanted, slice_ms); }
    // Runs the current parameters again from scratch (same seed: the same graph).
    void rerun() { driver_.rerun(); }

    const SimulationSnapshot* last() const { return driver_.last(); }
    // The parameters last() was run with (as the view asked; the snapshot's may say "streamed").
    const SimulationParams* lastParams() const { return driver_.lastParams(); }
    // Counts the snapshots taken (finished runs and partial ones): changes whenever last() does.
    uint64_t generation() const { return driver_.generation(); }
    bool running() const { return driver_.running(); }
    // last() is the wanted run's skills without its tuples (still running, cancelled or refused).
    bool partial() const { return driver_.partial(); }
    // last() is the wanted run: finished, or its final skills (partial()); else a previous run.
    bool showsWantedRun() const { return !stale() || partial(); }
    bool cancelled() const { return driver_.cancelled(); }
    // The refusal (validation or memory budget) or failure of the wanted run; empty when fine.
    const std::string& error() const { return driver_.error(); }
    // True while the shown result is not the wanted one (running, refused or cancelled).
    bool stale() const { return driver_.stale(); }
    // The wanted run is still to finish (not refused, not cancelled).
    bool busy() const { return driver_.busy(); }
    // What a read-out of the wanted run says while it has no value: "not run" (refused; the status
    // line says why), "cancelled" or "waiting for the run".
    const char* waitingNote() const {
        return !error().empty() ? "not run" : cancelled() ? "cancelled" : "waiting for the run";
    }
    double lastSliceMs() const { return driver_.lastSliceMs(); }
    double maxSliceMs() const { return driver_.maxSliceMs(); }

    // Progress bar with the stage name and a cancel button, or the error; nothing when idle.
    void drawStatus();

private:
    JobDriver<SimulationParams, SimulationSnapshot> driver_;
};

// How many seeds a view's ensemble runs (1: a single run), as the URL's `ensemble`.
inline constexpr long long kMaxEnsembleSeedsPage = 32;
ParamSpec ensembleSpec();

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
