// Information-theoretic primitives (natural log) and bracketed root finders (THEORY §1, §6).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

namespace slingshot {

// Binary entropy H(p) = -p ln p - (1-p) ln(1-p) in nats, p in [0, 1]; H(0) = H(1) = 0.
// NaN outside [0, 1].
double binaryEntropy(double p);

// Binary KL divergence KL(q || p) in nats, q in [0, 1], p in (0, 1), with the limits
// KL(0||p) = -ln(1-p) and KL(1||p) = -ln p. NaN outside the domain.
double binaryKL(double q, double p);

struct RootTolerance {
    double abs = 1e-15;  // on x
    double rel = 1e-13;  // relative to |x|
    int max_iter = 200;
};

// Brent's method on [lo, hi] given f(lo) and f(hi) of opposite signs (or one of them zero).
// Returns the root; NaN if the bracket is invalid. F is any callable double(double).
template <class F>
double brentRoot(F&& f, double lo, double hi, double f_lo, double f_hi, RootTolerance tol = {});

// The two sides of a monotone predicate's switch point, within the tolerance of each other.
struct Boundary {
    double last_true, first_false;
};

// Bisection for a monotone predicate with `pred(lo)` true and `pred(hi)` false (not re-checked).
// Robust on flat stretches, where Brent has no sign change to follow.
template <class Pred>
Boundary bisectBoundary(Pred&& pred, double lo, double hi, RootTolerance tol = {});

// ---------------------------------------------------------------- implementation

template <class F>
double brentRoot(F&& f, double lo, double hi, double f_lo, double f_hi, RootTolerance tol) {
    if (f_lo == 0) return lo;
    if (f_hi == 0) return hi;
    // Signs compared, not multiplied: a product of two values near 1e-200 underflows to zero.
    const bool opposite = (f_lo < 0 && f_hi > 0) || (f_lo > 0 && f_hi < 0);
    if (!opposite || !std::isfinite(lo) || !std::isfinite(hi)) return std::numeric_limits<double>::quiet_NaN();
    double a = lo, b = hi, fa = f_lo, fb = f_hi;
    double c = a, fc = fa, d = b - a, e = d;
    for (int iter = 0; iter < tol.max_iter; ++iter) {
        if ((fb > 0) == (fc > 0)) {  // keep the root between b and c
            c = a;
            fc = fa;
            d = e = b - a;
        }
        if (std::fabs(fc) < std::fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const double t = 0.5 * (2 * std::numeric_limits<double>::epsilon() * std::fabs(b) +
                                std::max(tol.abs, tol.rel * std::fabs(b)));
        const double m = 0.5 * (c - b);
        if (std::fabs(m) <= t || fb == 0) return b;
        if (std::fabs(e) >= t && std::fabs(fa) > std::fabs(fb)) {
            // Inverse quadratic interpolation, or secant when only two points are distinct.
            double p, q, r;
            const double s = fb / fa;
            if (a == c) {
                p = 2 * m * s;
                q = 1 - s;
            } else {
                q = fa / fc;
                r = fb / fc;
                p = s * (2 * m * q * (q - r) - (b - a) * (r - 1));
                q = (q - 1) * (r - 1) * (s - 1);
            }
            if (p > 0)
                q = -q;
            else
                p = -p;
            if (2 * p < std::min(3 * m * q - std::fabs(t * q), std::fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = e = m;
            }
        } else {
            d = e = m;
        }
        a = b;
        fa = fb;
        b += std::fabs(d) > t ? d : (m > 0 ? t : -t);
        fb = f(b);
    }
    return b;
}

template <class Pred>
Boundary bisectBoundary(Pred&& pred, double lo, double hi, RootTolerance tol) {
    for (int iter = 0; iter < tol.max_iter; ++iter) {
        const double mid = 0.5 * (lo + hi);
        if (hi - lo <= std::max(tol.abs, tol.rel * std::fabs(mid)) || mid == lo || mid == hi) break;
        (pred(mid) ? lo : hi) = mid;
    }
    return {lo, hi};
}

}  // namespace slingshot
