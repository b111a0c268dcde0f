// The emergence pipeline of THEORY §5: model size N -> tokens D -> excess loss -> theta ->
// guaranteed fraction of k'-tuples with competence >= c; thresholds in N, the Zipf skill measure
// (§5.3) and the paucity-of-stimulus count (§5.4). Cheap enough to call every frame.
#pragma once

#include "core/theory/bounds.h"
#include "core/theory/cloze.h"
#include "core/theory/scaling_law.h"

#include <optional>
#include <span>
#include <vector>

namespace slingshot {

enum class DataRule {
    Ratio,           // D = tokens_per_param * N (Chinchilla rule of thumb, default r = 20)
    ComputeOptimal,  // D such that (N, D) is the exact compute-optimal split under the fit
};

struct EmergenceModel {
    ScalingLaw law = hoffmann2022();
    DataRule data_rule = DataRule::Ratio;
    double tokens_per_param = 20;  // r, for DataRule::Ratio; > 0
    ThetaMap theta_map = ThetaMap::Linear;
    double c_map = 1.0;  // > 0, for ThetaMap::Linear
    double k = 8;        // skills per text piece, > 0
    double c = 0.8;      // competence level in [0, 1]
    TupleModel tuples = TupleModel::T2;
};

// Throws std::invalid_argument naming the first bad field.
void validateModel(const EmergenceModel& m);

double tokensFor(const EmergenceModel& m, double n_params);
ThetaValue thetaAt(const EmergenceModel& m, double n_params);  // with the clipping flag
double guaranteedFraction(const EmergenceModel& m, double n_params, int kprime);

struct EmergenceSweep {
    std::vector<double> n_params;              // log-spaced, n_from .. n_to inclusive
    std::vector<double> theta;                 // per point
    std::vector<unsigned char> theta_clipped;  // 1 where theta was cut below 1
    std::vector<int> kprimes;
    std::vector<std::vector<double>> frac;  // frac[i][j]: kprimes[i] at n_params[j]
};

// 0 < n_from < n_to, points >= 2, every kprime >= 1. Reuses `out`'s buffers.
void sweepEmergence(const EmergenceModel& m, std::span<const int> kprimes, double n_from, double n_to, int points,
                    EmergenceSweep& out);
EmergenceSweep sweepEmergence(const EmergenceModel& m, std::span<const int> kprimes, double n_from, double n_to,
                              int points);

struct SearchRange {
    double n_lo = 1.0, n_hi = 1e40;  // parameters; the fraction is nondecreasing in N
};

// Smallest N in the range where the guaranteed fraction of k'-tuples reaches `target` in (0, 1),
// found by bisection in log N (relative accuracy ~1e-12). n_lo itself if it already does;
// nullopt if it never does in range.
std::optional<double> thresholdN(const EmergenceModel& m, int kprime, double target, SearchRange range = {});

struct Thresholds {
    std::vector<std::optional<double>> n;       // per kprime
    std::vector<std::optional<double>> ratios;  // n[i+1] / n[i], per successive pair
};
Thresholds emergenceThresholds(const EmergenceModel& m, std::span<const int> kprimes, double target,
                               SearchRange range = {});

// §5.3: a skill (or, under T2/T1, a k'-tuple) of measure mu is guaranteed competence >= c once the
// bound on the measure of incompetent ones, 1 - fraction, falls below mu. Smallest such N, or
// nullopt. Route P has no measure form, so TupleModel::P with kprime > 1 throws.
std::optional<double> nForMeasure(const EmergenceModel& m, double mu, int kprime, SearchRange range = {});

}  // namespace slingshot
