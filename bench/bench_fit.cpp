// The scaling-law fit's timing on 100 points of a known law with a deterministic 1% wiggle: the
// median of several runs and what the fit found, as one JSON line.
// Usage: bench_fit [runs]
#include "bench_timing.h"
#include "core/theory/scaling_fit.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace slingshot;
using namespace slingshot::bench;

namespace {

void fitWorkload(int runs) {
    const ScalingLaw truth = hoffmann2022();
    std::vector<ScalingPoint> pts;
    for (int i = 0; i < 10; ++i)
        for (int j = 0; j < 10; ++j) {
            const double n = std::pow(10.0, 7 + i / 3.0), d = std::pow(10.0, 9 + j / 3.0);
            // Deterministic 1% wiggle in place of noise.
            pts.push_back({n, d, loss(truth, n, d) * (1 + 0.01 * std::sin(7.0 * i + 3.0 * j))});
        }
    std::vector<double> ms;
    ScalingFit fit;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        fit = fitScalingLaw(pts);
        ms.push_back(msSince(t0));
    }
    std::printf(
        "{\"bench\":\"fit\",\"points\":100,\"runs\":%d,\"median_ms\":%.2f,"
        "\"lm_runs\":%u,\"iterations\":%u,\"E\":%.4f,\"a\":%.4f,\"b\":%.4f}\n",
        runs, median(ms), fit.lm_runs, fit.iterations, fit.law.E, fit.law.a, fit.law.b);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    fitWorkload(argc > 1 ? std::atoi(argv[1]) : 20);
    return 0;
}
