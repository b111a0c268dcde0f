// The closed-form bound commands: `bound` (Thm 8 and the tuple models), `adversary` (the exact
// worst case and random failures at a finite degree) and `stimulus` (paucity of stimulus).
#include "core/theory/bounds.h"
#include "core/theory/skill_counts.h"
#include "query/model_notes.h"
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;
using slingshot::testing::errorOf;

TEST_CASE("bound command: Thm 8, alpha*, tuple models, rho and the curve, bad input", "[bound_command]") {
    const Json r = runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}});
    for (const char* key : {"theta", "k", "kprime", "c", "beta", "alpha_star", "frac"}) CHECK(r.contains(key));
    CHECK(r["frac"].get<double>() == fracCompetent(0.1, 0.8, 8));
    CHECK_THAT(r["alpha_star"].get<double>(), WithinRel(0.4328, 5e-4));
    const Json none = runQuery("bound", {{"theta", 0.1}, {"k", 2}, {"c", 0.5}});
    CHECK(none["alpha_star"].is_null());
    CHECK_THAT(none["frac"].get<double>(), WithinRel(0.8, 1e-15));
    const Json t2 = runQuery("bound", {{"theta", 0.05}, {"k", 8}, {"c", 0.8}, {"kprime", 2}});
    CHECK(t2["frac"].get<double>() == r["frac"].get<double>());  // Cor 13
    const Json t1 = runQuery("bound", {{"theta", 0.05}, {"k", 8}, {"c", 0.8}, {"kprime", 2}, {"tuples", "t1"}});
    CHECK_THAT(t1["frac"].get<double>(), WithinRel(0.7803, 5e-4));
    const Json rho = runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.7}, {"rho", 0.01}});
    CHECK_THAT(rho["alpha_star"].get<double>(), WithinRel(0.2104, 5e-4));

    const Json curve = runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"points", 256}});
    REQUIRE(curve["curve"].size() == 256);
    CHECK(curve["curve"][0]["c"] == 0.0);
    CHECK(curve["curve"][204]["frac"].get<double>() == fracCompetent(0.1, 204.0 / 256, 8));

    CHECK_THAT(errorOf("bound", {{"theta", 2}, {"k", 8}, {"c", 0.5}}), Contains("--theta") && Contains("[0, 1]"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 0.5}, {"c", 0.5}}), Contains("--k"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 8}, {"c", 1}}), Contains("--c"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.5}, {"points", 10}}),
               Contains("--c") && Contains("--points"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 8}}), Contains("--c") && Contains("--points"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.5}, {"kprime", 2}, {"tuples", "t1"}, {"rho", 0.1}}),
               Contains("--rho") && Contains("--tuples"));
    CHECK_THAT(errorOf("bound", {{"theta", "abc"}, {"k", 8}, {"c", 0.5}}), Contains("--theta"));
    CHECK_THAT(errorOf("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.5}, {"bogus", 1}}), Contains("bogus"));
}

TEST_CASE("adversary command: the random-Y tail is accurate at degree 1e12", "[adversary_command]") {
    // m = 1e11 failed edges of 1e12 (the mean): the 50-digit reference of tests/core/test_binomial.cpp.
    const Json r = runQuery("adversary", {{"theta", 0.1}, {"tau", 0.1}, {"k", 8}, {"degree", 1e12}});
    CHECK_THAT(r["random_fraction"].get<double>(), WithinRel(5.0000048760350241e-1, 1e-10));
}

TEST_CASE("adversary command: alpha_A below alpha*, the random fraction, bad input", "[adversary_command]") {
    const Json r = runQuery("adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 8}, {"degree", 800}});
    CHECK_THAT(r["alpha_a"].get<double>(), WithinRel(0.2858, 5e-4));
    CHECK(r["alpha_a"].get<double>() <= r["alpha_star"].get<double>());
    CHECK_THAT(runQuery("adversary", {{"theta", 0.1}, {"tau", 0.12}, {"k", 8}, {"degree", 800}})["random_fraction"]
                   .get<double>(),
               WithinRel(0.03646, 5e-4));
    CHECK_THAT(errorOf("adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 2.5}}), Contains("--k"));
    CHECK_THAT(errorOf("adversary", {{"theta", 0.1}, {"tau", 0}, {"k", 8}}), Contains("--tau"));
}

TEST_CASE("stimulus command: seen bound and guarantee, bad input", "[stimulus_command]") {
    const Json r = runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e10}});
    CHECK_THAT(r["seen_fraction_bound"].get<double>(),
               WithinRel(stimulusCount(10000, 8, 4, 1e10).seen_fraction_bound, 1e-15));
    const Json both = runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e10}, {"theta", 0.02}});
    CHECK(both["guaranteed_fraction"].get<double>() == fracTuplesT2(0.02, 0.8, 8, 4));
    CHECK(both["unseen_competent_fraction_min"].get<double>() > 0.4);
    // k' above k: no piece shows such a set, however many pieces there are.
    const Json larger =
        runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 9}, {"ntrain", 1e25}, {"theta", 0.01}});
    CHECK(larger["seen_fraction_bound"] == 0.0);
    CHECK(larger["unseen_competent_fraction_min"] == larger["guaranteed_fraction"]);
    CHECK_THAT(errorOf("stimulus", {{"n1", 10}, {"k", 8}, {"kprime", 11}, {"ntrain", 1e10}}),
               Contains("--kprime") && Contains("--n1"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 5}, {"k", 8}, {"kprime", 2}, {"ntrain", 1e10}}), Contains("--n1"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 100}, {"k", 8}, {"kprime", 2}, {"ntrain", 1e10}, {"c", 0.5}}),
               Contains("--theta"));
}

