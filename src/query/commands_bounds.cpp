// The guarantees at one theta: `bound` (Thm 8, Thm 14, Cor 13: a level or a curve), `adversary`
// (how tight they are, §3.3) and `stimulus` (paucity of stimulus, §5.4).
#include "core/theory/bounds.h"
#include "core/theory/skill_counts.h"
#include "core/theory/stimulus_sweep.h"
#include "core/theory/tightness.h"
#include "query/command_support.h"
#include "query/commands.h"
#include "query/model_notes.h"
#include "query/theory_args.h"

#include <algorithm>
#include <string>
#include <vector>

namespace slingshot {

namespace {

Json noBlocksNotes() {
    return {
        "t1 cuts each piece's k slots into blocks of k' skills: with k' > k there is no block, no k'-tuple "
        "has an edge, and nothing is guaranteed (frac 0)"};
}

Json runBound(const Args& a) {
    exclusive(a, "c", "points");
    if (!a.has("c") && !a.has("points")) throw QueryError("one of --c (a level) or --points (a curve) is required");
    const double theta = a.number("theta"), k = a.number("k"), rho = a.number("rho");
    const int kprime = static_cast<int>(a.integer("kprime"));
    const TupleModel model = tupleModelFrom(a);
    if (rho > 0 && kprime > 1 && model == TupleModel::T1)
        throw QueryError("--rho > 0 and --tuples t1 cannot be used together (T1's finite-size term needs N1)");
    if (a.has("points")) {
        const auto curve = performanceCurve(theta, k, kprime, model, rho, static_cast<int>(a.integer("points")));
        Json points = Json::array();
        for (const CurvePoint& p : curve) points.push_back({{"c", p.c}, {"frac", p.frac}});
        Json out = {{"theta", theta},   {"k", k},
                    {"kprime", kprime}, {"tuples", std::string(tupleModelName(model))},
                    {"rho", rho},       {"curve", points}};
        if (tuplesWithoutBlocks(model, k, kprime)) out["notes"] = noBlocksNotes();
        return out;
    }
    const double c = a.number("c");
    const BoundDetail d = boundDetail(theta, c, k, kprime, model, rho);
    Json out = {{"theta", theta},
                {"k", k},
                {"kprime", kprime},
                {"c", c},
                {"beta", finiteOrNull(d.beta)},
                {"alpha_star", finiteOrNull(d.alpha_star)},
                {"frac", d.frac},
                {"tuples", std::string(tupleModelName(model))},
                {"rho", rho},
                {"theta_eff", d.theta_eff},
                {"k_eff", d.k_eff},
                {"c_eff", d.c_eff},
                {"alpha_bound", d.alpha_bound},
                {"markov_frac", d.markov_frac}};
    if (d.no_blocks) out["notes"] = noBlocksNotes();
    return out;
}

Json runAdversary(const Args& a) {
    const double theta = a.number("theta"), tau = a.number("tau");
    const int k = static_cast<int>(a.integer("k"));
    const BoundDetail d = boundDetail(theta, 1 - tau, k, 1, TupleModel::T2, 0);
    Json out = {{"theta", theta},
                {"tau", tau},
                {"k", k},
                {"alpha_a", greedyAdversaryAlpha(theta, tau, k)},
                {"alpha_star", finiteOrNull(d.alpha_star)},
                {"alpha_bound", d.alpha_bound}};
    if (a.has("degree")) out["random_fraction"] = randomYFraction(theta, tau, a.integer("degree"));
    return out;
}

// One point of the sweep, or the answer at --n, as JSON.
Json stimulusAtJson(const StimulusAt& s) {
    return {{"n", s.n_params},
            {"d", s.d_tokens},
            {"ntrain", s.n_train},
            {"theta", s.theta.theta},
            {"theta_clipped", s.theta.clipped},
            {"seen_fraction_bound", s.seen_fraction_bound},
            {"guaranteed_fraction", s.guaranteed_fraction},
            {"unseen_competent_fraction_min", s.unseen_competent_fraction_min}};
}

// --n: n_train and theta from the scaling law at N (and a sweep over N with --points), as the
// Stimulus view computes them.
Json runStimulusAlongLaw(const Args& a, long long n1, int k, int kprime) {
    for (const char* given : {"theta", "ntrain"})
        if (a.has(given))
            throw QueryError(std::string("--n and --") + given + " cannot be used together (--n derives both)");
    const EmergenceModel m = emergenceModelFrom(a, k, a.has("c") ? a.number("c") : 0.8);
    const double per_piece = a.number("tokens-per-piece");
    Json out = stimulusAtJson(stimulusAt(m, n1, kprime, per_piece, a.number("n")));
    out["n1"] = n1;
    out["k"] = k;
    out["kprime"] = kprime;
    out["c"] = m.c;
    out["tokens_per_piece"] = per_piece;
    out["tuples"] = std::string(tupleModelName(m.tuples));
    out["preset"] = m.law.name;
    addLawFields(out, m.law);
    addThetaFields(out, m);
    out["notes"] = modellingNotes(m);
    if (a.has("points")) {
        const int kp[] = {kprime};
        const StimulusSweep sweep = sweepStimulus(m, n1, kp, per_piece, a.number("from"), a.number("to"),
                                                  static_cast<int>(a.integer("points")));
        Json points = Json::array();
        for (const StimulusAt& s : sweep.curves.front().points) points.push_back(stimulusAtJson(s));
        out["sweep"] = points;
    }
    return out;
}

Json runStimulus(const Args& a) {
    const long long n1 = a.integer("n1");
    const int k = static_cast<int>(a.integer("k")), kprime = static_cast<int>(a.integer("kprime"));
    if (n1 < k) throw QueryError("--n1 must be at least --k");
    if (kprime > n1) throw QueryError("--kprime must not exceed --n1 (there is no larger set of skills)");
    if (a.has("n")) return runStimulusAlongLaw(a, n1, k, kprime);
    if (!a.has("ntrain")) throw QueryError("one of --ntrain (training pieces) or --n (a model size) is required");
    for (const char* law_only : {"points", "from", "to", "tokens-per-piece", "preset", "ratio", "d-rule", "entropy",
                                 "coef-n", "coef-d", "exp-n", "exp-d", "fit-points", "theta-map", "cmap"})
        if (a.given(law_only))
            throw QueryError(std::string("--") + law_only + " needs --n (a model size on the scaling law)");
    if (a.has("c") && !a.has("theta")) throw QueryError("--c needs --theta (the guaranteed fraction needs both)");
    const StimulusCount s = stimulusCount(n1, k, kprime, a.number("ntrain"));
    Json out = {{"seen_fraction_bound", s.seen_fraction_bound},
                {"log10_kprime_sets", s.log10_sets_total},
                {"kprime_sets_per_piece", s.sets_per_piece},
                {"n1", n1},
                {"k", k},
                {"kprime", kprime},
                {"ntrain", a.number("ntrain")}};
    if (a.has("theta")) {
        const double c = a.has("c") ? a.number("c") : 0.8;
        const double frac = fracTuples(tupleModelFrom(a), a.number("theta"), c, k, kprime);
        out["theta"] = a.number("theta");
        out["c"] = c;
        out["guaranteed_fraction"] = frac;
        // Tuples guaranteed competent that no training piece can have shown together.
        out["unseen_competent_fraction_min"] = std::max(0.0, frac - s.seen_fraction_bound);
    }
    return out;
}

}  // namespace

CommandSpec boundCommand() {
    std::vector<ParamSpec> p = {
        Param("theta", "failure measure theta of text pieces").range(0, 1).required(),
        Param("k", "skills per text piece (real allowed)").range(1, 1e6).required(),
        Param("kprime", "tuple size k'", ParamKind::Integer).range(1, 64).byDefault("1"),
        tuplesParam(),
        Param("rho", "finite size rho = N1/N2 (0 = asymptotic)").range(0, 1).byDefault("0"),
        Param("c", "competence level c (fraction of cloze questions right)").range(0, 1).openMax(),
        Param("points", "curve over c = i/points, i < points", ParamKind::Integer).range(2, 100000),
    };
    return {"bound", "guaranteed fraction of skills (k'-tuples) with competence >= c (Thm 8, Thm 14, Cor 13)", p,
            guarded("bound", runBound)};
}

CommandSpec adversaryCommand() {
    std::vector<ParamSpec> p = {
        Param("theta", "failure measure theta of text pieces").range(0, 1).required(),
        Param("tau", "failure level tau = 1 - c").range(0, 1).openMin().required(),
        Param("k", "skills per text piece", ParamKind::Integer).range(1, 10000).required(),
        Param("degree", "skill degree for the random-Y binomial tail", ParamKind::Integer).range(1, 1e12),
    };
    return {"adversary", "exact asymptotic worst-case fraction alpha_A below competence 1 - tau (§3.3)", p,
            guarded("adversary", runAdversary)};
}

CommandSpec stimulusCommand() {
    std::vector<ParamSpec> p = {
        Param("n1", "number of skills N1", ParamKind::Integer).range(1, 1e15).required(),
        Param("k", "skills per text piece", ParamKind::Integer).range(1, 1000).required(),
        Param("kprime", "tuple size k'", ParamKind::Integer).range(1, 1000).required(),
        Param("ntrain", "training text pieces (or --n)").range(0, 1e30),
        Param("theta", "failure measure theta, for the guaranteed fraction beside the count").range(0, 1),
        Param("c", "competence level c with --theta or --n (default 0.8)").range(0, 1).openMax(),
        tuplesParam(),
        Param("n", "model size N (parameters): n_train = D(N) / tokens per piece and theta(N) from the law")
            .range(0, 1e40)
            .openMin(),
        Param("tokens-per-piece", "training tokens per text piece, with --n").range(1, 1e6).byDefault("100"),
        Param("ratio", "tokens per parameter r, D = r N (default 20), with --n").range(0, 1e6).openMin(),
        dRuleParam(),
        Param("from", "smallest N of the sweep (with --n and --points)").range(0, 1e40).openMin().byDefault("1e9"),
        Param("to", "largest N of the sweep").range(0, 1e40).openMin().byDefault("1e17"),
        Param("points", "log-spaced sweep points over N (with --n)", ParamKind::Integer).range(2, 10000),
    };
    for (auto& q : lawParams()) p.push_back(q);
    for (auto& q : thetaParams()) p.push_back(q);
    return {"stimulus", "paucity of stimulus: upper bound on the fraction of k'-sets seen in training (§5.4)", p,
            guarded("stimulus", runStimulus)};
}

}  // namespace slingshot
