// Timing of the theory engine's per-frame work: a 256-point performance curve, a 200-point
// emergence sweep (target: under 2 ms each in wasm) and the random-Y binomial-tail curve of the
// Curves, Competence and Tightness views (201 points of c) at skill degrees 1e2 to 1e12. Prints one
// JSON line per case with the median, min and max over many repetitions, in milliseconds.
#include "core/base/binomial.h"
#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/tightness.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

volatile double g_sink = 0;  // keeps results observable so the work is not optimised away

void report(const char* name, int reps, const std::function<double()>& work) {
    std::vector<double> ms;
    ms.reserve(static_cast<size_t>(reps));
    work();  // warm-up
    for (int i = 0; i < reps; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        g_sink = g_sink + work();
        const auto t1 = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("{\"bench\":\"%s\",\"reps\":%d,\"median_ms\":%.4f,\"min_ms\":%.4f,\"max_ms\":%.4f}\n", name, reps,
                ms[ms.size() / 2], ms.front(), ms.back());
}

}  // namespace

int main() {
    using namespace slingshot;
    std::vector<CurvePoint> curve(256);
    const auto curveWork = [&curve](int kprime, TupleModel model, double rho) {
        return [&curve, kprime, model, rho] {
            performanceCurve(0.1, 8, kprime, model, rho, curve);
            return curve[128].frac;
        };
    };
    report("bound_curve_256_single", 400, curveWork(1, TupleModel::T2, 0));
    report("bound_curve_256_t2_kprime2", 400, curveWork(2, TupleModel::T2, 0));
    report("bound_curve_256_route_p_kprime2", 400, curveWork(2, TupleModel::P, 0));
    report("bound_curve_256_rho_0.001", 400, curveWork(1, TupleModel::T2, 1e-3));

    const EmergenceModel model;
    const std::vector<int> kprimes{1, 2, 4, 8};
    EmergenceSweep sweep;
    report("emergence_sweep_200x4", 400, [&] {
        sweepEmergence(model, kprimes, 1e8, 1e17, 200, sweep);
        return sweep.frac[3][150];
    });
    report("emergence_thresholds_4", 100, [&] {
        const Thresholds t = emergenceThresholds(model, kprimes, 0.5);
        return t.n[0].value_or(0);
    });
    report("alpha_star_scan_4000", 100, [] { return alphaStarScan(0.1, 3, 8, 0.01); });
    for (const long long degree : {100LL, 10000LL, 100000000LL, 1000000000000LL}) {
        const std::string name = "random_y_curve_201_degree_" + std::to_string(degree);
        report(name.c_str(), 20, [degree] {
            double sum = 0;
            for (int j = 0; j <= 200; ++j) sum += randomYFraction(0.1, 1 - j / 200.0, degree);
            return sum;
        });
    }
    // One tail at the mean, the slowest case: both integrals span the whole bell.
    report("binomial_tail_at_mean_degree_1e12", 200,
           [] { return binomialUpperTail(1000000000000ULL, 0.1, 100000000000ULL); });
    return g_sink == -1 ? 1 : 0;
}
