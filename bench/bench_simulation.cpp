// Simulation engine timings: graph sampling (W1), random Y + per-skill competence curve (W2),
// all co-occurring pairs (W3), Zipf(1.0) sampling (W4) and the adversarial search. Each workload runs
// once to warm up and then several times; one JSON line per workload with the median. Kernels are
// driven in blocks through an indirect call, as the page's jobs do (so that V8 optimises them between
// blocks, see core/base/job.h).
#include "bench_timing.h"
#include "core/graph/competence.h"
#include "core/graph/failures.h"
#include "core/graph/piece_blocks.h"
#include "core/graph/simulation.h"
#include "core/graph/skill_graph.h"
#include "core/graph/tuple_competence.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace slingshot;
using namespace slingshot::bench;

namespace {

void inBlocks(uint64_t total, uint64_t block, const std::function<void(uint64_t, uint64_t)>& kernel) {
    for (uint64_t first = 0; first < total; first += block) kernel(first, std::min(total, first + block));
}

uint64_t sample(SkillGraph& g, uint32_t n1, uint64_t n2, uint32_t k, const SkillMeasure& mu, uint64_t seed) {
    g.n1 = n1;
    g.n2 = n2;
    g.k = k;
    GraphSampler sampler(g, mu, seed);
    inBlocks(n2, std::max<uint64_t>(1, 4 * kJobBlockItems / k),
             [&](uint64_t, uint64_t last) { sampler.sampleUntil(last); });
    return sampler.slotsHash();
}

double peakRssMb() {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    double kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::atof(line + 6);
    std::fclose(f);
    return kb / 1024;
}

// ms[0] is a warm-up run, reported as first_ms but not in the median: the wasm engine runs a kernel's
// first calls in its baseline tier while the optimised code is compiled in the background.
void report(const char* workload, const char* what, uint32_t n1, uint64_t n2, uint32_t k, const std::vector<double>& ms,
            const std::string& extra = "") {
    const std::vector<double> timed(ms.size() > 1 ? ms.begin() + 1 : ms.begin(), ms.end());
    std::printf(
        "{\"bench\":\"simulation\",\"workload\":\"%s\",\"what\":\"%s\",\"n1\":%u,\"n2\":%llu,\"k\":%u,"
        "\"runs\":%zu,\"median_ms\":%.2f,\"min_ms\":%.2f,\"first_ms\":%.2f%s}\n",
        workload, what, n1, static_cast<unsigned long long>(n2), k, timed.size(), median(timed),
        *std::min_element(timed.begin(), timed.end()), ms[0], extra.c_str());
    std::fflush(stdout);
}

// Each run samples a new graph (fresh memory: the first touch of every page is part of the time), or
// with `again` samples the same graph object again (its arrays are kept, as for a new seed).
void benchSample(const char* workload, uint32_t n1, uint64_t n2, uint32_t k, const SkillMeasure& mu, int runs,
                 bool again = false) {
    std::vector<double> ms;
    uint64_t hash = 0;
    SkillGraph kept;
    if (again) sample(kept, n1, n2, k, mu, 1);
    for (int r = 0; r <= runs; ++r) {  // one warm-up run, then `runs`
        SkillGraph fresh;
        const auto t = Clock::now();
        hash = sample(again ? kept : fresh, n1, n2, k, mu, 20231106);
        ms.push_back(msSince(t));
    }
    char extra[64];
    std::snprintf(extra, sizeof extra, ",\"measure\":\"%s\",\"hash\":\"%016llx\"", mu.describe().c_str(),
                  static_cast<unsigned long long>(hash));
    report(workload, again ? "sample the same graph again (arrays kept)" : "sample graph (slots, degrees, hash)", n1,
           n2, k, ms, extra);
}

// W2 on a sampled graph: random Y with exactly theta N2 pieces, failed edges per skill, the
// competence curve; returns the fraction of skills with competence >= 0.8.
double randomCompetence(const SkillGraph& g, uint64_t seed) {
    FailureSet y;
    const uint64_t blocks = pieceBlockCount(g.n2);
    fillFailures(y, BlockFailures(FailureMode::Random, g.n2, 0.1, seed, 0, blocks), g.n2, 0, blocks);
    BigArray<uint32_t> e("failed edges", g.n1);
    e.fill(0);
    inBlocks(g.n2, 4 * kJobBlockItems / g.k,
             [&](uint64_t a, uint64_t b) { accumulateFailedEdges(g, y.failed.data(), a, b, e.data()); });
    return summarizeSkills(g, e.data(), 0.8, 100).curve()[80].frac;
}

void benchRandomCompetence(uint32_t n1, uint64_t n2, uint32_t k, int runs) {
    SkillGraph g;
    sample(g, n1, n2, k, SkillMeasure::uniform(n1), 20231106);
    std::vector<double> ms;
    double frac = 0;
    for (int r = 0; r <= runs; ++r) {  // one warm-up run, then `runs`
        const auto t = Clock::now();
        frac = randomCompetence(g, 20231106 + r);
        ms.push_back(msSince(t));
    }
    char extra[64];
    std::snprintf(extra, sizeof extra, ",\"frac_competent_0.8\":%.4f", frac);
    report("W2", "random Y (theta 0.1) + per-skill competence curve", n1, n2, k, ms, extra);
}

// A SimulationJob run to the end (W3 tuples, adversary), drawing its graph or taking `sampled`.
void benchJob(const char* workload, const char* what, const SimulationParams& p, int runs,
              std::shared_ptr<const SampledGraph> sampled = nullptr) {
    std::vector<double> ms;
    double frac = 0;
    for (int r = 0; r <= runs; ++r) {  // one warm-up run, then `runs`
        SimulationJob job(p, sampled);
        const auto t = Clock::now();
        job.runToEnd();
        ms.push_back(msSince(t));
        if (job.state() != JobState::Done) {
            std::printf("{\"bench\":\"simulation\",\"workload\":\"%s\",\"error\":\"%s\"}\n", workload,
                        job.error().c_str());
            return;
        }
        frac = job.result().tuples ? job.result().tuples->summary.fracBelowC() : job.result().skills.fracAtMostC();
    }
    char extra[64];
    std::snprintf(extra, sizeof extra, ",\"frac\":%.4f", frac);
    report(workload, what, p.n1, p.n2, p.k, ms, extra);
}

// The split of an exact failure count over every block of a corpus-sized graph (2e11 pieces, 190735
// blocks, theta 0.1): one process's share of the work before its first block.
void benchFailureSplit(int runs) {
    const uint64_t n2 = 200000000000ULL;
    std::vector<double> ms;
    uint64_t first_block_failed = 0;
    for (int r = 0; r <= runs; ++r) {
        const auto t = Clock::now();
        first_block_failed = blockFailureCounts(n2, exactFailureCount(0.1, n2), 7, 0, pieceBlockCount(n2))[0];
        ms.push_back(msSince(t));
    }
    char extra[64];
    std::snprintf(extra, sizeof extra, ",\"first_block_failed\":%llu",
                  static_cast<unsigned long long>(first_block_failed));
    report("split", "exact failure count split over 190735 blocks", 0, n2, 0, ms, extra);
}

}  // namespace

