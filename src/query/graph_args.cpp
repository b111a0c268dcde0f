#include "query/graph_args.h"

#include <stdexcept>

namespace slingshot {

Param graphParam(const std::string& name) {
    using K = ParamKind;
    if (name == "n1") return Param("n1", "number of skills N1", K::Integer).range(1, kMaxSkills).byDefault("1000");
    if (name == "n2")
        return Param("n2", "number of text pieces N2", K::Integer)
            .range(1, double(kMaxPiecesNative))
            .byDefault("100000");
    if (name == "k")
        return Param("k", "skill slots per text piece", K::Integer).range(1, kMaxSlotsPerPiece).byDefault("8");
    if (name == "theta") return Param("theta", "measure of failed text pieces").range(0, 1).byDefault("0.1");
    if (name == "c")
        return Param("c", "competence level (fraction of a skill's edges not failed)").range(0, 1).byDefault("0.8");
    if (name == "measure")
        return Param("measure", "skill measure mu1", K::Choice).choices({"uniform", "zipf"}).byDefault("uniform");
    if (name == "zipf-s")
        return Param("zipf-s", "Zipf exponent s for --measure zipf (mu1(i) ~ i^-s)").range(0, 10).byDefault("1");
    // 2^53: every seed is exact as a JSON number.
    if (name == "seed")
        return Param("seed", "random seed (the graph, failed pieces, adversary ties, Lanczos start)", K::Integer)
            .range(0, 9007199254740992.0)
            .byDefault("1");
    if (name == "budget") return Param("budget", "memory limit in bytes").range(0, 1e13).openMin().byDefault("1.5e9");
    throw std::logic_error("no shared graph parameter " + name);
}

SimulationParams graphParamsFrom(const Args& a) {
    SimulationParams p;
    p.n1 = static_cast<uint32_t>(a.integer("n1"));
    p.n2 = static_cast<uint64_t>(a.integer("n2"));
    p.k = static_cast<uint32_t>(a.integer("k"));
    p.theta = a.number("theta");
    p.c = a.number("c");
    p.seed = static_cast<uint64_t>(a.integer("seed"));
    if (a.given("zipf-s") && a.choice("measure") != "zipf")
        throw QueryError("--zipf-s needs --measure zipf (the uniform measure has no exponent)");
    if (a.choice("measure") == "zipf") {
        p.measure.kind = MeasureSpec::Kind::Zipf;
        p.measure.zipf_s = a.number("zipf-s");
    }
    p.memory_budget_bytes = a.number("budget");
    return p;
}

}  // namespace slingshot
