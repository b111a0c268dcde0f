// Small helpers shared by the graph tests: sample a graph in one go, run a job or a planner's stages to
// the end, the spectral result, the exhaustive worst case of a tiny graph.
#pragma once

#include "core/graph/failures.h"
#include "core/graph/piece_blocks.h"
#include "core/graph/simulation.h"
#include "core/graph/skill_graph.h"
#include "core/graph/spectral.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace slingshot::testing {

inline uint64_t sampleInto(SkillGraph& g, uint32_t n1, uint64_t n2, uint32_t k, const SkillMeasure& mu, uint64_t seed) {
    g.n1 = n1;
    g.n2 = n2;
    g.k = k;
    GraphSampler sampler(g, mu, seed);
    sampler.sampleUntil(n2);
    return sampler.slotsHash();
}

// The same graph sampled in uneven slices (odd ends leave half-words pending between calls).
inline uint64_t sampleSliced(SkillGraph& g, uint32_t n1, uint64_t n2, uint32_t k, const SkillMeasure& mu,
                             uint64_t seed) {
    g.n1 = n1;
    g.n2 = n2;
    g.k = k;
    GraphSampler sampler(g, mu, seed);
    for (uint64_t end : {uint64_t(1), uint64_t(2), uint64_t(3), uint64_t(77), uint64_t(78), uint64_t(1000),
                         uint64_t(4321), n2 - 1, n2})
        sampler.sampleUntil(end);
    return sampler.slotsHash();
}

// The failure set of a whole graph, every block in order.
inline FailureSet blockFailures(uint64_t n2, double theta, uint64_t seed, FailureMode mode = FailureMode::Random) {
    const uint64_t blocks = pieceBlockCount(n2);
    FailureSet y;
    fillFailures(y, BlockFailures(mode, n2, theta, seed, 0, blocks), n2, 0, blocks);
    return y;
}

// Pearson chi-square of observed degrees against expected k N2 mu1(s), over skills with expectation
// >= 5. Returns (statistic - dof) / sqrt(2 dof), about N(0, 1) for a correct sampler.
inline double degreeChiSquareZ(const SkillGraph& g, const SkillMeasure& mu) {
    double chi2 = 0;
    int cells = 0;
    const double total = double(g.k) * double(g.n2);
    for (uint32_t s = 0; s < g.n1; ++s) {
        const double e = total * mu.probability(s);
        if (e < 5) continue;
        chi2 += (g.degree[s] - e) * (g.degree[s] - e) / e;
        ++cells;
    }
    const double dof = cells - 1;
    return (chi2 - dof) / std::sqrt(2 * dof);
}

inline SimulationResult runSimulation(const SimulationParams& p) {
    SimulationJob job(p);
    job.runToEnd();
    REQUIRE(job.state() == JobState::Done);
    return job.result();
}

// The run the slicing, streaming and job tests share: 200 skills, 3e4 pieces, a Zipf measure.
inline SimulationParams smallRun(FailureMode mode, uint32_t kprime) {
    SimulationParams p;
    p.n1 = 200;
    p.n2 = 30000;
    p.k = 5;
    p.theta = 0.1;
    p.c = 0.7;
    p.failure = mode;
    p.kprime = kprime;
    p.tuples = kprime == 3 ? TupleReading::S : TupleReading::T2;
    p.measure.kind = MeasureSpec::Kind::Zipf;
    p.seed = 99;
    return p;
}

// The THEORY 8 grid's run: 1000 skills, 1e5 pieces, k slots each.
inline SimulationParams theoryRun(uint32_t k, double theta, double c, FailureMode mode) {
    SimulationParams p;
    p.n1 = 1000;
    p.n2 = 100000;
    p.k = k;
    p.theta = theta;
    p.c = c;
    p.failure = mode;
    p.seed = 20231106;
    return p;
}

inline uint64_t countFlags(const FailureSet& y) {
    uint64_t n = 0;
    for (uint64_t i = 0; i < y.failed.size(); ++i) n += y.failed[i];
    return n;
}

inline SpectralResult runSpectral(const SkillGraph& g, SpectralParams p = {}) {
    SpectralJob job(g, p);
    job.runToEnd();
    REQUIRE(job.state() == JobState::Done);
    return job.result();
}

// Runs the stages a planner (TupleCounter, AdversarySearch) plans, as one job, to the end.
template <class Planner>
void runStages(Planner& planner) {
    struct Runner : Job {
        explicit Runner(Planner& p) {
            p.planStages([this](JobStage s) { addStage(std::move(s)); });
        }
    } runner(planner);
    runner.runToEnd();
    REQUIRE(runner.state() == JobState::Done);
}

// Largest number of skills with failure >= 1 - c over every Y of m pieces (exhaustive; tiny N2).
inline uint64_t bruteForceWorst(const SkillGraph& g, uint64_t m, double c) {
    uint64_t best = 0;
    const uint64_t n2 = g.n2;
    for (uint64_t mask = 0; mask < (uint64_t(1) << n2); ++mask) {
        if (uint64_t(__builtin_popcountll(mask)) != m) continue;
        std::vector<uint32_t> failed(g.n1, 0);
        for (uint64_t t = 0; t < n2; ++t)
            if (mask >> t & 1)
                for (uint32_t j = 0; j < g.k; ++j) ++failed[g.slot(t, j)];
        uint64_t bad = 0;
        for (uint32_t s = 0; s < g.n1; ++s) {
            if (g.degree[s] == 0) continue;
            const double good = double(g.degree[s] - failed[s]);
            if (good <= c * g.degree[s] * (1 + 1e-12)) ++bad;
        }
        best = std::max(best, bad);
    }
    return best;
}

}  // namespace slingshot::testing
