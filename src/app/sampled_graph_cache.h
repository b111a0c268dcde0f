// The last skill graph this engine sampled (one per Web Worker of the page; one for the in-process
// engine), kept so that the next simulation of the same graph (another θ, c, failure mode or tuple
// size, the same N1, N2, k, measure and seed) takes it instead of drawing it again.
#pragma once

#include "core/graph/simulation.h"

#include <cstdint>
#include <memory>

namespace slingshot::app {

// Graphs above this many bytes of slots and degrees are not kept (the next run draws them again).
inline constexpr double kMaxKeptGraphBytes = 64e6;

// The kept graph when it is p's; otherwise null, and the kept one is let go (so that p's graph is not
// drawn beside it).
std::shared_ptr<const SampledGraph> keptGraphFor(const SimulationParams& p);
// Keeps `g` (null keeps nothing) in place of the kept one.
void keepGraph(std::shared_ptr<const SampledGraph> g);
// How many runs took the kept graph so far (for tests and the page's status).
uint64_t keptGraphTakes();

// A number naming a simulation's graph for the page's worker pool, which sends a run to the worker
// that keeps its graph when that worker is as free as any; 0 when the run keeps no graph (streamed).
// Below 2^32, so it is exact as a JavaScript number.
uint32_t graphAffinity(const SimulationParams& p);

}  // namespace slingshot::app
