// The theory commands of slingshot-cli and Slingshot.query: scaling, bound, adversary,
// emergence, stimulus. Parameters are declared with their ranges; conflicts between flags are
// QueryErrors naming both; engine domain errors become QueryErrors too, so nothing crashes.
#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>

#include "core/bounds.h"
#include "core/emergence.h"
#include "core/scaling_fit.h"
#include "core/query.h"

namespace slingshot {
namespace {

Json finiteOrNull(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }
Json optionalOrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
bool finiteSplit(const ModelSize& s) {
    return s.n_params > 0 && s.d_tokens > 0 && std::isfinite(s.n_params) && std::isfinite(s.d_tokens);
}

void exclusive(const Args& a, const std::string& x, const std::string& y) {
    if (a.has(x) && a.has(y)) throw QueryError("--" + x + " and --" + y + " cannot be used together");
}

// Engine preconditions are re-checked in the engine; report them as input errors, not crashes.
std::function<Json(const Args&)> guarded(const std::string& command, Json (*run)(const Args&)) {
    return [command, run](const Args& a) -> Json {
        try {
            return run(a);
        } catch (const std::invalid_argument& e) {
            throw QueryError(command + ": " + e.what());
        }
    };
}

// ---------------------------------------------------------------- shared parameters

std::vector<ParamSpec> lawParams() {
    return {
        Param("preset", "scaling-law fit (nats/token)", ParamKind::Choice)
            .choices({"hoffmann2022", "besiroglu2024", "fit"})
            .byDefault("hoffmann2022"),
        Param("entropy", "override E, irreducible loss (nats/token)").range(0, 100),
        Param("coef-n", "override A, parameter-term coefficient").range(0, 1e12),
        Param("coef-d", "override B, data-term coefficient").range(0, 1e12),
        Param("exp-n", "override a, parameter-term exponent").range(0, 10).openMin(),
        Param("exp-d", "override b, data-term exponent").range(0, 10).openMin(),
        Param("fit-points",
              "N,D,L;N,D,L;... points for --preset fit: the law fitted to them (as the fit command does) is used",
              ParamKind::Text),
    };
}

std::vector<ParamSpec> thetaParams() {
    return {
        Param("theta-map", "excess loss -> theta: linear (paper) or pinsker sqrt(2 delta) (non-paper variant)",
              ParamKind::Choice)
            .choices({"linear", "pinsker"})
            .byDefault("linear"),
        Param("cmap", "linear map factor c_map, theta = c_map * excess (default 1; named 1.1, 2, 2.2)")
            .range(0, 100)
            .openMin(),
    };
}

// The fitted law of --fit-points, refused with the fit's own message when it cannot serve as a law.
ScalingLaw fittedLaw(const Args& a) {
    try {
        ScalingLaw law = fitScalingLaw(parseScalingPoints(a.text("fit-points"))).law;
        validateScalingLaw(law);
        law.name = "fit";
        return law;
    } catch (const std::invalid_argument& e) {
        throw QueryError(std::string("--fit-points: ") + e.what());
    }
}

ScalingLaw lawFrom(const Args& a) {
    const bool fit = a.choice("preset") == "fit";
    if (fit != a.has("fit-points"))
        throw QueryError(fit ? "--preset fit needs your points in --fit-points" : "--fit-points needs --preset fit");
    ScalingLaw law = fit ? fittedLaw(a) : *scalingPreset(a.choice("preset"));
    const std::pair<const char*, double*> overrides[] = {
        {"entropy", &law.E}, {"coef-n", &law.A}, {"coef-d", &law.B}, {"exp-n", &law.a}, {"exp-d", &law.b}};
    for (const auto& [flag, field] : overrides) {
        if (a.has(flag)) {
            *field = a.number(flag);
            law.name = "custom";
        }
    }
    return law;
}

void applyThetaMap(const Args& a, EmergenceModel& m) {
    m.theta_map = a.choice("theta-map") == "pinsker" ? ThetaMap::Pinsker : ThetaMap::Linear;
    if (m.theta_map == ThetaMap::Pinsker && a.has("cmap"))
        throw QueryError("--cmap and --theta-map pinsker cannot be used together (Pinsker has no c_map)");
    m.c_map = a.has("cmap") ? a.number("cmap") : 1.0;
}

TupleModel tupleModelFrom(const Args& a) {
    const std::string t = a.choice("tuples");
    return t == "t2exact" ? TupleModel::T2Exact
           : t == "t1"    ? TupleModel::T1
           : t == "p"     ? TupleModel::P
                          : TupleModel::T2;
}

ParamSpec tuplesParam() {
    return Param(
               "tuples",
               "k'-tuple formalisation: t2 (Cor 13, union accounting), t2exact, t1 (block split), p (route P)",
               ParamKind::Choice)
        .choices({"t2", "t2exact", "t1", "p"})
        .byDefault("t2");
}

void addThetaFields(Json& out, const EmergenceModel& m) {
    out["theta_map"] = std::string(thetaMapName(m.theta_map));
    out["c_map"] = m.theta_map == ThetaMap::Linear ? Json(m.c_map) : Json(nullptr);
}

// ---------------------------------------------------------------- scaling

Json runScaling(const Args& a) {
    exclusive(a, "d", "ratio");
    exclusive(a, "d", "compute");
    exclusive(a, "ratio", "compute");
    exclusive(a, "d-rule", "d");
    exclusive(a, "d-rule", "ratio");
    exclusive(a, "d-rule", "compute");
    EmergenceModel m;
    m.law = lawFrom(a);
    validateScalingLaw(m.law);
    applyThetaMap(a, m);
    double n, d;
    if (!a.has("n")) {
        if (!a.has("compute"))
            throw QueryError("--n is required unless --compute alone asks for the compute-optimal split");
        const ModelSize opt = computeOptimal(m.law, a.number("compute"));
        if (!finiteSplit(opt))
            throw QueryError("--compute: this fit has no finite compute-optimal split (a coefficient or exponent "
                             "is too small); give --n");
        n = opt.n_params;
        d = opt.d_tokens;
    } else {
        n = a.number("n");
        if (a.has("d"))
            d = a.number("d");
        else if (a.has("compute"))
            d = a.number("compute") / (6 * n);
        else if (a.has("d-rule"))
            d = computeOptimalTokens(m.law, n);
        else
            d = n * (a.has("ratio") ? a.number("ratio") : 20.0);
        if (!(d > 0) || !std::isfinite(d))
            throw QueryError("the tokens D derived from --compute or --d-rule are not a positive finite count "
                             "(compute too small for --n, or a fit coefficient or exponent too small); give --d");
    }
    const double excess = excessLoss(m.law, n, d);
    const ThetaValue theta = thetaFromExcessChecked(excess, m.theta_map, m.c_map);
    const ModelSize opt = computeOptimal(m.law, 6 * n * d);
    Json out = {{"n", n},
                {"d", d},
                {"loss", loss(m.law, n, d)},
                {"excess", excess},
                {"theta", theta.theta},
                {"theta_clipped", theta.clipped},
                {"preset", m.law.name}};
    addThetaFields(out, m);
    out["compute"] = 6 * n * d;
    // Null when the fit has no finite optimum for this compute (e.g. a coefficient near 0).
    out["optimal_n"] = finiteSplit(opt) ? Json(opt.n_params) : Json(nullptr);
    out["optimal_d"] = finiteSplit(opt) ? Json(opt.d_tokens) : Json(nullptr);
    out["cloze_error_bound"] = clozeErrorBound(excess);
    return out;
}

CommandSpec scalingCommand() {
    std::vector<ParamSpec> p = {
        Param("n", "model parameters N (count; optional with --compute alone)").range(0, 1e30).openMin(),
        Param("d", "training tokens D (count)").range(0, 1e35).openMin(),
        Param("ratio", "tokens per parameter r, D = r N (default 20)").range(0, 1e6).openMin(),
        Param("compute", "training compute C in FLOPs, C = 6 N D (alone: the compute-optimal N, D)")
            .range(0, 1e45)
            .openMin(),
        Param("d-rule", "D that makes N compute-optimal under the fit", ParamKind::Choice).choices({"optimal"}),
    };
    for (auto& q : lawParams()) p.push_back(q);
    for (auto& q : thetaParams()) p.push_back(q);
    return {"scaling", "loss, excess loss and theta of a model of N parameters trained on D tokens", p,
            guarded("scaling", runScaling)};
}

// ---------------------------------------------------------------- bound

Json runBound(const Args& a) {
    exclusive(a, "c", "points");
    if (!a.has("c") && !a.has("points"))
        throw QueryError("one of --c (a level) or --points (a curve) is required");
    const double theta = a.number("theta"), k = a.number("k"), rho = a.number("rho");
    const int kprime = static_cast<int>(a.integer("kprime"));
    const TupleModel model = tupleModelFrom(a);
    if (rho > 0 && kprime > 1 && model == TupleModel::T1)
        throw QueryError("--rho > 0 and --tuples t1 cannot be used together (T1's finite-size term needs N1)");
    if (a.has("points")) {
        const auto curve =
            performanceCurve(theta, k, kprime, model, rho, static_cast<int>(a.integer("points")));
        Json points = Json::array();
        for (const CurvePoint& p : curve) points.push_back({{"c", p.c}, {"frac", p.frac}});
        return {{"theta", theta},   {"k", k},
                {"kprime", kprime}, {"tuples", std::string(tupleModelName(model))},
                {"rho", rho},       {"curve", points}};
    }
    const double c = a.number("c");
    const BoundDetail d = boundDetail(theta, c, k, kprime, model, rho);
    return {{"theta", theta},
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
            {"markov_frac", markovFrac(std::clamp(d.theta_eff, 0.0, 1.0), d.c_eff)}};
}

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
    return {"bound", "guaranteed fraction of skills (k'-tuples) with competence >= c (Thm 8, Thm 14, Cor 13)",
            p, guarded("bound", runBound)};
}

// ---------------------------------------------------------------- adversary

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

// ---------------------------------------------------------------- emergence

Json runEmergence(const Args& a) {
    exclusive(a, "ratio", "d-rule");
    EmergenceModel m;
    m.law = lawFrom(a);
    applyThetaMap(a, m);
    m.k = a.number("k");
    m.c = a.number("c");
    m.tuples = tupleModelFrom(a);
    if (a.has("d-rule")) m.data_rule = DataRule::ComputeOptimal;
    if (a.has("ratio")) m.tokens_per_param = a.number("ratio");
    const double from = a.number("from"), to = a.number("to");
    if (!(from < to)) throw QueryError("--from must be below --to");
    std::vector<int> kprimes;
    for (long long kp : a.intList("kprime")) kprimes.push_back(static_cast<int>(kp));
    const double target = a.number("target");

    const EmergenceSweep sweep = sweepEmergence(m, kprimes, from, to, static_cast<int>(a.integer("points")));
    Json curves = Json::array();
    for (size_t i = 0; i < kprimes.size(); ++i) {
        Json points = Json::array();
        for (size_t j = 0; j < sweep.n_params.size(); ++j)
            points.push_back({{"n", sweep.n_params[j]}, {"theta", sweep.theta[j]}, {"frac", sweep.frac[i][j]}});
        curves.push_back({{"kprime", kprimes[i]}, {"points", points}});
    }
    const Thresholds t = emergenceThresholds(m, kprimes, target);
    Json thresholds = Json::array(), ratios = Json::array();
    for (size_t i = 0; i < kprimes.size(); ++i)
        thresholds.push_back({{"kprime", kprimes[i]}, {"n", optionalOrNull(t.n[i])}});
    for (const auto& r : t.ratios) ratios.push_back(optionalOrNull(r));
    Json out = {{"curves", curves},
                {"thresholds", thresholds},
                {"ratios", ratios},
                {"target", target},
                {"k", m.k},
                {"c", m.c},
                {"tuples", std::string(tupleModelName(m.tuples))},
                {"preset", m.law.name}};
    addThetaFields(out, m);
    out["theta_clipped_points"] = std::count(sweep.theta_clipped.begin(), sweep.theta_clipped.end(), 1);

    if (a.has("zipf") || a.has("n1") || a.has("rank")) {
        if (!a.has("zipf") || !a.has("n1") || !a.has("rank"))
            throw QueryError("--zipf, --n1 and --rank go together (Zipf exponent, number of skills, ranks)");
        const long long n1 = a.integer("n1");
        Json zipf = Json::array();
        for (long long rank : a.intList("rank")) {
            if (rank > n1)
                throw QueryError("--rank " + std::to_string(rank) + " exceeds --n1 " + std::to_string(n1));
            const double mu = zipfMeasure(n1, a.number("zipf"), rank);
            zipf.push_back({{"rank", rank}, {"measure", mu}, {"n", optionalOrNull(nForMeasure(m, mu, 1))}});
        }
        out["zipf"] = zipf;
    }
    return out;
}

CommandSpec emergenceCommand() {
    std::vector<ParamSpec> p = {
        Param("k", "skills per text piece").range(1, 1e6).byDefault("8"),
        Param("c", "competence level c").range(0, 1).openMax().byDefault("0.8"),
        Param("kprime", "tuple sizes k'", ParamKind::IntList).range(1, 64).byDefault("1,2,4,8"),
        tuplesParam(),
        Param("from", "smallest model size N of the sweep (parameters)")
            .range(0, 1e40)
            .openMin()
            .byDefault("1e8"),
        Param("to", "largest model size N of the sweep (parameters)")
            .range(0, 1e40)
            .openMin()
            .byDefault("1e17"),
        Param("points", "log-spaced sweep points", ParamKind::Integer).range(2, 10000).byDefault("200"),
        Param("target", "guaranteed fraction whose threshold N is reported")
            .range(0, 1)
            .openMin()
            .openMax()
            .byDefault("0.5"),
        Param("ratio", "tokens per parameter r, D = r N (default 20)").range(0, 1e6).openMin(),
        Param("d-rule", "D that makes each N compute-optimal", ParamKind::Choice).choices({"optimal"}),
        Param("zipf", "Zipf exponent s of the skill measure (§5.3)").range(0, 10),
        Param("n1", "number of skills N1 (with --zipf)", ParamKind::Integer).range(1, 1e12),
        Param("rank", "skill frequency ranks (with --zipf)", ParamKind::IntList).range(1, 1e12),
    };
    for (auto& q : lawParams()) p.push_back(q);
    for (auto& q : thetaParams()) p.push_back(q);
    return {"emergence", "guaranteed fractions of k'-tuples across model sizes, thresholds and their ratios", p,
            guarded("emergence", runEmergence)};
}

// ---------------------------------------------------------------- stimulus

Json runStimulus(const Args& a) {
    const long long n1 = a.integer("n1");
    const int k = static_cast<int>(a.integer("k")), kprime = static_cast<int>(a.integer("kprime"));
    if (kprime > k) throw QueryError("--kprime must not exceed --k (a piece of k skills holds no larger set)");
    if (n1 < k) throw QueryError("--n1 must be at least --k");
    if (a.has("c") && !a.has("theta"))
        throw QueryError("--c needs --theta (the guaranteed fraction needs both)");
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

CommandSpec stimulusCommand() {
    std::vector<ParamSpec> p = {
        Param("n1", "number of skills N1", ParamKind::Integer).range(1, 1e15).required(),
        Param("k", "skills per text piece", ParamKind::Integer).range(1, 1000).required(),
        Param("kprime", "tuple size k'", ParamKind::Integer).range(1, 1000).required(),
        Param("ntrain", "training text pieces").range(0, 1e30).required(),
        Param("theta", "failure measure theta, for the guaranteed fraction beside the count").range(0, 1),
        Param("c", "competence level c with --theta (default 0.8)").range(0, 1).openMax(),
        tuplesParam(),
    };
    return {"stimulus", "paucity of stimulus: upper bound on the fraction of k'-sets seen in training (§5.4)",
            p, guarded("stimulus", runStimulus)};
}

}  // namespace

void registerTheoryCommands(Registry& r) {
    r.add(scalingCommand());
    r.add(boundCommand());
    r.add(adversaryCommand());
    r.add(emergenceCommand());
    r.add(stimulusCommand());
}

}  // namespace slingshot
