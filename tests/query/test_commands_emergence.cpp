// The `emergence` command: competence against model size along the scaling law, thresholds per k',
// the Zipf measure's per-rank thresholds.
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;
using slingshot::testing::errorOf;

TEST_CASE("emergence command: curves, §5.2 thresholds, Zipf ranks, unreachable targets, bad input",
          "[emergence_command]") {
    const Json r = runQuery("emergence", {{"k", 8}, {"c", 0.8}, {"kprime", "1,2,4,8"}, {"points", 50}});
    REQUIRE(r["curves"].size() == 4);
    CHECK(r["curves"][1]["kprime"] == 2);
    REQUIRE(r["curves"][0]["points"].size() == 50);
    const Json& first = r["curves"][0]["points"][0];
    CHECK(first["n"] == 1e8);
    for (const char* key : {"n", "theta", "frac"}) CHECK(first.contains(key));
    const double expected[] = {1.049e12, 1.080e13, 1.126e14, 1.189e15};
    REQUIRE(r["thresholds"].size() == 4);
    for (size_t i = 0; i < 4; ++i) CHECK_THAT(r["thresholds"][i]["n"].get<double>(), WithinRel(expected[i], 5e-4));
    REQUIRE(r["ratios"].size() == 3);
    for (const auto& ratio : r["ratios"]) CHECK(ratio.get<double>() > 10);

    const Json z =
        runQuery("emergence", {{"kprime", "1"}, {"points", 2}, {"zipf", 1.0}, {"n1", 10000}, {"rank", "1,10,100"}});
    REQUIRE(z["zipf"].size() == 3);
    CHECK(z["zipf"][0]["n"].get<double>() < z["zipf"][2]["n"].get<double>());
    const Json unreachable = runQuery("emergence", {{"kprime", "1"}, {"points", 2}, {"exp-n", 0.01}, {"exp-d", 0.01}});
    CHECK(unreachable["thresholds"][0]["n"].is_null());

    CHECK_THAT(errorOf("emergence", {{"from", 1e12}, {"to", 1e9}}), Contains("--from") && Contains("--to"));
    CHECK_THAT(errorOf("emergence", {{"kprime", "1,0"}}), Contains("--kprime"));
    CHECK_THAT(errorOf("emergence", {{"ratio", 20}, {"d-rule", "optimal"}}),
               Contains("--ratio") && Contains("--d-rule"));
    CHECK_THAT(errorOf("emergence", {{"zipf", 1.0}}), Contains("--n1"));
    CHECK_THAT(errorOf("emergence", {{"zipf", 1.0}, {"n1", 10}, {"rank", "11"}}), Contains("--rank"));
    CHECK_THAT(errorOf("emergence", {{"target", 1}}), Contains("--target"));
}

TEST_CASE("emergence command: notes name the modelling choices and a clipped theta", "[emergence_command]") {
    const Json plain = runQuery("emergence", {{"points", 5}, {"kprime", "1,2"}, {"from", 1e10}});
    REQUIRE(plain["notes"].size() == 2);  // no clipped theta from N = 1e10 on
    CHECK_THAT(plain["notes"][0].get<std::string>(), Contains("read as t2"));
    CHECK_THAT(plain["notes"][1].get<std::string>(), Contains("c_map = 1"));
    // A Kaplan-style law (E = 0): the whole loss is excess, theta clips to 1 at small N.
    const Json kaplan = runQuery("emergence", {{"points", 20}, {"kprime", "1"}, {"entropy", 0}, {"from", 1e6}});
    REQUIRE(kaplan["theta_clipped_points"].get<long long>() > 0);
    CHECK_THAT(kaplan["notes"].back().get<std::string>(), Contains("theta reached 1 at"));
    const Json optimal = runQuery("emergence", {{"points", 5}, {"kprime", "1"}, {"d-rule", "optimal"}});
    CHECK_THAT(optimal["notes"].dump(), Contains("compute-optimal"));
}

TEST_CASE("emergence command: the Zipf block says it is for single skills", "[emergence_command]") {
    const Json z = runQuery(
        "emergence", {{"points", 3}, {"kprime", "2"}, {"tuples", "p"}, {"zipf", 1.0}, {"n1", 1000}, {"rank", "1,10"}});
    REQUIRE(z["zipf"].size() == 2);
    CHECK_THAT(z["notes"].back().get<std::string>(), Contains("single skills (k' = 1)"));
    CHECK_FALSE(runQuery("emergence", {{"points", 3}})["notes"].dump().find("zipf block") != std::string::npos);
}
