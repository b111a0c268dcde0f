// Reading the sampled-graph flags shared by `simulate` and `certify` (n1, n2, k, theta, c, seed,
// measure, zipf-s, budget) from a validated request, so both commands read them one way.
#pragma once

#include "core/query.h"
#include "core/simulation.h"

namespace slingshot {

// The graph, failure measure, competence level, seed, skill measure and memory budget; the caller
// sets the failure mode, tuples and grid its command has.
SimulationParams graphParamsFrom(const Args& a);

}  // namespace slingshot
