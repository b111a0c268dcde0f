// `scaling` (loss, excess loss and theta of one model) and `fit` (the reader's own scaling law
// from (N, D, L) points).
#include "core/theory/cloze.h"
#include "core/theory/scaling_fit.h"
#include "query/command_support.h"
#include "query/commands.h"
#include "query/scaling_points_text.h"
#include "query/theory_args.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot {

namespace {

bool finiteSplit(const ModelSize& s) {
    return s.n_params > 0 && s.d_tokens > 0 && std::isfinite(s.n_params) && std::isfinite(s.d_tokens);
}

Json runScaling(const Args& a) {
    exclusive(a, "d", "ratio");
    exclusive(a, "d", "compute");
    exclusive(a, "ratio", "compute");
    exclusive(a, "d-rule", "d");
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
            throw QueryError(
                "--compute: this fit has no finite compute-optimal split (a coefficient or exponent "
                "is too small); give --n");
        n = opt.n_params;
        d = opt.d_tokens;
    } else {
        n = a.number("n");
        if (a.has("d"))
            d = a.number("d");
        else if (a.has("compute"))
            d = a.number("compute") / (6 * n);
        else if (wantsComputeOptimalTokens(a))
            d = computeOptimalTokens(m.law, n);
        else
            d = n * (a.has("ratio") ? a.number("ratio") : 20.0);
        if (!(d > 0) || !std::isfinite(d))
            throw QueryError(
                "the tokens D derived from --compute or --d-rule are not a positive finite count "
                "(compute too small for --n, or a fit coefficient or exponent too small); give --d");
    }
    const double excess = excessLoss(m.law, n, d);
    const ThetaValue theta = thetaFromExcessChecked(excess, m.theta_map, m.c_map);
    // A law without a parameter or data term (A or B = 0) has no compute-optimal split: null below.
    const bool splits = m.law.A > 0 && m.law.B > 0;
    const ModelSize opt = splits ? computeOptimal(m.law, 6 * n * d) : ModelSize{0, 0};
    Json out = {{"n", n},
                {"d", d},
                {"loss", loss(m.law, n, d)},
                {"excess", excess},
                {"theta", theta.theta},
                {"theta_clipped", theta.clipped},
                {"preset", m.law.name}};
    addLawFields(out, m.law);
    addThetaFields(out, m);
    out["compute"] = 6 * n * d;
    // Null when the fit has no finite optimum for this compute (a coefficient 0 or near it).
    out["optimal_n"] = finiteSplit(opt) ? Json(opt.n_params) : Json(nullptr);
    out["optimal_d"] = finiteSplit(opt) ? Json(opt.d_tokens) : Json(nullptr);
    // sqrt(2 excess) as Pinsker gives it; above 1 it says nothing, and the answer says so.
    out["cloze_error_bound"] = clozeErrorBound(excess);
    out["cloze_error_bound_vacuous"] = clozeErrorBound(excess) >= 1;
    return out;
}

Json runFit(const Args& a) {
    if (a.has("points") == a.has("csv")) throw QueryError("fit: give exactly one of --points and --csv");
    std::vector<ScalingPoint> points;
    ScalingFit fit;
    try {
        points = parseScalingPoints(a.has("points") ? a.text("points") : a.text("csv"));
        ScalingFitOptions options;
        options.lm_starts = static_cast<uint32_t>(a.integer("starts"));
        fit = fitScalingLaw(points, options);
    } catch (const std::invalid_argument& e) {
        throw QueryError(std::string(a.has("points") ? "--points: " : "--csv: ") + e.what());
    }
    Json out;
    out["law"] = fit.law.name;
    out["E"] = fit.law.E;
    out["A"] = fit.law.A;
    out["B"] = fit.law.B;
    out["a"] = fit.law.a;
    out["b"] = fit.law.b;
    out["se"] = {{"E", finiteOrNull(fit.se.E)},
                 {"A", finiteOrNull(fit.se.A)},
                 {"B", finiteOrNull(fit.se.B)},
                 {"a", finiteOrNull(fit.se.a)},
                 {"b", finiteOrNull(fit.se.b)}};
    out["huber_loss"] = fit.huber_loss;
    out["rms_log_residual"] = fit.rms_log_residual;
    out["max_abs_log_residual"] = fit.max_abs_log_residual;
    out["iterations"] = fit.iterations;
    out["lm_runs"] = fit.lm_runs;
    out["grid_starts"] = fit.grid_starts;
    out["n_points"] = fit.n_points;
    try {
        validateScalingLaw(fit.law);
        out["usable_as_preset"] = true;
        out["preset_problem"] = nullptr;
    } catch (const std::invalid_argument& e) {
        out["usable_as_preset"] = false;
        out["preset_problem"] = e.what();
    }
    return out;
}

}  // namespace

CommandSpec scalingCommand() {
    std::vector<ParamSpec> p = {
        Param("n", "model parameters N (count; optional with --compute alone)").range(0, 1e30).openMin(),
        Param("d", "training tokens D (count)").range(0, 1e35).openMin(),
        Param("ratio", "tokens per parameter r, D = r N (default 20)").range(0, 1e6).openMin(),
        Param("compute", "training compute C in FLOPs, C = 6 N D (alone: the compute-optimal N, D)")
            .range(0, 1e45)
            .openMin(),
        dRuleParam(),
    };
    for (auto& q : lawParams()) p.push_back(q);
    for (auto& q : thetaParams()) p.push_back(q);
    return {"scaling", "loss, excess loss and theta of a model of N parameters trained on D tokens", p,
            guarded("scaling", runScaling)};
}

CommandSpec fitCommand() {
    using K = ParamKind;
    CommandSpec fit;
    fit.name = "fit";
    fit.summary = "fit L = E + A/N^a + B/D^b to (N, D, L) points (Huber loss on log L, Levenberg-Marquardt)";
    fit.params = {
        Param("points", "points as N,D,L;N,D,L;... (N parameters, D tokens, L nats/token)", K::Text),
        Param("csv", "points as CSV text, one N,D,L row per line, header optional", K::Text),
        Param("starts", "Levenberg-Marquardt runs from the best grid starts", K::Integer).range(1, 200).byDefault("16"),
    };
    fit.run = runFit;
    return fit;
}

}  // namespace slingshot
