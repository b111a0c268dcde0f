// Tightness overlays of §3.3: the exact asymptotic adversary and the typical random failure set.
#include "core/bounds.h"

#include "core/binomial.h"
#include "core/info.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {
namespace {

// phi(a): mean failure of the skills of a set X of measure a when the adversary fails the theta
// fraction of pieces with the most slots in X (fractionally at the boundary count).
double adversaryFailure(double a, double theta, int k) {
    double mass_left = theta, load = 0.0;
    for (int j = k; j >= 1 && mass_left > 0; --j) {
        const double pj = binomialPmf(uint64_t(k), a, uint64_t(j));
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
    while (m <= n && m / n < tau) m += 1;
    if (m <= 0) return 1.0;
    if (m > n) return 0.0;
    if (theta <= 0) return 0.0;
    if (theta >= 1) return 1.0;
    return binomialUpperTail(uint64_t(degree), theta, uint64_t(m));
}

}  // namespace slingshot