TEST_CASE("bound command: markov_frac is Markov's figure for the k'-tuples, never above frac", "[bound_command]") {
    for (const char* tuples : {"t2", "t2exact", "t1", "p"}) {
        const Json out =
            runQuery("bound", {{"theta", 0.0561}, {"k", 8}, {"c", 0.5}, {"kprime", 4}, {"tuples", tuples}});
        INFO(tuples);
        CHECK(out["markov_frac"].get<double>() <= out["frac"].get<double>());
    }
    const Json p = runQuery("bound", {{"theta", 0.0561}, {"k", 8}, {"c", 0.5}, {"kprime", 4}, {"tuples", "p"}});
    CHECK_THAT(p["markov_frac"].get<double>(), WithinRel(std::pow(1 - 0.0561 / (1 - std::pow(0.5, 0.25)), 4), 1e-12));
}

TEST_CASE("stimulus command: --n takes the pieces and theta from the scaling law, --points sweeps N",
          "[stimulus_command]") {
    const Json at = runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"n", 1e13}});
    CHECK(at["notes"] == Json(modellingNotes(EmergenceModel{})));
    CHECK(at["ntrain"] == 2e12);  // D = 20 N tokens, 100 tokens a piece
    const Json scaling = runQuery("scaling", {{"n", 1e13}});
    CHECK(at["theta"] == scaling["theta"]);
    CHECK(at["seen_fraction_bound"] ==
          runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 2e12}})["seen_fraction_bound"]);
    CHECK(at["law"]["name"] == "hoffmann2022");
    const Json swept = runQuery(
        "stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"n", 1e13}, {"points", 5}, {"tokens-per-piece", 50}});
    REQUIRE(swept["sweep"].size() == 5);
    CHECK(swept["sweep"][0]["n"] == 1e9);
    CHECK(swept["sweep"][0]["ntrain"] == 20 * 1e9 / 50);
    CHECK_THAT(errorOf("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}}), Contains("one of --ntrain"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"n", 1e13}, {"theta", 0.1}}),
               Contains("--n and --theta"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e9}, {"points", 5}}),
               Contains("--points needs --n"));
    // Every flag of the law side is refused without --n, not ignored.
    const Json law_side[] = {
        {{"from", 1e10}},   {{"tokens-per-piece", 50}}, {{"theta-map", "pinsker"}}, {{"cmap", 2}},
        {{"entropy", 1.5}}, {{"exp-n", 0.3}},           {{"fit-points", "1,2,3"}},  {{"preset", "besiroglu2024"}}};
    for (const Json& flag : law_side) {
        Json args = {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e9}, {"theta", 0.05}};
        args.update(flag);
        CHECK_THAT(errorOf("stimulus", args), Contains("--" + flag.begin().key() + " needs --n"));
    }
}

TEST_CASE("bound command: t1 with k' above k says it has no blocks", "[bound_command]") {
    const Json level = runQuery("bound", {{"theta", 0.05}, {"k", 8}, {"c", 0.8}, {"kprime", 16}, {"tuples", "t1"}});
    CHECK(level["frac"] == 0.0);
    CHECK(level["markov_frac"] == 0.0);
    REQUIRE(level["notes"].size() == 1);
    CHECK_THAT(level["notes"][0].get<std::string>(), Contains("k' > k there is no block"));
    const Json curve = runQuery("bound", {{"theta", 0.05}, {"k", 8}, {"points", 4}, {"kprime", 16}, {"tuples", "t1"}});
    for (const auto& p : curve["curve"]) CHECK(p["frac"] == 0.0);
    CHECK(curve["notes"] == level["notes"]);
    // At k' = k there is one block a piece, and no note.
    CHECK_FALSE(
        runQuery("bound", {{"theta", 0.05}, {"k", 8}, {"c", 0.8}, {"kprime", 8}, {"tuples", "t1"}}).contains("notes"));
}
