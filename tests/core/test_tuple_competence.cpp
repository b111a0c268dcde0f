// Competence of k'-tuples on a sampled graph (src/core/graph/tuple_competence): the S reading against
// brute force, T2 failures and the tuple mean identity, Cor 13 on a simulated graph, the readings'
// names, the edge count and memory estimate.
#include "core/graph/competence.h"
#include "core/graph/tuple_competence.h"
#include "core/theory/bounds.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

using namespace slingshot;
using slingshot::testing::runSimulation;
using slingshot::testing::runStages;
using slingshot::testing::sampleInto;

namespace {

// Brute-force per-tuple (degree, failed) for the S reading, as sorted skill sets.
std::map<std::vector<uint32_t>, std::pair<uint64_t, uint64_t>> bruteForceS(const SkillGraph& g, const FailureSet& y,
                                                                           uint32_t kp) {
    std::map<std::vector<uint32_t>, std::pair<uint64_t, uint64_t>> m;
    for (uint64_t i = 0; i < g.n2; ++i)
        for (uint32_t a = 0; a < g.k; ++a)
            for (uint32_t b = a + 1; b < g.k; ++b) {
                if (kp == 2) {
                    std::vector<uint32_t> key{g.slot(i, a), g.slot(i, b)};
                    if (key[0] == key[1]) continue;
                    std::sort(key.begin(), key.end());
                    m[key].first++;
                    m[key].second += y.failed[i];
                    continue;
                }
                for (uint32_t c = b + 1; c < g.k; ++c) {
                    std::vector<uint32_t> key{g.slot(i, a), g.slot(i, b), g.slot(i, c)};
                    std::sort(key.begin(), key.end());
                    if (key[0] == key[1] || key[1] == key[2]) continue;
                    m[key].first++;
                    m[key].second += y.failed[i];
                }
            }
    return m;
}

TupleReport runTuples(const SkillGraph& g, const FailureSet& y, const TupleParams& p) {
    TupleCounter counter(g, y, p);
    runStages(counter);
    return counter.report();
}

}  // namespace

TEST_CASE("tuple competence: S tuples counted by sorting equal brute force (narrow and wide codes)",
          "[tuple_competence]") {
    for (uint32_t n1 : {12u, 70000u})
        for (uint32_t kp : {2u, 3u}) {
            SkillGraph g;
            sampleInto(g, n1, 3000, 5, SkillMeasure::uniform(n1), 31);
            const FailureSet y = slingshot::testing::blockFailures(g.n2, 0.2, 4);
            REQUIRE(y.count == 600);
            TupleParams p;
            p.kprime = kp;
            p.reading = TupleReading::S;
            p.c = 0.75;
            const TupleReport r = runTuples(g, y, p);
            const auto brute = bruteForceS(g, y, kp);
            CompetenceTally expected(0.75, 100);
            for (const auto& [key, v] : brute) expected.add(v.first, v.second);
            INFO("n1=" << n1 << " k'=" << kp);
            CHECK(r.summary.counted == brute.size());
            CHECK(r.summary.below_c == expected.summary().below_c);
            CHECK(r.summary.at_most_c == expected.summary().at_most_c);
            CHECK(r.summary.histogram == expected.summary().histogram);
            CHECK(r.summary.counted + r.summary.isolated == uint64_t(r.total_tuples));
            CHECK(r.edges == r.summary.edge_sum);
        }
}

TEST_CASE("tuple competence: T2 k'-pieces fail if any part fails, tuple mean identity", "[tuple_competence]") {
    SkillGraph g;
    sampleInto(g, 30, 20000, 6, SkillMeasure::uniform(30), 2);
    const FailureSet y = slingshot::testing::blockFailures(g.n2, 0.1, 6);
    REQUIRE(y.count == 2000);
    TupleParams p;
    p.kprime = 2;
    p.reading = TupleReading::T2;
    p.t2_pieces = 50000;
    const TupleReport r = runTuples(g, y, p);
    CHECK(r.edges == 50000u * 6);
    CHECK(r.summary.edge_sum == r.edges);
    CHECK(r.summary.failed_edge_sum == 6 * r.failed_kpieces);
    CHECK(r.summary.counted + r.summary.isolated == 900);
    // A k'-piece fails with probability 1 - 0.9^2 = 0.19; sd of the count sqrt(n p (1-p)) ~ 88.
    CHECK(std::fabs(double(r.failed_kpieces) - 0.19 * 50000) < 5 * 88);
}

TEST_CASE("tuple competence: T2 pairs at theta/2 stay below the single-skill bound at theta (Cor 13)",
          "[tuple_competence]") {
    for (FailureMode mode : {FailureMode::Random, FailureMode::Adversarial})
        for (double c : {0.8, 0.7}) {
            SimulationParams p;
            p.n1 = 100;  // 1e4 ordered pairs, 80 edges each
            p.n2 = 100000;
            p.k = 8;
            p.theta = 0.05;
            p.c = c;
            p.failure = mode;
            p.kprime = 2;
            p.tuples = TupleReading::T2;
            p.seed = 20231106;
            const SimulationResult r = runSimulation(p);
            REQUIRE(r.tuples.has_value());
            const double single_bound = 1 - fracCompetent(0.1, c, 8);
            CHECK(1 - fracTuplesT2(0.05, c, 8, 2) == Approx(single_bound).margin(1e-12));
            INFO("c=" << c << " tuples at most c: " << r.tuples->summary.fracAtMostC() << " bound " << single_bound);
            CHECK(r.tuples->summary.fracAtMostC() <= single_bound);
            CHECK(r.tuples->summary.isolated == 0);
        }
}

TEST_CASE("tuple competence: reading names read back, anything else is refused", "[tuple_competence]") {
    for (TupleReading r : {TupleReading::T2, TupleReading::S}) CHECK(tupleReadingFromName(tupleReadingName(r)) == r);
    CHECK(tupleReadingName(TupleReading::T2) == "t2");
    CHECK(tupleReadingName(TupleReading::S) == "s");
    for (const char* bad : {"", "T2", "t1", "s ", "p"}) CHECK_FALSE(tupleReadingFromName(bad).has_value());
}

TEST_CASE("tuple competence: edges are k per k'-piece (T2) or C(k, k') per piece (S), bytes follow",
          "[tuple_competence]") {
    TupleParams t2;
    t2.kprime = 2;
    CHECK(TupleCounter::edgeCount(8, 1000, t2) == 8000u);  // t2_pieces = 0: N2 k'-pieces
    t2.t2_pieces = 50;
    CHECK(TupleCounter::edgeCount(8, 1000, t2) == 400u);
    TupleParams s;
    s.reading = TupleReading::S;
    s.kprime = 2;
    CHECK(TupleCounter::edgeCount(8, 1000, s) == 28000u);  // C(8, 2) = 28
    s.kprime = 3;
    CHECK(TupleCounter::edgeCount(8, 1000, s) == 56000u);  // C(8, 3) = 56
    CHECK(TupleCounter::edgeCount(2, 1000, s) == 0u);      // C(2, 3) = 0
    // Two buffers of codes (sorting needs a second one): wider codes for more tuples.
    const double narrow = TupleCounter::bytesFor(100, 8, 1000, s), wide = TupleCounter::bytesFor(70000, 8, 1000, s);
    CHECK(wide - narrow == Approx(2.0 * 4 * 56000));  // 8-byte codes instead of 4
    CHECK(narrow > 2.0 * 4 * 56000);
}
