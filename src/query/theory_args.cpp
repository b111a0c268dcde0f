#include "query/theory_args.h"

#include "core/theory/scaling_fit.h"
#include "query/scaling_points_text.h"

#include <stdexcept>
#include <string>
#include <utility>

namespace slingshot {

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

std::optional<PointsFit> pointsFitFrom(const Args& a) {
    const bool fit = a.choice("preset") == "fit";
    if (fit != a.has("fit-points"))
        throw QueryError(fit ? "--preset fit needs your points in --fit-points" : "--fit-points needs --preset fit");
    if (!fit) return std::nullopt;
    try {
        PointsFit f;
        f.points = parseScalingPoints(a.text("fit-points"));
        f.fit = fitScalingLaw(f.points);
        validateScalingLaw(f.fit.law);
        return f;
    } catch (const std::invalid_argument& e) {
        throw QueryError(std::string("--fit-points: ") + e.what());
    }
}

ScalingLaw lawFrom(const Args& a) { return lawFrom(a, pointsFitFrom(a)); }

ScalingLaw lawFrom(const Args& a, const std::optional<PointsFit>& fitted) {
    ScalingLaw law = fitted ? fitted->fit.law : *scalingPreset(a.choice("preset"));
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
    // The choice was validated against tuplesParam's names, which are the engine's.
    return *tupleModelFromName(a.choice("tuples"));
}

void addLawFields(Json& out, const ScalingLaw& law) {
    out["law"] = {{"name", law.name}, {"E", law.E}, {"A", law.A}, {"B", law.B}, {"a", law.a}, {"b", law.b}};
}

ParamSpec dRuleParam() {
    return Param("d-rule",
                 "training tokens D: ratio = r N (Chinchilla's rule of thumb, r from --ratio), optimal = the D that "
                 "makes N compute-optimal under the fit",
                 ParamKind::Choice)
        .choices({"ratio", "optimal"});
}

bool wantsComputeOptimalTokens(const Args& a) {
    const bool optimal = a.has("d-rule") && a.choice("d-rule") == "optimal";
    if (optimal && a.has("ratio")) throw QueryError("--d-rule and --ratio cannot be used together");
    return optimal;
}

EmergenceModel emergenceModelFrom(const Args& a, double k, double c) {
    return emergenceModelFrom(a, k, c, pointsFitFrom(a));
}

EmergenceModel emergenceModelFrom(const Args& a, double k, double c, const std::optional<PointsFit>& fitted) {
    EmergenceModel m;
    m.law = lawFrom(a, fitted);
    applyThetaMap(a, m);
    m.k = k;
    m.c = c;
    m.tuples = tupleModelFrom(a);
    if (wantsComputeOptimalTokens(a)) m.data_rule = DataRule::ComputeOptimal;
    if (a.has("ratio")) m.tokens_per_param = a.number("ratio");
    return m;
}

ParamSpec tuplesParam() {
    return Param("tuples",
                 "k'-tuple formalisation: t2 (Cor 13, union accounting), t2exact, t1 (block split), p (route P)",
                 ParamKind::Choice)
        .choices({std::string(tupleModelName(TupleModel::T2)), std::string(tupleModelName(TupleModel::T2Exact)),
                  std::string(tupleModelName(TupleModel::T1)), std::string(tupleModelName(TupleModel::P))})
        .byDefault("t2");
}

void addThetaFields(Json& out, const EmergenceModel& m) {
    out["theta_map"] = std::string(thetaMapName(m.theta_map));
    out["c_map"] = m.theta_map == ThetaMap::Linear ? Json(m.c_map) : Json(nullptr);
}

}  // namespace slingshot
