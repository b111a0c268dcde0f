// The `emergence` command: competence against model size along the scaling law, thresholds per k',
// the Zipf measure's per-rank thresholds.
#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/scaling_examples.h"
#include "core/theory/scaling_fit.h"
#include "core/theory/threshold_intervals.h"
#include "core/theory/trained_models.h"
#include "query/query.h"
#include "query/scaling_points_text.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

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
    REQUIRE(plain["notes"].size() == 4);  // no clipped theta from N = 1e10 on
    CHECK_THAT(plain["notes"][0].get<std::string>(), Contains("read as t2"));
    CHECK_THAT(plain["notes"][1].get<std::string>(), Contains("c_map = 1"));
    CHECK_THAT(plain["notes"][2].get<std::string>(), Contains("D = 20 N training tokens"));
    CHECK(plain["notes"][3] == "scaling law hoffmann2022: L = 1.69 + 406.4/N^0.34 + 410.7/D^0.28 nats/token");
    const Json ratio = runQuery("emergence", {{"points", 5}, {"kprime", "1"}, {"from", 1e10}, {"ratio", 40}});
    CHECK_THAT(ratio["notes"][2].get<std::string>(), Contains("D = 40 N"));
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

namespace {

Json with(Json args, const Json& more) {
    args.update(more);
    return args;
}

}  // namespace

TEST_CASE("emergence command: thresholds of a fitted law carry the bootstrap's intervals", "[emergence_command]") {
    // 16 points of Hoffmann's law with 1% noise (the engine's example grid), as a reader pastes them.
    ExampleGrid grid;
    grid.n_side = 4;
    const std::vector<ScalingPoint> pts = exampleScalingPoints(hoffmann2022(), 5, grid);
    const std::string text = formatScalingPoints(pts);
    const Json args = {{"preset", "fit"}, {"fit-points", text}, {"points", 3}, {"kprime", "1,4"}};
    const Json r = runQuery("emergence", args);
    REQUIRE(r["threshold_intervals"]["replicas"] == 200);
    CHECK(r["threshold_intervals"]["level"] == 0.9);
    CHECK(r["threshold_intervals"]["seed"] == 1);

    // The same numbers as the engine's bootstrap of the same points, fitted from the same text.
    const std::vector<ScalingPoint> parsed = parseScalingPoints(text);
    const ScalingFit fit = fitScalingLaw(parsed);
    EmergenceModel m;
    m.law = fit.law;
    const int kprimes[] = {1, 4};
    const auto iv = thresholdIntervals(m, kprimes, 0.5, bootstrapScalingFit(parsed, fit, 200, 1), 0.9);
    for (size_t i = 0; i < 2; ++i) {
        const Json& t = r["thresholds"][i];
        CHECK(t["n_lo"].get<double>() == *iv[i].lo);
        CHECK(t["n_hi"].get<double>() == *iv[i].hi);
        CHECK(t["n_lo"].get<double>() < t["n"].get<double>());
        CHECK(t["n"].get<double>() < t["n_hi"].get<double>());
        CHECK(t["unreached_replicas"] == 0);
    }
    const Json narrow = runQuery("emergence", with(args, {{"interval", 0.5}, {"bootstrap-seed", 2}}));
    CHECK(narrow["thresholds"][0]["n_lo"].get<double>() > r["thresholds"][0]["n_lo"].get<double>());
    CHECK(narrow["thresholds"][0]["n_hi"].get<double>() < r["thresholds"][0]["n_hi"].get<double>());

    const Json none = runQuery("emergence", with(args, {{"bootstrap", 0}}));
    CHECK_FALSE(none.contains("threshold_intervals"));
    CHECK_FALSE(none["thresholds"][0].contains("n_lo"));
    const Json overridden = runQuery("emergence", with(args, {{"exp-n", 0.3}}));
    CHECK_FALSE(overridden.contains("threshold_intervals"));
    CHECK_THAT(overridden["notes"].back().get<std::string>(), Contains("overridden"));
    for (const char* flag : {"bootstrap", "interval", "bootstrap-seed"})
        CHECK_THAT(errorOf("emergence", {{flag, flag == std::string("interval") ? 0.5 : 1}}),
                   Contains(std::string("--") + flag) && Contains("--preset fit"));
}

TEST_CASE("emergence command: the clipping note names the cut of the theta map in use", "[emergence_command]") {
    // At N = 1e8 Hoffmann's excess loss is about 1.8: theta reaches 1 under both maps.
    const auto clippedNote = [](const Json& r) {
        for (const auto& note : r["notes"])
            if (note.get<std::string>().find("theta reached 1") != std::string::npos) return note.get<std::string>();
        return std::string();
    };
    CHECK_THAT(clippedNote(runQuery("emergence", {{"points", 3}})), Contains("above 1/c_map"));
    CHECK_THAT(clippedNote(runQuery("emergence", {{"points", 3}, {"theta-map", "pinsker"}})),
               Contains("above 1/2, Pinsker's cut") && !Contains("c_map"));
}

TEST_CASE("emergence command: t1 with k' above k is named, and its curve guarantees nothing", "[emergence_command]") {
    const Json r = runQuery("emergence", {{"points", 3}, {"kprime", "1,16"}, {"tuples", "t1"}, {"k", 8}});
    for (const auto& p : r["curves"][1]["points"]) CHECK(p["frac"] == 0.0);
    CHECK(r["thresholds"][1]["n"].is_null());
    bool named = false;
    for (const auto& note : r["notes"]) named = named || note.get<std::string>().find("k' = 16") != std::string::npos;
    CHECK(named);
}

TEST_CASE("emergence command: trained models at their own N and D", "[emergence_command]") {
    const Json r = runQuery("emergence", {{"points", 3}, {"kprime", "1,2"}, {"models", "published;Mine:7e9:2e12"}});
    REQUIRE(r["models"].size() == publishedModels().size() + 1);
    const Json& chinchilla = r["models"][2];
    CHECK(chinchilla["name"] == "Chinchilla");
    CHECK(chinchilla["n"] == 70e9);
    CHECK(chinchilla["d"] == 1.4e12);
    CHECK(chinchilla["tokens_per_param"].get<double>() == Approx(20));
    CHECK_THAT(chinchilla["source"].get<std::string>(), Contains("arXiv:2203.15556"));
    CHECK_THAT(chinchilla["excess_loss"].get<double>(), WithinRel(0.24664547055871733, 1e-13));
    REQUIRE(chinchilla["fractions"].size() == 2);
    CHECK(chinchilla["fractions"][1]["kprime"] == 2);
    CHECK(chinchilla["fractions"][1]["frac"].get<double>() ==
          fracTuples(TupleModel::T2, chinchilla["theta"].get<double>(), 0.8, 8, 2));
    CHECK(r["models"].back()["source"].is_null());
    CHECK_THAT(r["notes"].back().get<std::string>(), Contains("their own (N, D)"));
    CHECK_THAT(errorOf("emergence", {{"models", "GPT-3"}}), Contains("--models: model 'GPT-3'"));
    CHECK_FALSE(runQuery("emergence", {{"points", 3}}).contains("models"));
}
