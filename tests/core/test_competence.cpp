#include "core/graph/competence.h"
#include "core/graph/skill_measure.h"

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

TEST_CASE("competence: the tally weighs items by their measure beside counting them", "[competence]") {
    CompetenceTally t(0.8, 10);
    t.add(10, 2, 0.5);  // competence 0.8: at most c
    t.add(10, 3, 0.1);  // 0.7: below c
    t.add(5, 0, 0.3);   // 1.0
    t.add(0, 0, 0.1);   // no edges: neither counted nor weighed
    const CompetenceSummary& s = t.summary();
    CHECK(s.measure_counted == Approx(0.9));
    CHECK(s.measureFracBelowC() == Approx(0.1 / 0.9));
    CHECK(s.measureFracAtMostC() == Approx(0.6 / 0.9));
    CHECK(s.fracAtMostC() == Approx(2.0 / 3));  // the count differs
    const auto curve = s.measureCurve();
    REQUIRE(curve.size() == 11);
    CHECK(curve[7].frac == Approx(1.0));
    CHECK(curve[8].frac == Approx(0.8 / 0.9));
    CHECK(curve[10].frac == Approx(0.3 / 0.9));
    // Items not weighed (tuples) leave the measure fractions at 0.
    CompetenceTally tuples(0.8, 10);
    tuples.add(10, 9);
    CHECK(tuples.summary().measureFracAtMostC() == 0.0);
    CHECK(tuples.summary().measureCurve()[0].frac == 0.0);
}

TEST_CASE("competence: skills weighed by a Zipf measure sum to the measure of those counted", "[competence]") {
    SkillGraph g;
    g.n1 = 3;
    g.n2 = 1;
    g.k = 2;
    g.degree.allocate("degrees", 3);
    const uint32_t degrees[] = {4, 0, 2}, failed[] = {1, 0, 2};
    for (uint32_t s = 0; s < 3; ++s) g.degree[s] = degrees[s];
    const SkillMeasure mu = SkillMeasure::zipf(3, 1.0);
    const CompetenceSummary z = summarizeSkills(g, failed, 0.8, 10, &mu);
    CHECK(z.measure_counted == Approx(mu.probability(0) + mu.probability(2)));
    CHECK(z.measureFracAtMostC() == Approx(1.0));  // 0.75 and 0 are both at most 0.8
    const CompetenceSummary u = summarizeSkills(g, failed, 0.7, 10);
    CHECK(u.measureFracAtMostC() == Approx(0.5));  // uniform: skill 2 of the two counted
    CHECK(u.fracAtMostC() == Approx(0.5));
}
