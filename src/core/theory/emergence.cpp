#include "core/theory/emergence.h"

#include "core/base/numerics.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot {
namespace {

void requirePositiveFinite(double v, const char* what) {
    if (!(v > 0) || !std::isfinite(v)) throw std::invalid_argument(std::string(what) + " must be finite and > 0");
}

void checkRange(const SearchRange& r) {
    requirePositiveFinite(r.n_lo, "range n_lo");
    requirePositiveFinite(r.n_hi, "range n_hi");
    if (!(r.n_lo < r.n_hi)) throw std::invalid_argument("range needs n_lo < n_hi");
}

// Smallest N in range where `reached(N)` holds, for a predicate monotone in N; bisection in log N.
template <class Pred>
std::optional<double> firstN(Pred&& reached, const SearchRange& r) {
    checkRange(r);
    if (reached(r.n_lo)) return r.n_lo;
    if (!reached(r.n_hi)) return std::nullopt;
    const auto not_yet = [&](double log_n) { return !reached(std::exp(log_n)); };
    return std::exp(
        bisectBoundary(not_yet, std::log(r.n_lo), std::log(r.n_hi), RootTolerance{1e-13, 1e-14, 200}).first_false);
}

}  // namespace

void validateModel(const EmergenceModel& m) {
    validateScalingLaw(m.law);
    if (m.data_rule == DataRule::Ratio) requirePositiveFinite(m.tokens_per_param, "tokens_per_param");
    if (m.theta_map == ThetaMap::Linear) requirePositiveFinite(m.c_map, "c_map");
    requirePositiveFinite(m.k, "k");
    if (!(m.c >= 0 && m.c <= 1)) throw std::invalid_argument("competence level c must be in [0, 1]");
}

double tokensFor(const EmergenceModel& m, double n_params) {
    requirePositiveFinite(n_params, "n_params");
    return m.data_rule == DataRule::Ratio ? m.tokens_per_param * n_params : computeOptimalTokens(m.law, n_params);
}

ThetaValue thetaAt(const EmergenceModel& m, double n_params) {
    return thetaFromExcessChecked(excessLoss(m.law, n_params, tokensFor(m, n_params)), m.theta_map, m.c_map);
}

double guaranteedFraction(const EmergenceModel& m, double n_params, int kprime) {
    return fracTuples(m.tuples, thetaAt(m, n_params).theta, m.c, m.k, kprime);
}

void sweepEmergence(const EmergenceModel& m, std::span<const int> kprimes, double n_from, double n_to, int points,
                    EmergenceSweep& out) {
    validateModel(m);
    checkRange({n_from, n_to});
    if (points < 2) throw std::invalid_argument("a sweep needs >= 2 points");
    for (int kp : kprimes)
        if (kp < 1) throw std::invalid_argument("every kprime must be >= 1");
    const size_t count = static_cast<size_t>(points);
    out.n_params.resize(count);
    out.theta.resize(count);
    out.theta_clipped.resize(count);
    out.kprimes.assign(kprimes.begin(), kprimes.end());
    out.frac.resize(kprimes.size());
    const double log_from = std::log(n_from), log_step = (std::log(n_to) - log_from) / (points - 1);
    for (size_t j = 0; j < count; ++j) {
        // End points exact, so a sweep from 1e8 to 1e17 reports exactly those N.
        const double n = j == 0           ? n_from
                         : j + 1 == count ? n_to
                                          : std::exp(log_from + log_step * static_cast<double>(j));
        const ThetaValue t = thetaAt(m, n);
        out.n_params[j] = n;
        out.theta[j] = t.theta;
        out.theta_clipped[j] = t.clipped ? 1 : 0;
    }
    for (size_t i = 0; i < kprimes.size(); ++i) {
        out.frac[i].resize(count);
        for (size_t j = 0; j < count; ++j) out.frac[i][j] = fracTuples(m.tuples, out.theta[j], m.c, m.k, kprimes[i]);
    }
}

EmergenceSweep sweepEmergence(const EmergenceModel& m, std::span<const int> kprimes, double n_from, double n_to,
                              int points) {
    EmergenceSweep out;
    sweepEmergence(m, kprimes, n_from, n_to, points, out);
    return out;
}

std::optional<double> thresholdN(const EmergenceModel& m, int kprime, double target, SearchRange range) {
    validateModel(m);
    if (kprime < 1) throw std::invalid_argument("kprime must be >= 1");
    if (!(target > 0 && target < 1)) throw std::invalid_argument("target fraction must be in (0, 1)");
    return firstN([&](double n) { return guaranteedFraction(m, n, kprime) >= target; }, range);
}

Thresholds emergenceThresholds(const EmergenceModel& m, std::span<const int> kprimes, double target,
                               SearchRange range) {
    Thresholds t;
    for (int kp : kprimes) t.n.push_back(thresholdN(m, kp, target, range));
    for (size_t i = 0; i + 1 < t.n.size(); ++i) {
        const bool both = t.n[i] && t.n[i + 1];
        t.ratios.push_back(both ? std::optional<double>(*t.n[i + 1] / *t.n[i]) : std::nullopt);
    }
    return t;
}

std::optional<double> nForMeasure(const EmergenceModel& m, double mu, int kprime, SearchRange range) {
    validateModel(m);
    if (kprime < 1) throw std::invalid_argument("kprime must be >= 1");
    if (!(mu > 0 && mu <= 1)) throw std::invalid_argument("measure mu must be in (0, 1]");
    if (m.tuples == TupleModel::P && kprime > 1)
        throw std::invalid_argument("route P bounds a count, not a measure; use t2, t2exact or t1");
    // The measure of skills (tuples) below competence c is at most 1 - fraction; one of measure mu
    // above that bound cannot be among them.
    return firstN([&](double n) { return 1 - guaranteedFraction(m, n, kprime) < mu; }, range);
}

}  // namespace slingshot
