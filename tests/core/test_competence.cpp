#include "core/graph/competence.h"

#include <catch2/catch.hpp>

using namespace slingshot;

TEST_CASE("competence: tally counts exact ties as competent and excludes items without edges", "[competence]") {
    CompetenceTally t(0.8, 10);
    t.add(10, 2);  // competence 0.8: not below c, at most c
    t.add(10, 3);  // 0.7: below
    t.add(5, 0);   // 1.0
    t.add(0, 0);   // no edges
    t.addIsolated(2);
    const CompetenceSummary& s = t.summary();
    CHECK(s.counted == 3);
    CHECK(s.isolated == 3);
    CHECK(s.below_c == 1);
    CHECK(s.at_most_c == 2);
    CHECK(s.fracBelowC() == Approx(1.0 / 3));
    CHECK(s.edge_sum == 25);
    CHECK(s.failed_edge_sum == 5);
    const auto curve = s.curve();
    REQUIRE(curve.size() == 11);
    CHECK(curve[0].frac == 1.0);
    CHECK(curve[7].frac == 1.0);              // all three have competence >= 0.7
    CHECK(curve[8].frac == Approx(2.0 / 3));  // 0.8 and 1.0
    CHECK(curve[9].frac == Approx(1.0 / 3));
    CHECK(curve[10].frac == Approx(1.0 / 3));
    CHECK(curve[10].c == 1.0);
}
