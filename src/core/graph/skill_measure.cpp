#include "core/graph/skill_measure.h"

#include <cmath>
#include <stdexcept>

namespace slingshot {

namespace {

// ln(x) for x > 0: x = m * 2^e with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh((m-1)/(m+1)).
double portableLog(double x) {
    int e = 0;
    double m = std::frexp(x, &e);  // exact
    if (m < 0.70710678118654752440) {
        m *= 2;
        e -= 1;
    }
    const double z = (m - 1) / (m + 1);
    const double z2 = z * z;
    double term = z, sum = 0;
    for (int n = 1; n <= 41; n += 2) {  // |z| <= 0.172: 21 terms reach far below 1e-17
        sum += term / n;
        term *= z2;
    }
    constexpr double kLn2Hi = 0.693147180369123816490;  // ln 2 split so e * hi is exact
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    return e * kLn2Hi + (2 * sum + e * kLn2Lo);
}

// exp(y): y = n ln2 + r with |r| <= ln2 / 2, Taylor series for exp(r), exact scaling by 2^n.
double portableExp(double y) {
    if (y < -745) return 0;
    if (y > 709) return HUGE_VAL;
    constexpr double kLn2Hi = 0.693147180369123816490;
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    const double n = std::nearbyint(y / 0.69314718055994530942);
    const double r = (y - n * kLn2Hi) - n * kLn2Lo;
    double term = 1, sum = 1;
    for (int i = 1; i <= 20; ++i) {  // |r| <= 0.35: 0.35^20 / 20! is negligible
        term *= r / i;
        sum += term;
    }
    return std::ldexp(sum, static_cast<int>(n));
}

}  // namespace

double portablePowNeg(double base, double s) {
    if (s == 0) return 1;
    return portableExp(-s * portableLog(base));
}

SkillMeasure SkillMeasure::uniform(uint32_t n1) {
    if (n1 == 0) throw std::invalid_argument("the skill measure needs at least one skill");
    SkillMeasure m;
    m.n1_ = n1;
    m.description_ = "uniform";
    return m;
}

SkillMeasure SkillMeasure::zipf(uint32_t n1, double s) {
    if (!(s >= 0) || !std::isfinite(s)) throw std::invalid_argument("zipf exponent s must be finite and >= 0");
    if (s == 0) return uniform(n1);
    std::vector<double> w(n1);
    for (uint32_t i = 0; i < n1; ++i) w[i] = portablePowNeg(static_cast<double>(i) + 1, s);
    SkillMeasure m = weights(w);
    m.description_ = "zipf:" + std::to_string(s);
    return m;
}

SkillMeasure SkillMeasure::weights(const std::vector<double>& w) {
    if (w.empty()) throw std::invalid_argument("the skill measure needs at least one skill");
    if (w.size() > UINT32_MAX) throw std::invalid_argument("too many skill weights");
    double total = 0;
    for (double x : w) {
        if (!(x >= 0) || !std::isfinite(x)) throw std::invalid_argument("skill weights must be finite and >= 0");
        total += x;
    }
    if (!(total > 0) || !std::isfinite(total))
        throw std::invalid_argument("skill weights must have a positive finite sum");
    SkillMeasure m;
    m.n1_ = static_cast<uint32_t>(w.size());
    m.description_ = "weights";
    m.probability_.resize(w.size());
    for (size_t i = 0; i < w.size(); ++i) m.probability_[i] = w[i] / total;
    m.buildAlias(m.probability_);
    return m;
}

double SkillMeasure::probability(uint32_t skill) const {
    if (skill >= n1_) return 0;
    return probability_.empty() ? 1.0 / n1_ : probability_[skill];
}

// Vose's alias construction in a fixed order (index order work lists), so the table is the same
// everywhere. Column i keeps i with probability keep_below_[i] / 2^32, otherwise gives alias_[i].
void SkillMeasure::buildAlias(const std::vector<double>& p) {
    const uint32_t n = n1_;
    std::vector<double> scaled(n);
    std::vector<uint32_t> small, large;
    for (uint32_t i = 0; i < n; ++i) {
        scaled[i] = p[i] * n;
        (scaled[i] < 1.0 ? small : large).push_back(i);
    }
    keep_below_.assign(n, UINT32_MAX);
    alias_.resize(n);
    for (uint32_t i = 0; i < n; ++i) alias_[i] = i;  // a full column aliases to itself
    while (!small.empty() && !large.empty()) {
        const uint32_t s = small.back();
        small.pop_back();
        const uint32_t l = large.back();
        const double keep = scaled[s] * 4294967296.0;
        keep_below_[s] = keep >= 4294967295.0 ? UINT32_MAX : static_cast<uint32_t>(std::llround(keep));
        alias_[s] = l;
        scaled[l] = (scaled[l] + scaled[s]) - 1.0;
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    // Whatever remains is full up to rounding: keep itself.
}

}  // namespace slingshot