int main(int argc, char** argv) {
    // One W2 as a whole process does it (sample the graph, random Y, curve), timed from outside by
    // bench/compare.mjs against the same mode of bench/reference_numpy.py.
    if (argc == 4 && std::strcmp(argv[1], "--w2-process") == 0) {
        const uint64_t n2 = static_cast<uint64_t>(std::atof(argv[2]));
        const uint32_t k = static_cast<uint32_t>(std::atoi(argv[3]));
        if (n2 < 1 || n2 > kMaxPiecesNative || k < 1 || k > kMaxSlotsPerPiece) {
            std::fprintf(stderr, "bench_simulation --w2-process N2 K: N2 in [1, 1e8], K in [1, 32]\n");
            return 2;
        }
        SkillGraph g;
        sample(g, 10000, n2, k, SkillMeasure::uniform(10000), 20231106);
        std::printf("{\"w2_process\":true,\"n2\":%llu,\"k\":%u,\"frac_competent_0.8\":%.4f}\n",
                    static_cast<unsigned long long>(n2), k, randomCompetence(g, 20231106));
        return 0;
    }
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const int runs = quick ? 1 : 5;
    const uint64_t big = quick ? 1000000 : 10000000;

    benchSample("W1", 10000, 1000000, 4, SkillMeasure::uniform(10000), runs);
    benchSample("W1", 10000, big, 8, SkillMeasure::uniform(10000), runs);
    benchSample("W1 again", 10000, big, 8, SkillMeasure::uniform(10000), runs, true);
    benchRandomCompetence(10000, 1000000, 8, runs);
    benchRandomCompetence(10000, big, 8, runs);
    std::printf("{\"bench\":\"simulation\",\"what\":\"peak memory after W1+W2\",\"peak_rss_mb\":%.1f}\n", peakRssMb());
    benchSample("W4", 10000, 1000000, 8, SkillMeasure::zipf(10000, 1.0), runs);
    benchFailureSplit(quick ? 1 : 3);

    SimulationParams pairs;
    pairs.n1 = 10000;
    pairs.n2 = 1000000;
    pairs.k = 4;
    pairs.theta = 0.1;
    pairs.c = 0.8;
    pairs.kprime = 2;
    pairs.tuples = TupleReading::S;
    benchJob("W3", "all co-occurring pairs (S), whole job", pairs, runs);

    SimulationParams adversary;
    adversary.n1 = 10000;
    adversary.n2 = 1000000;
    adversary.k = 8;
    adversary.theta = 0.1;
    adversary.c = 0.8;
    adversary.failure = FailureMode::Adversarial;
    benchJob("ADV", "adversarial search + competence, whole job", adversary, quick ? 1 : 3);

    // The page's Competence view by default, and the same run at another c on the graph the first drew
    // (what the page's worker does when only theta, c, the failure mode or k' change).
    SimulationParams view;
    view.n1 = 1000;
    view.n2 = 1000000;
    view.k = 8;
    view.theta = 0.1;
    view.c = 0.8;
    view.failure = FailureMode::Adversarial;
    view.kprime = 2;
    benchJob("VIEW", "Competence view's default run, drawing its graph", view, quick ? 1 : 3);
    SimulationJob drawn(view);
    drawn.runToEnd();
    view.c = 0.7;
    benchJob("VIEW", "the same at c = 0.7, on the graph already drawn", view, quick ? 1 : 3, drawn.sampledGraph());
    view.failure = FailureMode::Random;
    benchJob("VIEW", "random failures, drawing the graph", view, quick ? 1 : 3);
    benchJob("VIEW", "random failures, on the graph already drawn", view, quick ? 1 : 3, drawn.sampledGraph());
    std::printf("{\"bench\":\"simulation\",\"what\":\"peak memory\",\"peak_rss_mb\":%.1f}\n", peakRssMb());
    return 0;
}
