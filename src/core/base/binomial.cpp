#include "core/base/binomial.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>

namespace slingshot {
namespace {

constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: n + 1 must still be exact

void checkDomain(uint64_t n, double p, const char* who) {
    if (!(p >= 0 && p <= 1)) throw std::invalid_argument(std::string(who) + ": p must be in [0, 1]");
    if (double(n) >= kExactIntegers) throw std::invalid_argument(std::string(who) + ": n must be below 2^53");
}

// log(x!) - log(sqrt(2 pi x) (x/e)^x) for whole x >= 1: Stirling's series above 15 (its next
// term is below 1e-16 there), log-gamma below (absolute error about 1e-15).
double stirlingError(double x) {
    if (x <= 15) return std::lgamma(x + 1) - (x + 0.5) * std::log(x) + x - 0.5 * std::log(2 * std::numbers::pi);
    const double r = 1 / x, r2 = r * r;
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
}

// x log(x / M) + M - x for M = x - delta, the deviance of a count x from its mean M, without the
// cancellation of its terms when x is near M (series in v = (x - M) / (x + M) there).
double deviance(double x, double delta) {
    const double mean = x - delta;
    const double v = delta / (x + mean);
    if (std::abs(v) >= 0.1) return x * -std::log1p(-delta / x) - delta;
    const double v2 = v * v;
    double power = 2 * x * v * v2, sum = 0;
    for (int j = 1; j < 30; ++j) {
        const double term = power / (2 * j + 1);
        sum += term;
        if (std::abs(term) <= 1e-17 * std::abs(sum)) break;
        power *= v2;
    }
    return delta * v + sum;
}

// log1p(w) - w, by its series where the two terms would cancel.
double log1pMinusIdentity(double w) {
    if (std::abs(w) >= 0.1) return std::log1p(w) - w;
    double power = w * w, sum = 0;
    for (int k = 2; k < 40; ++k) {
        const double term = power / k;
        sum += (k % 2 == 1) ? term : -term;
        if (std::abs(term) <= 1e-17 * std::abs(sum)) break;
        power *= w;
    }
    return sum;
}

// The incomplete-beta integrand t^(a-1) (1-t)^(b-1) dt in y = logit t is t^a (1-t)^b dy: a smooth
// bell on the whole line with its maximum at y = log(a / b). Positions are offsets d from there;
// logDensity is the log of the integrand relative to its maximum, a phi(u) + b phi(-r u) with
// phi(w) = log1p(w) - w and u = t / t_max - 1, accurate to a few ulps at every d.
struct LogitBeta {
    double a, b, r, log_r, log1p_r;
    LogitBeta(double a_, double b_) : a(a_), b(b_), r(a_ / b_), log_r(std::log(r)), log1p_r(std::log1p(r)) {}

    double u(double d) const {  // t / t_max - 1 = expm1(d) / (1 + r e^d), written to not overflow
        return d <= 0 ? std::expm1(d) / (1 + r * std::exp(d)) : -std::expm1(-d) / (std::exp(-d) + r);
    }
    double logDensity(double d) const {
        const double uu = u(d), vv = -r * uu;
        if (std::abs(uu) < 0.1 && std::abs(vv) < 0.1) return a * log1pMinusIdentity(uu) + b * log1pMinusIdentity(vv);
        // log(1 + r e^d) without overflow; then log1p(u) = d + log1p(r) - it, log1p(v) = log1p(r) - it.
        const double z = d + log_r;
        const double softplus = z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z));
        const double fu = std::abs(uu) < 0.1 ? log1pMinusIdentity(uu) : (d + log1p_r - softplus) - uu;
        const double fv = std::abs(vv) < 0.1 ? log1pMinusIdentity(vv) : (log1p_r - softplus) - vv;
        return a * fu + b * fv;
    }
    double slope(double d) const { return -a * u(d); }  // d/dd of logDensity
};

// Integral over the whole line of exp(f(x)) for a concave f, by the trapezoid rule (exponentially
// accurate for smooth integrands that vanish at both ends) on a grid through `centre`, the step
// halved until the sum changes by less than `tolerance` (relative; no less than the noise of f);
// the walk out stops once f is `drop` below its largest value (the rest is below e^-drop of the sum).
template <class F>
double trapezoidOverLine(const F& f, double centre, double step, double tolerance, double drop = 40) {
    const auto walk = [&](double start, double dir, double& peak) {
        double sum = 0;
        for (int i = 0; i < 100000; ++i) {
            const double v = f(start + dir * i * step);
            peak = std::max(peak, v);
            if (v > -700) sum += std::exp(v);
            if (v < peak - drop && i > 0) break;
        }
        return sum;
    };
    double peak = -INFINITY;
    double sum = step * (walk(centre, 1, peak) + walk(centre - step, -1, peak));
    for (int level = 0; level < 12; ++level) {
        const double half = step / 2;
        const double mid = walk(centre + half, 1, peak) + walk(centre - half, -1, peak);
        const double refined = sum / 2 + half * mid;
        step = half;
        if (std::abs(refined - sum) <= tolerance * refined) return refined;
        sum = refined;
    }
    return sum;
}

