#include "core/theory/threshold_intervals.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace slingshot {

namespace {

constexpr double kUnreached = std::numeric_limits<double>::infinity();

// The empirical quantile of sorted values at probability q: the value of rank ceil(q R) (1-based).
std::optional<double> quantile(const std::vector<double>& sorted, double q) {
    const size_t r = sorted.size();
    const size_t rank = std::clamp<size_t>(size_t(std::ceil(q * double(r) - 1e-9)), 1, r);
    const double v = sorted[rank - 1];
    return v == kUnreached ? std::nullopt : std::optional<double>(v);
}

}  // namespace

std::vector<ThresholdInterval> thresholdIntervals(const EmergenceModel& m, std::span<const int> kprimes, double target,
                                                  std::span<const ScalingLaw> laws, double level, SearchRange range) {
    if (laws.empty()) throw std::invalid_argument("threshold intervals need at least one law");
    if (!(level > 0 && level < 1)) throw std::invalid_argument("interval level must be in (0, 1)");
    validateModel(m);
    std::vector<std::vector<double>> n(kprimes.size());
    std::vector<ThresholdInterval> out(kprimes.size());
    EmergenceModel replica = m;
    for (const ScalingLaw& law : laws) {
        replica.law = law;
        bool valid = true;
        try {
            validateScalingLaw(law);
        } catch (const std::invalid_argument&) {
            valid = false;
        }
        for (size_t i = 0; i < kprimes.size(); ++i) {
            const std::optional<double> t =
                valid ? thresholdN(replica, kprimes[i], target, range) : std::optional<double>();
            n[i].push_back(t ? *t : kUnreached);
            out[i].unreached += !t;
            out[i].invalid_law += !valid;
        }
    }
    for (size_t i = 0; i < kprimes.size(); ++i) {
        std::sort(n[i].begin(), n[i].end());
        out[i].level = level;
        out[i].replicas = uint32_t(laws.size());
        out[i].lo = quantile(n[i], (1 - level) / 2);
        out[i].hi = quantile(n[i], (1 + level) / 2);
    }
    return out;
}

}  // namespace slingshot
