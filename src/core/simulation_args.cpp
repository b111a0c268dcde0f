#include "core/simulation_args.h"

namespace slingshot {

SimulationParams graphParamsFrom(const Args& a) {
    SimulationParams p;
    p.n1 = static_cast<uint32_t>(a.integer("n1"));
    p.n2 = static_cast<uint64_t>(a.integer("n2"));
    p.k = static_cast<uint32_t>(a.integer("k"));
    p.theta = a.number("theta");
    p.c = a.number("c");
    p.seed = static_cast<uint64_t>(a.integer("seed"));
    if (a.choice("measure") == "zipf") {
        p.measure.kind = MeasureSpec::Kind::Zipf;
        p.measure.zipf_s = a.number("zipf-s");
    }
    p.memory_budget_bytes = a.number("budget");
    return p;
}

}  // namespace slingshot
