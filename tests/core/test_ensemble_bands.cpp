#include "core/graph/ensemble_bands.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

using namespace slingshot;

namespace {

// The shared small run (a Zipf measure, random failures) with another seed.
SimulationResult runSeed(uint64_t seed, uint32_t kprime = 0) {
    SimulationParams p = testing::smallRun(FailureMode::Random, kprime);
    p.seed = seed;
    return testing::runSimulation(p);
}

}  // namespace

TEST_CASE("ensemble bands hold every seed's curve and read-outs", "[graph][ensemble]") {
    std::vector<SimulationResult> results;
    for (uint64_t seed = 1; seed <= 6; ++seed) results.push_back(runSeed(seed, 2));
    std::vector<const SimulationResult*> runs;
    for (const auto& r : results) runs.push_back(&r);
    const EnsembleBands b = ensembleBands(runs);
    CHECK(b.runs == 6);
    REQUIRE(b.c.size() == results[0].skills.curve().size());
    REQUIRE(b.tuple_frac_at_most_c.has_value());
    bool spread = false;  // different seeds do differ somewhere
    for (const SimulationResult& r : results) {
        const auto curve = r.skills.curve();
        for (size_t j = 0; j < curve.size(); ++j) {
            CHECK(b.c[j] == curve[j].c);
            CHECK(b.curve[j].min <= curve[j].frac);
            CHECK(curve[j].frac <= b.curve[j].max);
            spread = spread || b.curve[j].min < b.curve[j].max;
        }
        const auto tuples = r.tuples->summary.curve();
        for (size_t j = 0; j < tuples.size(); ++j) {
            CHECK(b.tuple_curve[j].min <= tuples[j].frac);
            CHECK(tuples[j].frac <= b.tuple_curve[j].max);
        }
        CHECK(b.frac_at_most_c.min <= r.skills.fracAtMostC());
        CHECK(r.skills.fracAtMostC() <= b.frac_at_most_c.max);
        CHECK(b.tuple_frac_at_most_c->min <= r.tuples->summary.fracAtMostC());
    }
    CHECK(spread);
}

TEST_CASE("an ensemble of one run is that run", "[graph][ensemble]") {
    const SimulationResult r = runSeed(3);
    const EnsembleBands b = ensembleBands({&r});
    CHECK(b.runs == 1);
    CHECK_FALSE(b.tuple_frac_at_most_c.has_value());
    CHECK(b.tuple_curve.empty());
    const auto curve = r.skills.curve();
    for (size_t j = 0; j < curve.size(); ++j) {
        CHECK(b.curve[j].min == curve[j].frac);
        CHECK(b.curve[j].max == curve[j].frac);
        CHECK(b.curve[j].median == curve[j].frac);
    }
    CHECK(b.frac_at_most_c.mean == r.skills.fracAtMostC());
    CHECK(b.theta_realized.min == r.theta_realized);
}

TEST_CASE("ensemble bands refuse no runs and runs with tuples in some only", "[graph][ensemble]") {
    CHECK_THROWS_AS(ensembleBands({}), std::invalid_argument);
    const SimulationResult a = runSeed(1, 2), b = runSeed(2);
    CHECK_THROWS_AS(ensembleBands({&a, &b}), std::invalid_argument);
}
