// The sampled-graph parameters that `simulate` and `certify` share (n1, n2, k, theta, c, seed,
// measure, zipf-s, budget): declared once and read one way.
#pragma once

#include "core/graph/simulation.h"
#include "query/query.h"

#include <string>

namespace slingshot {

// The declaration of one shared parameter, ranges and defaults included; a command may narrow it.
// Throws std::logic_error for a name that is not one of them.
Param graphParam(const std::string& name);

// The graph, failure measure, competence level, seed, skill measure and memory budget; the caller
// sets the failure mode, tuples and grid its command has.
SimulationParams graphParamsFrom(const Args& a);

}  // namespace slingshot
