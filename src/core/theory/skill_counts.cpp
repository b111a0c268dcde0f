#include "core/theory/skill_counts.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {
namespace {

// ln C(n, r) for whole n >= r: a product of min(r, n - r) terms (C(n, r) = C(n, n - r)), exact
// enough for huge n where lgamma loses digits, and exactly 0 for C(n, n).
double logChooseSmall(long long n, int r) {
    const long long terms = std::min<long long>(r, n - r);
    double s = 0.0;
    for (long long i = 0; i < terms; ++i) s += std::log(double(n - i) / double(i + 1));
    return s;
}

// C(k, r) by the multiplicative recurrence: every partial product is a whole number, so small
// values come out exact (70, not 69.99999999999996).
double chooseSmall(int k, int r) {
    double c = 1.0;
    for (int i = 0; i < r; ++i) c = c * (k - i) / (i + 1);
    return c;
}

// sum_{i=1}^{n} i^{-s}: exact over the first terms, Euler-Maclaurin beyond (error < 1e-15 relative).
double generalizedHarmonic(long long n, double s) {
    constexpr long long kExact = 20000;
    const long long head = std::min(n, kExact);
    double sum = 0.0;
    for (long long i = head; i >= 1; --i) sum += std::pow(static_cast<double>(i), -s);  // small terms first
    if (n <= kExact) return sum;
    const double m = static_cast<double>(kExact), big = static_cast<double>(n);
    const auto f = [s](double x) { return std::pow(x, -s); };
    const auto df = [s](double x) { return -s * std::pow(x, -s - 1); };
    const double integral = s == 1 ? std::log(big / m) : (std::pow(big, 1 - s) - std::pow(m, 1 - s)) / (1 - s);
    return sum + integral + (f(big) - f(m)) / 2 + (df(big) - df(m)) / 12;
}

}  // namespace

double zipfMeasure(long long n1, double s, long long rank) {
    if (n1 < 1) throw std::invalid_argument("n1 must be >= 1");
    if (!(s >= 0) || !std::isfinite(s)) throw std::invalid_argument("Zipf exponent s must be finite and >= 0");
    if (rank < 1 || rank > n1) throw std::invalid_argument("rank must be in [1, n1]");
    return std::pow(static_cast<double>(rank), -s) / generalizedHarmonic(n1, s);
}

StimulusCount stimulusCount(long long n1, int k, int kprime, double n_train) {
    if (n1 < k) throw std::invalid_argument("n1 must be >= k");
    if (kprime < 1 || kprime > n1) throw std::invalid_argument("kprime must be in [1, n1]");
    if (!(n_train >= 0) || !std::isfinite(n_train)) throw std::invalid_argument("n_train must be finite and >= 0");
    const double log_total = logChooseSmall(n1, kprime);
    const double per_piece = kprime > k ? 0.0 : chooseSmall(k, kprime);
    const double seen =
        n_train > 0 && per_piece > 0 ? std::exp(std::log(n_train) + std::log(per_piece) - log_total) : 0.0;
    return {std::min(1.0, seen), log_total / std::log(10.0), per_piece};
}

}  // namespace slingshot
