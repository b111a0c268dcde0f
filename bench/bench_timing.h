// Wall-clock helpers every benchmark uses: a steady clock in milliseconds and the median of runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace slingshot::bench {

using Clock = std::chrono::steady_clock;

inline double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

}  // namespace slingshot::bench
