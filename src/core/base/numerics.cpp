#include "core/base/numerics.h"

namespace slingshot {

double binaryEntropy(double p) {
    if (!(p >= 0 && p <= 1)) return std::numeric_limits<double>::quiet_NaN();
    if (p == 0 || p == 1) return 0.0;
    return -p * std::log(p) - (1 - p) * std::log1p(-p);
}

double binaryKL(double q, double p) {
    if (!(q >= 0 && q <= 1 && p > 0 && p < 1)) return std::numeric_limits<double>::quiet_NaN();
    // 0 ln 0 = 0: each term vanishes when its weight does, which gives the q = 0 and q = 1 limits.
    const double head = q > 0 ? q * std::log(q / p) : 0.0;
    const double tail = q < 1 ? (1 - q) * (std::log1p(-q) - std::log1p(-p)) : 0.0;
    return head + tail;
}

}  // namespace slingshot
