// The certificate's timings: the spectral job by each method (slots: three Lanczos runs over the slot
// array with a probabilistic bound; gram: B B^T formed once, dense Lanczos, a Cholesky proof) at
// N1 = 1e3 and 2e3 against N2 = 1e5 and 1e6, N1 = 1e4 / N2 = 1e6 by slots, k = 8, and the certifier
// built from its result. One JSON line per workload with the median of several runs.
// Usage: bench_certificate [runs_small] [runs_large]
#include "bench_timing.h"
#include "core/graph/skill_graph.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace slingshot;
using namespace slingshot::bench;

namespace {

void spectralWorkload(uint32_t n1, uint64_t n2, uint32_t k, SpectralMethod method, int runs) {
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
        SpectralParams p;
        p.method = method;
        SpectralJob job(g, p);
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
    std::printf(
        "{\"bench\":\"certificate\",\"workload\":\"spectral\",\"method\":\"%s\",\"n1\":%u,\"n2\":%llu,\"k\":%u,"
        "\"runs\":%d,"
        "\"median_ms\":%.1f,\"products\":%u,\"ms_per_product\":%.2f,\"sigma1\":%.4f,\"sigma2\":%.4f,"
        "\"sigma_centred_upper\":%.4f,\"eps\":%.4g}\n",
        std::string(spectralMethodName(method)).c_str(), n1, static_cast<unsigned long long>(n2), k, runs, median(ms),
        products, median(ms) / products, r.sigma1, r.sigma2, r.sigma_centred_upper, r.centred.eps);
    std::printf(
        "{\"bench\":\"certificate\",\"workload\":\"certificate\",\"n1\":%u,\"n2\":%llu,\"runs\":%d,\"median_ms\":%.3f}"
        "\n",
        n1, static_cast<unsigned long long>(n2), runs, median(cert_ms));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const int runs_small = argc > 1 ? std::atoi(argv[1]) : 5;
    const int runs_large = argc > 2 ? std::atoi(argv[2]) : 3;
    for (uint32_t n1 : {1000u, 2000u})
        for (uint64_t n2 : {100000ull, 1000000ull})
            for (SpectralMethod m : {SpectralMethod::Slots, SpectralMethod::Gram})
                spectralWorkload(n1, n2, 8, m, n2 > 100000 ? runs_large : runs_small);
    spectralWorkload(10000, 1000000, 8, SpectralMethod::Slots, runs_large);
    return 0;
}
