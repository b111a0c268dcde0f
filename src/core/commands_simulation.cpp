// `simulate`: one sampled skill graph measured against the theorems.
#include "core/bounds.h"
#include "core/query.h"
#include "core/simulation.h"
#include "core/simulation_args.h"

#include <stdexcept>

namespace slingshot {

namespace {

std::string hex64(uint64_t v) {
    static const char* digits = "0123456789abcdef";
    std::string s = "0x";
    for (int shift = 60; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xF];
    return s;
}

Json curveJson(const CompetenceSummary& s) {
    Json curve = Json::array();
    for (const auto& p : s.curve()) curve.push_back({{"c", p.c}, {"frac", p.frac}});
    return curve;
}

SimulationParams paramsFrom(const Args& a) {
    SimulationParams p = graphParamsFrom(a);
    const std::string failure = a.choice("failure");
    p.failure = failure == "random" ? FailureMode::Random
              : failure == "independent" ? FailureMode::Independent
                                         : FailureMode::Adversarial;
    p.kprime = a.has("kprime") ? static_cast<uint32_t>(a.integer("kprime")) : 0;
    p.tuples = a.choice("tuples") == "s" ? TupleReading::S : TupleReading::T2;
    p.t2_pieces = static_cast<uint64_t>(a.integer("t2-pieces"));
    p.grid_points = static_cast<uint32_t>(a.integer("grid"));
    // Nothing here reads the slots after their edges are counted unless tuples or the adversary do.
    if (p.kprime == 0 && p.failure != FailureMode::Adversarial) p.slots = SlotStorage::Streamed;
    return p;
}

Json runSimulate(const Args& a) {
    const SimulationParams p = paramsFrom(a);
    std::unique_ptr<SimulationJob> job;
    try {
        job = std::make_unique<SimulationJob>(p);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    } catch (const MemoryBudgetError& e) {
        throw QueryError(e.what());
    }
    job->runToEnd();
    if (job->state() != JobState::Done) throw QueryError(job->error());
    const SimulationResult& r = job->result();

    Json out;
    out["n1"] = p.n1;
    out["n2"] = p.n2;
    out["k"] = p.k;
    out["theta"] = p.theta;
    out["c"] = p.c;
    out["failure"] = a.choice("failure");
    out["measure"] = job->measure().describe();
    out["seed"] = p.seed;
    out["slots_hash"] = hex64(r.slots_hash);
    out["slots"] = p.slots == SlotStorage::Streamed ? "streamed" : "kept";
    out["memory_estimate_bytes"] = estimateSimulationBytes(p);
    out["mean_degree"] = r.mean_degree;
    out["failed"] = r.failed;
    out["theta_realized"] = r.theta_realized;
    out["skills_counted"] = r.skills.counted;
    out["isolated_skills"] = r.skills.isolated;
    out["weighted_mean_failure"] = r.skills.weightedMeanFailure();
    out["frac_below_c"] = r.skills.fracBelowC();
    out["frac_at_most_c"] = r.skills.fracAtMostC();
    // THEORY 3.2: alpha bound min(1, alpha*, 1/beta) for the same theta, k, c (asymptotic, rho = 0).
    out["bound_frac_below_c"] = 1.0 - fracCompetent(p.theta, p.c, p.k);
    out["curve"] = curveJson(r.skills);
    out["histogram"] = r.skills.histogram;
    if (r.adversary) {
        out["adversary"] = {{"best_x", r.adversary->best_x},
                            {"evaluations", r.adversary->evaluations},
                            {"refined_best", r.adversary->refined_best}};
    }
    if (r.tuples) {
        const TupleReport& t = *r.tuples;
        Json tj;
        tj["kprime"] = p.kprime;
        tj["reading"] = p.tuples == TupleReading::T2 ? "t2" : "s";
        tj["kpieces"] = t.kpieces;
        if (p.tuples == TupleReading::T2) tj["failed_kpieces"] = t.failed_kpieces;
        tj["edges"] = t.edges;
        tj["total_tuples"] = t.total_tuples;
        tj["tuples_counted"] = t.summary.counted;
        tj["tuples_without_edges"] = t.summary.isolated;
        tj["frac_below_c"] = t.summary.fracBelowC();
        tj["frac_at_most_c"] = t.summary.fracAtMostC();
        // T2 is Thm 14 with theta' = k' theta (THEORY 4.2); S has no closed form.
        if (p.tuples == TupleReading::T2)
            tj["bound_frac_below_c"] = 1.0 - fracTuplesT2(p.theta, p.c, p.k, static_cast<int>(p.kprime));
        else
            tj["bound_frac_below_c"] = nullptr;
        tj["curve"] = curveJson(t.summary);
        out["tuples"] = tj;
    }
    out["elapsed_ms"] = job->elapsedMs();
    return out;
}

}  // namespace

void registerSimulationCommands(Registry& r) {
    CommandSpec c;
    c.name = "simulate";
    c.summary = "sample a skill graph, fail text pieces, measure competence of skills (and k'-tuples)";
    using K = ParamKind;
    c.params = {
        Param("n1", "number of skills N1", K::Integer).range(1, kMaxSkills).byDefault("1000"),
        Param("n2", "number of text pieces N2", K::Integer).range(1, double(kMaxPiecesNative)).byDefault("100000"),
        Param("k", "skill slots per text piece", K::Integer).range(1, kMaxSlotsPerPiece).byDefault("8"),
        Param("theta", "measure of failed text pieces").range(0, 1).byDefault("0.1"),
        Param("failure", "how failed pieces are chosen", K::Choice)
            .choices({"random", "independent", "adversarial"})
            .byDefault("random"),
        Param("c", "competence level (fraction of a skill's edges not failed)").range(0, 1).byDefault("0.8"),
        Param("kprime", "tuple size k' (omit for single skills only)", K::Integer).range(2, 3),
        Param("tuples", "k'-tuple reading: t2 = concatenated k'-pieces, s = co-occurrence in one piece", K::Choice)
            .choices({"t2", "s"})
            .byDefault("t2"),
        Param("t2-pieces", "number of k'-pieces for t2 (0 = N2)", K::Integer).range(0, double(kMaxPiecesNative)).byDefault("0"),
        Param("measure", "skill measure mu1", K::Choice).choices({"uniform", "zipf"}).byDefault("uniform"),
        Param("zipf-s", "Zipf exponent s for --measure zipf (mu1(i) ~ i^-s)").range(0, 10).byDefault("1"),
        Param("seed", "random seed", K::Integer).range(0, 9007199254740992.0).byDefault("1"),
        Param("grid", "curve points: c = j/grid, j = 0..grid", K::Integer).range(1, 1000).byDefault("100"),
        Param("budget", "memory limit in bytes").range(0, 1e13).openMin().byDefault("1.5e9"),
    };
    c.run = runSimulate;
    r.add(std::move(c));
}

}  // namespace slingshot
