// Argument groups the theory commands share: the scaling law (preset, overrides, the user's fit),
// the map from excess loss to theta, and the k'-tuple model.
#pragma once

#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/scaling_fit.h"
#include "core/theory/scaling_law.h"
#include "query/query.h"

#include <optional>
#include <vector>

namespace slingshot {

// preset, entropy, coef-n, coef-d, exp-n, exp-d, fit-points.
std::vector<ParamSpec> lawParams();

// The reader's points (fit-points) and their fit, for uncertainty the law alone does not carry.
struct PointsFit {
    std::vector<ScalingPoint> points;
    ScalingFit fit;
};
// For --preset fit: the points and their fit, refused (QueryError) with the fit's own message when
// it cannot serve as a law. nullopt for any other preset.
std::optional<PointsFit> pointsFitFrom(const Args& a);

// The law they name: a preset or the fit of fit-points (pointsFitFrom(a), given or made here), then
// each override ("custom").
ScalingLaw lawFrom(const Args& a, const std::optional<PointsFit>& fitted);
ScalingLaw lawFrom(const Args& a);

// theta-map, cmap.
std::vector<ParamSpec> thetaParams();
// Sets m.theta_map and m.c_map; QueryError for cmap with the Pinsker map.
void applyThetaMap(const Args& a, EmergenceModel& m);
// "theta_map" and "c_map" (null for Pinsker) of an answer.
void addThetaFields(Json& out, const EmergenceModel& m);
// "law": the constants actually used (a preset's, the fit's, or with overrides), by name.
void addLawFields(Json& out, const ScalingLaw& law);

// d-rule: ratio (D = r N, the default when absent) | optimal (the D that makes N compute-optimal).
ParamSpec dRuleParam();
// True for d-rule optimal; QueryError when it comes with a ratio, which it would ignore.
bool wantsComputeOptimalTokens(const Args& a);

// The model from size to guaranteed fraction (emergence, stimulus --n): the law, the theta map, the
// tuple reading, the D rule (d-rule, ratio), k skills a piece and competence level c.
EmergenceModel emergenceModelFrom(const Args& a, double k, double c, const std::optional<PointsFit>& fitted);
EmergenceModel emergenceModelFrom(const Args& a, double k, double c);

// tuples: t2 | t2exact | t1 | p.
ParamSpec tuplesParam();
TupleModel tupleModelFrom(const Args& a);

}  // namespace slingshot
