// Small helpers shared by the simulation tests: sample a graph in one go, run a job to the end.
#pragma once

#include "core/graph/simulation.h"
#include "core/graph/skill_graph.h"

#include <catch2/catch.hpp>

#include <cmath>
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
inline uint64_t sampleSliced(SkillGraph& g, uint32_t n1, uint64_t n2, uint32_t k, const SkillMeasure& mu, uint64_t seed) {
    g.n1 = n1;
    g.n2 = n2;
    g.k = k;
    GraphSampler sampler(g, mu, seed);
    for (uint64_t end : {uint64_t(1), uint64_t(2), uint64_t(3), uint64_t(77), uint64_t(78), uint64_t(1000), uint64_t(4321), n2 - 1, n2})
        sampler.sampleUntil(end);
    return sampler.slotsHash();
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

}  // namespace slingshot::testing