// I_x(a, b) for a, b >= 1, from the offset dx of logit x from the mode: the side away from the mode
// is integrated directly (so a small value keeps its digits, whichever side it is), divided by the
// integral over the whole line, both in the logit variable.
double regularizedBeta(const LogitBeta& f, double dx) {
    constexpr double kEps = std::numeric_limits<double>::epsilon();
    const double width = std::min(1.0, std::sqrt(1 / f.a + 1 / f.b));  // sd of the bell in logit t
    const double total = trapezoidOverLine([&](double d) { return f.logDensity(d); }, 0.0, width / 2, 1e-14);
    // The side beyond dx, as y = dx -/+ e^s over all s (its integrand vanishes at both ends of s).
    // The log-density is concave, so that side is below exp(at_x) / |slope at x|: where that
    // underflows against the total, so does the answer.
    const double dir = dx <= 0 ? -1 : 1;
    const double at_x = f.logDensity(dx), slope = std::max(1e-300, std::abs(f.slope(dx)));
    const double beyond_bound = at_x - std::log(slope * total);
    double beyond = 0;
    if (beyond_bound > -750) {
        // The integrand is known to about |at_x| ulps (it is a difference from at_x), so the sum is too.
        const double noise = 1e-14 + 16 * kEps * std::abs(at_x);
        const double scale = std::min(width, 1 / slope);
        const double side = trapezoidOverLine([&](double s) { return f.logDensity(dx + dir * std::exp(s)) - at_x + s; },
                                              std::log(scale), 0.25, noise);
        beyond = std::exp(at_x) * side / total;  // mass beyond x, away from the mode
    }
    return dx <= 0 ? beyond : 1 - beyond;  // beyond x is below it when x is below the mode
}

// P[Bin(n, p) >= m] for a narrow distribution (few terms matter): the pmf summed outward from m
// by its term ratio, on the side away from the mode, until the terms stop counting. Each term adds
// about an ulp of error, and there are at most a few hundred of them.
double upperTailBySum(double n, double p, double m) {
    const double odds = p / (1 - p);
    const bool upper = m > std::floor((n + 1) * p);
    double j = upper ? m : m - 1;
    double term = binomialPmf(uint64_t(n), p, uint64_t(j)), sum = 0;
    while (term > 0) {
        sum += term;
        if (term <= 1e-17 * sum) break;
        if (upper) {
            if (j >= n) break;
            term *= (n - j) / (j + 1) * odds;
            j += 1;
        } else {
            if (j <= 0) break;
            term *= j / (n - j + 1) / odds;
            j -= 1;
        }
    }
    return upper ? sum : 1 - sum;
}

}  // namespace

double binomialPmf(uint64_t n, double p, uint64_t j) {
    checkDomain(n, p, "binomialPmf");
    if (j > n) return 0.0;
    if (p == 0) return j == 0 ? 1.0 : 0.0;
    if (p == 1) return j == n ? 1.0 : 0.0;
    const double nn = double(n), jj = double(j);
    if (j == 0) return std::exp(nn * std::log1p(-p));
    if (j == n) return std::pow(p, nn);
    // Loader's saddle-point form: Stirling errors plus the deviances of j from n p and of n - j
    // from n (1 - p). The mean n p is kept as a double-double so that j - n p is exact near it.
    const double mean = nn * p, mean_low = std::fma(nn, p, -mean);
    const double delta = (jj - mean) - mean_low;
    const double log_pmf = stirlingError(nn) - stirlingError(jj) - stirlingError(nn - jj) - deviance(jj, delta) -
                           deviance(nn - jj, -delta);
    return std::exp(log_pmf) * std::sqrt(nn / (2 * std::numbers::pi * jj * (nn - jj)));
}

double binomialUpperTail(uint64_t n, double p, uint64_t m) {
    checkDomain(n, p, "binomialUpperTail");
    if (m == 0) return 1.0;
    if (m > n) return 0.0;
    if (p == 0) return 0.0;
    if (p == 1) return 1.0;
    const double nn = double(n), mm = double(m);
    if (m == n) return std::pow(p, nn);
    if (m == 1) return -std::expm1(nn * std::log1p(-p));
    // Within a few dozen standard deviations of 10 counts or less, a direct sum is short and exact.
    if (nn * p * (1 - p) <= 100) return upperTailBySum(nn, p, mm);
    // P[X >= m] = I_p(m, n - m + 1). Offset of logit p from the mode log(a / b): log of
    // p b / ((1 - p) a) = log1p((p (n + 1) - m) / ((1 - p) m)), its numerator rounded once.
    const double a = mm, b = nn - mm + 1;
    const double ratio = std::fma(p, nn + 1, -mm) / ((1 - p) * mm);
    const double dx = std::abs(ratio) < 0.5 ? std::log1p(ratio) : std::log(p) - std::log1p(-p) + std::log(b / a);
    return regularizedBeta(LogitBeta(a, b), dx);
}

}  // namespace slingshot
