#include "core/base/binomial.h"
#include "core/graph/graph_stats.h"
#include "core/graph/skill_measure.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <vector>

using namespace slingshot;

TEST_CASE("graph stats: degree summary counts isolated skills", "[graph_stats]") {
    std::vector<uint32_t> deg{3, 0, 5, 0, 2};
    DegreeStats s = degreeStats(deg);
    CHECK(s.min == 0);
    CHECK(s.max == 5);
    CHECK(s.mean == Approx(2.0));
    CHECK(s.isolated == 2);
    CHECK(degreeStats(std::span<const uint32_t>{}).max == 0);
}

TEST_CASE("graph stats: degree histogram of a sampled graph follows Bin(kN2, 1/N1)", "[graph_stats]") {
    SkillGraph g;
    testing::sampleInto(g, 1000, 100000, 8, SkillMeasure::uniform(1000), 7);
    std::vector<uint32_t> deg(g.degree.data(), g.degree.data() + g.n1);
    DegreeHistogram h = degreeHistogram(deg, 800000, 1e-3, 60);
    REQUIRE(h.count.size() <= 60);
    REQUIRE(h.count.size() == h.expected.size());
    CHECK(std::accumulate(h.count.begin(), h.count.end(), uint64_t(0)) == 1000);
    // The expectation covers (nearly) all skills and every observed degree lies in the bins.
    CHECK(std::accumulate(h.expected.begin(), h.expected.end(), 0.0) == Approx(1000).epsilon(1e-3));
    const DegreeStats s = degreeStats(deg);
    CHECK(h.first <= s.min);
    CHECK(h.binLow(h.count.size() - 1) + h.bin_width - 1 >= s.max);
    // Chi-square over bins with expectation >= 5 stays in a generous band.
    double chi2 = 0;
    int cells = 0;
    for (size_t i = 0; i < h.count.size(); ++i)
        if (h.expected[i] >= 5) {
            chi2 += (h.count[i] - h.expected[i]) * (h.count[i] - h.expected[i]) / h.expected[i];
            ++cells;
        }
    REQUIRE(cells > 5);
    CHECK((chi2 - (cells - 1)) / std::sqrt(2.0 * (cells - 1)) < 5);
}

TEST_CASE("graph stats: one integer per bin for narrow ranges", "[graph_stats]") {
    std::vector<uint32_t> deg{2, 3, 3, 4};
    DegreeHistogram h = degreeHistogram(deg, 12, 0.25, 100);
    CHECK(h.bin_width == 1);
    CHECK(h.first == 0);  // the expectation is visible down to degree 0
    REQUIRE(h.count.size() >= 5);
    CHECK(h.count[3] == 2);
    CHECK(h.expected[3] == Approx(4 * binomialPmf(12, 0.25, 3)));
}

TEST_CASE("graph stats: skill competence is 1 - failed/degree, undefined without edges", "[graph_stats]") {
    CHECK(skillCompetence(10, 2) == Approx(0.8));
    CHECK(skillCompetence(5, 0) == 1.0);
    CHECK(std::isnan(skillCompetence(0, 0)));
}
