// Beyond-the-paper timings: the spectral job (three Lanczos runs over the slot array) at
// N1 = 1e3 / N2 = 1e5 and N1 = 1e4 / N2 = 1e6 with k = 8, the certificate from its result, and the
// scaling fit on 100 points. One JSON line per workload with the median of several runs.
// Usage: bench_beyond [runs_small] [runs_large]
#include "core/theory/scaling_fit.h"
#include "core/graph/skill_graph.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace slingshot;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double middle(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

void spectralWorkload(uint32_t n1, uint64_t n2, uint32_t k, int runs) {
    SkillGraph g;
    g.n1 = n1;
    g.n2 = n2;
    g.k = k;
    const SkillMeasure mu = SkillMeasure::uniform(n1);
    GraphSampler sampler(g, mu, 1);
    sampler.sampleUntil(n2);
    std::vector<double> ms, cert_ms;
    SpectralResult r;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        SpectralJob job(g, {});
        while (job.runFor(16)) {
        }
        ms.push_back(msSince(t0));
        r = job.result();
        const auto t1 = Clock::now();
        const MixingCertifier cert(g, r.sigma_centred_upper);
        volatile double frac = cert.certify(0.05, 0.5).frac;
        (void)frac;
        cert_ms.push_back(msSince(t1));
    }
    const uint32_t products = r.top.iterations + r.deflated.iterations + r.centred.iterations;
    std::printf("{\"bench\":\"beyond\",\"workload\":\"spectral\",\"n1\":%u,\"n2\":%llu,\"k\":%u,\"runs\":%d,"
                "\"median_ms\":%.1f,\"products\":%u,\"ms_per_product\":%.2f,\"sigma1\":%.4f,\"sigma2\":%.4f,"
                "\"sigma_centred_upper\":%.4f,\"eps\":%.4g}\n",
                n1, static_cast<unsigned long long>(n2), k, runs, middle(ms), products, middle(ms) / products, r.sigma1,
                r.sigma2, r.sigma_centred_upper, r.centred.eps);
    std::printf("{\"bench\":\"beyond\",\"workload\":\"certificate\",\"n1\":%u,\"n2\":%llu,\"runs\":%d,\"median_ms\":%.3f}\n",
                n1, static_cast<unsigned long long>(n2), runs, middle(cert_ms));
    std::fflush(stdout);
}

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
    std::printf("{\"bench\":\"beyond\",\"workload\":\"fit\",\"points\":100,\"runs\":%d,\"median_ms\":%.2f,"
                "\"lm_runs\":%u,\"iterations\":%u,\"E\":%.4f,\"a\":%.4f,\"b\":%.4f}\n",
                runs, middle(ms), fit.lm_runs, fit.iterations, fit.law.E, fit.law.a, fit.law.b);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs_small = argc > 1 ? std::atoi(argv[1]) : 5;
    const int runs_large = argc > 2 ? std::atoi(argv[2]) : 3;
    fitWorkload(std::max(runs_small, 5) * 4);
    spectralWorkload(1000, 100000, 8, runs_small);
    spectralWorkload(10000, 1000000, 8, runs_large);
    return 0;
}
