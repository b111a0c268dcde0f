#include "core/graph/skill_graph.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace slingshot;
using slingshot::testing::degreeChiSquareZ;
using slingshot::testing::sampleInto;
using slingshot::testing::sampleSliced;

TEST_CASE("skill_graph: degrees count every slot, multi-edges included", "[skill_graph]") {
    SkillGraph g;
    sampleInto(g, 50, 2000, 8, SkillMeasure::uniform(50), 1);
    REQUIRE(g.narrow());
    std::vector<uint32_t> recount(50, 0);
    uint64_t sum = 0;
    for (uint64_t i = 0; i < g.n2; ++i)
        for (uint32_t j = 0; j < g.k; ++j) ++recount[g.slot(i, j)];
    for (uint32_t s = 0; s < 50; ++s) {
        CHECK(recount[s] == g.degree[s]);
        sum += g.degree[s];
    }
    CHECK(sum == 8 * 2000);
}

TEST_CASE("skill_graph: uniform degrees follow Binomial(k N2, 1/N1)", "[skill_graph]") {
    SkillGraph g;
    const uint32_t n1 = 1000, k = 8;
    const uint64_t n2 = 100000;
    sampleInto(g, n1, n2, k, SkillMeasure::uniform(n1), 20231106);
    const double p = 1.0 / n1, mean = k * n2 * p, var = k * n2 * p * (1 - p);
    double m = 0, v = 0;
    for (uint32_t s = 0; s < n1; ++s) m += g.degree[s];
    m /= n1;
    for (uint32_t s = 0; s < n1; ++s) v += (g.degree[s] - m) * (g.degree[s] - m);
    v /= (n1 - 1);
    CHECK(m == Approx(mean).epsilon(1e-12));  // the degree sum is exactly k N2
    // Sample variance of 1000 binomials: relative sd sqrt(2/999) = 4.5%; allow 4 sd.
    CHECK(v == Approx(var).epsilon(0.18));
    // Chi-square against the multinomial: z within 4.
    CHECK(std::fabs(degreeChiSquareZ(g, SkillMeasure::uniform(n1))) < 4);
}

TEST_CASE("skill_graph: Zipf(s) frequencies match mu1 (chi-square)", "[skill_graph]") {
    for (double s : {0.5, 1.0, 1.5}) {
        const SkillMeasure mu = SkillMeasure::zipf(2000, s);
        CHECK(mu.probability(0) / mu.probability(1) == Approx(std::pow(2.0, s)).epsilon(1e-13));
        double total = 0;
        for (uint32_t i = 0; i < 2000; ++i) total += mu.probability(i);
        CHECK(total == Approx(1.0).epsilon(1e-12));
        SkillGraph g;
        sampleInto(g, 2000, 100000, 4, mu, 77);
        CHECK(std::fabs(degreeChiSquareZ(g, mu)) < 4);
        // Most frequent skill: expected k N2 mu(0), relative sd below 1%.
        CHECK(g.degree[0] == Approx(4 * 100000 * mu.probability(0)).epsilon(0.05));
    }
}

TEST_CASE("skill_graph: user weights through the alias method", "[skill_graph]") {
    const SkillMeasure mu = SkillMeasure::weights({1, 2, 3, 4, 0});
    SkillGraph g;
    sampleInto(g, 5, 50000, 4, mu, 5);
    CHECK(g.degree[4] == 0);
    for (uint32_t s = 0; s < 4; ++s) {
        const double e = 200000 * (s + 1) / 10.0;
        CHECK(std::fabs(g.degree[s] - e) < 5 * std::sqrt(e));
    }
    CHECK(std::fabs(degreeChiSquareZ(g, mu)) < 4);
    CHECK_THROWS_AS(SkillMeasure::weights({0, 0}), std::invalid_argument);
    CHECK_THROWS_AS(SkillMeasure::weights({1, -1}), std::invalid_argument);
    CHECK_THROWS_AS(SkillMeasure::zipf(10, -1), std::invalid_argument);
}

TEST_CASE("skill_graph: 16-bit ids up to 65536 skills, 32-bit above", "[skill_graph]") {
    SkillGraph narrow, wide;
    sampleInto(narrow, 65536, 1000, 3, SkillMeasure::uniform(65536), 9);
    sampleInto(wide, 65537, 1000, 3, SkillMeasure::uniform(65537), 9);
    CHECK(narrow.narrow());
    CHECK(narrow.slots32.empty());
    CHECK_FALSE(wide.narrow());
    CHECK(wide.slots16.empty());
    uint32_t max_id = 0;
    for (uint64_t i = 0; i < 1000; ++i)
        for (uint32_t j = 0; j < 3; ++j) max_id = std::max(max_id, wide.slot(i, j));
    CHECK(max_id < 65537);
    CHECK(max_id > 60000);
}

