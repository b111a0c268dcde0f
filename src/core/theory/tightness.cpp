#include "core/theory/tightness.h"

#include "core/base/binomial.h"
#include "core/base/numerics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {
namespace {

// phi(a): mean failure of the skills of a set X of measure a when the adversary fails the theta
// fraction of pieces with the most slots in X (fractionally at the boundary count).
// P[J = j] for J ~ Bin(k, a) comes from j = k downward by the term ratio
// P[j] / P[j + 1] = (j + 1) / (k - j) * (1 - a) / a: in logs while it is below the doubles' range,
// exactly (binomialPmf) where it enters it, then one multiply and divide a term.
double adversaryFailure(double a, double theta, int k) {
    const double odds_down = (1 - a) / a, log_odds_down = std::log(odds_down);
    constexpr double kLogTiny = -644;  // log(1e-280)
    double mass_left = theta, load = 0.0, pj = 0.0, log_pj = k * std::log(a);
    for (int j = k; j >= 1 && mass_left > 0; --j) {
        const double ratio = j < k ? (double(j) + 1) / double(k - j) : 1;
        if (pj > 0)
            pj *= ratio * odds_down;
        else if (j < k)
            log_pj += std::log(ratio) + log_odds_down;
        if (pj == 0 && log_pj > kLogTiny) pj = binomialPmf(uint64_t(k), a, uint64_t(j));
        const double taken = std::min(pj, mass_left);
        load += j * taken;
        mass_left -= taken;
    }
    return load / (k * a);
}

}  // namespace

double greedyAdversaryAlpha(double theta, double tau, int k) {
    if (std::isnan(theta) || std::isnan(tau)) throw std::invalid_argument("theta and tau must not be NaN");
    if (k < 1 || k > 10000) throw std::invalid_argument("k must be a whole number in [1, 10000]");
    if (theta <= 0) return tau <= 0 ? 1.0 : 0.0;
    if (tau <= theta) return 1.0;  // phi(1) = theta already reaches tau: every skill can fail
    if (tau > 1) return 0.0;       // failure never exceeds 1
    // phi falls from 1 (tiny X: all its pieces fit in the failure budget) to theta at a = 1.
    const auto reaches = [&](double a) { return a <= 0 || adversaryFailure(a, theta, k) >= tau; };
    return bisectBoundary(reaches, 0.0, 1.0, RootTolerance{1e-15, 1e-13, 200}).last_true;
}

double randomYFraction(double theta, double tau, long long degree) {
    if (std::isnan(theta) || std::isnan(tau)) throw std::invalid_argument("theta and tau must not be NaN");
    if (degree < 1) throw std::invalid_argument("degree must be >= 1");
    const double n = static_cast<double>(degree);
    // Smallest failed-edge count e with e / degree >= tau as doubles compare: ceil(tau * degree),
    // corrected where that product rounded across a whole number (an absolute guard would be wrong
    // by whole counts at degree 1e12).
    if (tau <= 0) return 1.0;
    if (tau > 1) return 0.0;
    double m = std::ceil(tau * n);
    while (m > 0 && (m - 1) / n >= tau) m -= 1;
    while (m / n < tau) m += 1;  // stops by m = n, as tau <= 1
    if (theta <= 0) return 0.0;
    if (theta >= 1) return 1.0;
    return binomialUpperTail(uint64_t(degree), theta, uint64_t(m));
}

}  // namespace slingshot