TEST_CASE("skill_graph: same seed, same hash, any slicing, same hash", "[skill_graph]") {
    SkillGraph a, b, c;
    const uint64_t ha = sampleInto(a, 300, 5000, 7, SkillMeasure::zipf(300, 1.0), 123);
    const uint64_t hb = sampleInto(b, 300, 5000, 7, SkillMeasure::zipf(300, 1.0), 123);
    const uint64_t hc = sampleInto(c, 300, 5000, 7, SkillMeasure::zipf(300, 1.0), 124);
    CHECK(ha == hb);
    CHECK(ha != hc);
    SkillGraph d;
    d.n1 = 300;
    d.n2 = 5000;
    d.k = 7;
    const SkillMeasure mu = SkillMeasure::zipf(300, 1.0);
    GraphSampler sampler(d, mu, 123);
    for (uint64_t end : {1, 2, 3, 10, 999, 1000, 4321, 5000}) sampler.sampleUntil(end);
    CHECK(sampler.slotsHash() == ha);
    for (uint64_t i = 0; i < 5000 * 7; ++i) REQUIRE(d.slots16[i] == a.slots16[i]);
}

TEST_CASE("skill_graph: pinned hashes (same on every platform)", "[skill_graph]") {
    SkillGraph u, z, w;
    // Recorded from this implementation; the wasm build must give the same values.
    CHECK(sampleInto(u, 1000, 10000, 8, SkillMeasure::uniform(1000), 20231106) == 0x45e21608c031dc04ULL);
    CHECK(sampleInto(z, 100000, 10000, 4, SkillMeasure::zipf(100000, 1.1), 20231106) == 0xb3df993d49e2aca3ULL);
    CHECK(sampleInto(w, 3, 1000, 2, SkillMeasure::weights({0.2, 0.3, 0.5}), 1) == 0xe26238ae1ddada30ULL);
}

TEST_CASE("skill_graph: portable power agrees with std::pow", "[skill_graph]") {
    for (double base : {1.0, 2.0, 3.0, 10.0, 999.0, 123456.0, 1e6})
        for (double s : {0.1, 0.5, 1.0, 1.3, 2.0, 3.7})
            CHECK(portablePowNeg(base, s) == Approx(std::pow(base, -s)).epsilon(1e-14));
}

// N1 = 1e6 rejects about 2.3e-4 of words, so about one group of draws in ten is redone word by word;
// odd k and uneven slices leave half-words pending between calls and between groups.
TEST_CASE("skill_graph: grouped uniform draws equal word-by-word Lemire draws, however sliced", "[skill_graph]") {
    const uint32_t n1 = 1000000;
    SkillGraph g;
    sampleInto(g, n1, 20000, 7, SkillMeasure::uniform(n1), 8);
    WordStream words(Rng(8, RngStream::GraphSlots));
    const BoundedDraw draw(n1);
    for (uint64_t i = 0; i < 20000 * 7; ++i) REQUIRE(g.slots32[i] == draw(words));

    SkillGraph sliced;
    sampleSliced(sliced, n1, 20000, 7, SkillMeasure::uniform(n1), 8);
    for (uint64_t i = 0; i < 20000 * 7; ++i) REQUIRE(sliced.slots32[i] == g.slots32[i]);
}

// 16-bit ids where the page's vector kernel rejects most often (N1 = 65175: 2^32 mod N1 = 65146, about
// 1.5e-5 of words rejected: 24 here, so about 24 groups are redone), at its largest bound 65535 and at 65536
// (the plain loop); all must equal word-by-word draws.
TEST_CASE("skill_graph: grouped 16-bit draws equal word-by-word draws up to N1 = 65536", "[skill_graph]") {
    for (uint32_t n1 : {65175u, 65535u, 65536u}) {
        SkillGraph g;
        sampleSliced(g, n1, 200000, 7, SkillMeasure::uniform(n1), 10);
        REQUIRE(g.narrow());
        WordStream words(Rng(10, RngStream::GraphSlots));
        const BoundedDraw draw(n1);
        for (uint64_t i = 0; i < 200000 * 7; ++i) REQUIRE(g.slots16[i] == draw(words));
    }
}

TEST_CASE("skill_graph: grouped alias draws equal word-by-word draws, however sliced", "[skill_graph]") {
    const uint32_t n1 = 1000000;
    const SkillMeasure mu = SkillMeasure::zipf(n1, 1.0);
    SkillGraph g;
    sampleSliced(g, n1, 20000, 7, mu, 9);
    WordStream words(Rng(9, RngStream::GraphSlots));
    const BoundedDraw draw(n1);
    for (uint64_t i = 0; i < 20000 * 7; ++i) {
        const uint32_t column = draw(words);
        const uint32_t s = words.next32() < mu.keepBelow()[column] ? column : mu.aliasOf()[column];
        REQUIRE(g.slots32[i] == s);
    }
}

TEST_CASE("skill_graph: a graph sampled again keeps its arrays and equals a fresh sample", "[skill_graph]") {
    SkillGraph again, fresh;
    sampleInto(again, 500, 3000, 5, SkillMeasure::uniform(500), 1);
    const uint16_t* slots = again.slots16.data();
    const uint32_t* degree = again.degree.data();
    const uint64_t h = sampleInto(again, 500, 3000, 5, SkillMeasure::uniform(500), 2);
    CHECK(again.slots16.data() == slots);
    CHECK(again.degree.data() == degree);
    CHECK(h == sampleInto(fresh, 500, 3000, 5, SkillMeasure::uniform(500), 2));
    for (uint64_t i = 0; i < 3000 * 5; ++i) REQUIRE(again.slots16[i] == fresh.slots16[i]);
    for (uint32_t s = 0; s < 500; ++s) REQUIRE(again.degree[s] == fresh.degree[s]);
}
