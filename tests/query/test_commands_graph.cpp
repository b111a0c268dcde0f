// The sampled-graph commands: `simulate` (one graph, failed pieces, competence against the theorems)
// and `certify` (the spectral certificate of one sampled graph).
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using slingshot::testing::errorOf;

namespace {

Json small(Json extra = Json::object()) {
    Json a = {{"n1", 200}, {"n2", 20000}, {"k", 4}, {"theta", 0.1}, {"c", 0.7}, {"seed", 5}};
    for (auto it = extra.begin(); it != extra.end(); ++it) a[it.key()] = it.value();
    return a;
}

}  // namespace

TEST_CASE("simulate command: output fields, determinism and the theory bound", "[simulate_command]") {
    const Json r = runQuery("simulate", small());
    for (const char* key :
         {"n1", "n2", "k", "theta", "seed", "slots_hash", "mean_degree", "failed", "frac_below_c", "curve",
          "bound_frac_at_most_c", "bound_finite_frac_at_most_c", "measure_frac_at_most_c", "notes", "elapsed_ms"})
        CHECK(r.contains(key));
    CHECK(r["mean_degree"].get<double>() == Approx(4 * 20000 / 200.0));
    CHECK(r["failed"].get<uint64_t>() == 2000);
    CHECK(r["bound_frac_at_most_c"].get<double>() == Approx(1 - fracCompetent(0.1, 0.7, 4)));
    // The finite-size bound at this graph's own rho = N1 / N2 = 0.01.
    CHECK(r["rho"].get<double>() == 0.01);
    CHECK(r["bound_finite_frac_at_most_c"].get<double>() == Approx(1 - fracCompetent(0.1, 0.7, 4, 0.01)));
    CHECK(r["bound_finite_frac_at_most_c"].get<double>() > r["bound_frac_at_most_c"].get<double>());
    // Uniform mu1: the measure fraction is the count fraction, and nothing needs a note.
    CHECK(r["measure_frac_at_most_c"].get<double>() == Approx(r["frac_at_most_c"].get<double>()).epsilon(1e-12));
    CHECK_FALSE(r.contains("measure_curve"));
    CHECK(r["notes"].empty());
    CHECK(r["frac_below_c"].get<double>() <= r["frac_at_most_c"].get<double>());
    CHECK(r["curve"].size() == 101);
    CHECK(r["curve"][0]["frac"].get<double>() == 1.0);
    CHECK(r["slots_hash"].get<std::string>().size() == 18);
    CHECK(r["slots_hash"] == runQuery("simulate", small())["slots_hash"]);
    CHECK(r["slots_hash"] != runQuery("simulate", small({{"seed", 6}}))["slots_hash"]);
    // The failure mode does not touch the graph stream.
    CHECK(r["slots_hash"] == runQuery("simulate", small({{"failure", "independent"}}))["slots_hash"]);
}

TEST_CASE("simulate command: tuples object, adversary report, zipf measure", "[simulate_command]") {
    const Json t2 = runQuery("simulate", small({{"kprime", 2}}));
    REQUIRE(t2.contains("tuples"));
    CHECK(t2["tuples"]["reading"] == "t2");
    CHECK(t2["tuples"]["total_tuples"].get<double>() == 40000);
    CHECK(t2["tuples"]["bound_frac_at_most_c"].get<double>() == Approx(1 - fracTuplesT2(0.1, 0.7, 4, 2)));
    const Json s = runQuery("simulate", small({{"kprime", 3}, {"tuples", "s"}}));
    CHECK(s["tuples"]["bound_frac_at_most_c"].is_null());
    CHECK(s["tuples"]["edges"].get<uint64_t>() <= 4u * 20000);
    const Json adv = runQuery("simulate", small({{"failure", "adversarial"}}));
    CHECK(adv.contains("adversary"));
    CHECK(adv["frac_at_most_c"].get<double>() <= adv["bound_frac_at_most_c"].get<double>());
    const Json z = runQuery("simulate", small({{"measure", "zipf"}, {"zipf-s", 1.2}}));
    CHECK(z["measure"].get<std::string>().rfind("zipf:1.2", 0) == 0);
}

TEST_CASE("simulate command: under Zipf the bounds meet the measure of skills, not their count", "[simulate_command]") {
    // The adversary fails the rare skills: many by count, little by measure.
    const Json z = runQuery("simulate", {{"n1", 1000},
                                         {"n2", 100000},
                                         {"k", 8},
                                         {"theta", 0.1},
                                         {"c", 0.8},
                                         {"measure", "zipf"},
                                         {"failure", "adversarial"},
                                         {"seed", 1}});
    const double bound = z["bound_frac_at_most_c"].get<double>();
    CHECK(z["frac_at_most_c"].get<double>() > bound);           // a count, not what Thm 8 bounds
    CHECK(z["measure_frac_at_most_c"].get<double>() <= bound);  // what it bounds
    CHECK(z["measure_frac_below_c"].get<double>() <= z["measure_frac_at_most_c"].get<double>());
    REQUIRE(z["measure_curve"].size() == 101);
    CHECK(z["measure_curve"][0]["frac"].get<double>() == Approx(1.0));
    REQUIRE(z["notes"].size() == 2);
    CHECK_THAT(z["notes"][0].get<std::string>(), Contains("compare them with measure_frac_at_most_c"));
    CHECK_THAT(z["notes"][1].get<std::string>(), Contains("not a worst case for the measure"));
    const Json zr = runQuery("simulate", {{"n1", 100}, {"n2", 10000}, {"measure", "zipf"}, {"kprime", 2}});
    REQUIRE(zr["notes"].size() >= 2);
    CHECK_THAT(zr["notes"].dump(), Contains("product measure"));
    CHECK_FALSE(zr["notes"].dump().find("worst case") != std::string::npos);  // random failures
    // Many pairs without an edge are said so.
    const Json pairs = runQuery("simulate", {{"n1", 1000}, {"n2", 100000}, {"kprime", 2}});
    REQUIRE(pairs["notes"].size() == 1);
    CHECK_THAT(
        pairs["notes"][0].get<std::string>(),
        Contains(std::to_string(pairs["tuples"]["tuples_without_edges"].get<uint64_t>()) + " of 1000000 2-tuples"));
}

TEST_CASE("simulate command: runs without tuples or the adversary stream the graph and fit a smaller budget",
          "[simulate_command]") {
    const Json streamed = runQuery("simulate", small());
    CHECK(streamed["slots"] == "streamed");
    const Json kept = runQuery("simulate", small({{"failure", "adversarial"}}));
    CHECK(kept["slots"] == "kept");
    CHECK(runQuery("simulate", small({{"kprime", 2}}))["slots"] == "kept");
    // 1e6 pieces x 32 slots of 1e6 skills: 128 MB of slots kept; streamed, one block's flags, a
    // 16 kB chunk and per-skill counts (25 MB).
    const Json big = {{"n1", 1000000}, {"n2", 1000000}, {"k", 32}, {"budget", 3e7}, {"seed", 2}};
    const Json r = runQuery("simulate", big);
    CHECK(r["memory_estimate_bytes"].get<double>() < 3e7);
    CHECK(r["weighted_mean_failure"].get<double>() == Approx(0.1).margin(1e-15));
    Json adversarial = big;
    adversarial["failure"] = "adversarial";
    CHECK_THROWS_WITH(runQuery("simulate", adversarial), Catch::Contains("limit of about 30 MB"));
}

TEST_CASE("simulate command: bad input and memory refusal are QueryErrors with messages", "[simulate_command]") {
    CHECK_THROWS_AS(runQuery("simulate", small({{"n1", 0}})), QueryError);
    CHECK_THROWS_AS(runQuery("simulate", small({{"k", 33}})), QueryError);
    CHECK_THROWS_AS(runQuery("simulate", small({{"theta", 1.5}})), QueryError);
    CHECK_THROWS_AS(runQuery("simulate", small({{"failure", "worst"}})), QueryError);
    CHECK_THROWS_AS(runQuery("simulate", small({{"kprime", 4}})), QueryError);
    CHECK_THROWS_WITH(runQuery("simulate", small({{"kprime", 3}, {"tuples", "s"}, {"k", 2}})),
                      Catch::Contains("kprime <= k"));
    CHECK_THROWS_WITH(
        runQuery("simulate", small({{"n2", 100000000}, {"k", 32}, {"budget", 1e9}, {"failure", "adversarial"}})),
        Catch::Contains("above the memory limit of about 1000 MB"));
    // Streamed, a worker's per-skill counts and one block's flags must still fit.
    CHECK_THROWS_WITH(runQuery("simulate", small({{"n1", 1000000}, {"n2", 100000000}, {"k", 32}, {"budget", 2e7}})),
                      Catch::Contains("above the memory limit of about 20 MB"));
    const std::string text = queryText("simulate", R"({"n1": -3})");
    CHECK(text.find("error") != std::string::npos);
}

TEST_CASE("certify command: fields, the certificate against the adversary and the theory", "[certify_command]") {
    const Json args = {{"n1", 200}, {"n2", 20000}, {"k", 8}, {"theta", 0.05}, {"c", 0.5}, {"seed", 3}};
    const Json r = runQuery("certify", args);
    for (const char* key : {"sigma1", "sigma2", "sigma_centred", "sigma_centred_upper", "certified_frac_at_most_c",
                            "thm8_frac_at_most_c", "alpha_a", "adversary_frac_below_c", "adversary_frac_at_most_c",
                            "adversary_measure_frac_at_most_c", "lanczos", "slots_hash", "min_degree"})
        CHECK(r.contains(key));
    CHECK(r["certified_frac_at_most_c"].get<double>() >= r["adversary_frac_at_most_c"].get<double>());
    CHECK(r["certified_frac_at_most_c"].get<double>() < 1);
    CHECK(r["sigma_centred_upper"].get<double>() >= r["sigma_centred"].get<double>());
    CHECK(r["sigma2"].get<double>() <= r["sigma_centred"].get<double>() * (1 + 1e-9));
    CHECK(r["thm8_frac_at_most_c"].get<double>() == Approx(1 - fracCompetent(0.05, 0.5, 8)));
    CHECK(r["alpha_a"].get<double>() == Approx(greedyAdversaryAlpha(0.05, 0.5, 8)));
    // The same graph as `simulate` with the same seed.
    const Json sim = runQuery("simulate", {{"n1", 200}, {"n2", 20000}, {"k", 8}, {"seed", 3}});
    CHECK(sim["slots_hash"] == r["slots_hash"]);
    const Json random = runQuery("certify", {{"n1", 100}, {"n2", 5000}, {"adversary", "off"}});
    CHECK(random.contains("random_frac_below_c"));
    CHECK_FALSE(random.contains("adversary_frac_below_c"));
}

TEST_CASE("certify command: says which method bounded the norm, gram proved and slots probabilistic",
          "[certify_command]") {
    const Json args = {{"n1", 300}, {"n2", 30000},       {"k", 8}, {"theta", 0.05}, {"c", 0.5},
                       {"seed", 2}, {"adversary", "off"}};
    const Json gram = runQuery("certify", args);
    CHECK(gram["spectral_method"] == "gram");  // auto at N1 = 300
    CHECK(gram["start_failure_probability"] == 0.0);
    CHECK(gram["proof_attempts"].get<int>() >= 1);
    Json slots_args = args;
    slots_args["spectral"] = "slots";
    const Json slots = runQuery("certify", slots_args);
    CHECK(slots["spectral_method"] == "slots");
    CHECK(slots["start_failure_probability"] == 1e-6);
    CHECK_FALSE(slots.contains("proof_attempts"));
    // The proved bound lies between the slot method's Ritz estimate and its probabilistic bound.
    CHECK(gram["sigma_centred_upper"].get<double>() >= slots["sigma_centred"].get<double>());
    CHECK(gram["sigma_centred_upper"].get<double>() <= slots["sigma_centred_upper"].get<double>());
    CHECK(gram["slots_hash"] == slots["slots_hash"]);
    // --delta or --eps choose the slot method under auto, and are refused with gram.
    Json with_delta = args;
    with_delta["delta"] = 1e-3;
    CHECK(runQuery("certify", with_delta)["spectral_method"] == "slots");
    with_delta["spectral"] = "gram";
    CHECK_THAT(errorOf("certify", with_delta), Contains("--delta and --eps are for --spectral slots"));
}

TEST_CASE("certify command: bad input is a QueryError naming the flag", "[certify_command]") {
    CHECK(errorOf("certify", {{"n1", 1}}).find("--n1") != std::string::npos);
    CHECK(errorOf("certify", {{"delta", 0}}).find("--delta") != std::string::npos);
    CHECK(errorOf("certify", {{"theta", 2}}).find("--theta") != std::string::npos);
    CHECK(errorOf("certify", {{"n1", 1000000}, {"n2", 100000000}, {"budget", 1e9}}).find("budget") !=
          std::string::npos);
    const std::string text = queryText("certify", R"({"c": "abc"})");
    CHECK(text.find("error") != std::string::npos);
}

TEST_CASE("simulate and certify: a Zipf exponent without the Zipf measure is refused, not ignored",
          "[simulate_command]") {
    for (const char* command : {"simulate", "certify"}) {
        INFO(command);
        CHECK_THAT(errorOf(command, {{"n1", 100}, {"n2", 1000}, {"zipf-s", 1.5}}),
                   Contains("--zipf-s needs --measure zipf"));
        CHECK(runQuery(command, {{"n1", 100}, {"n2", 1000}, {"measure", "zipf"}, {"zipf-s", 1.5}})["measure"]
                  .get<std::string>()
                  .rfind("zipf:1.5", 0) == 0);
    }
    // The default exponent is not "given": the uniform measure runs as before.
    CHECK(runQuery("simulate", {{"n1", 100}, {"n2", 1000}})["measure"] == "uniform");
}

TEST_CASE("simulate --seeds: each seed as its own run, and their band", "[simulate_command][ensemble]") {
    Json args = small({{"kprime", 2}});
    args.erase("seed");
    args["seeds"] = "5..8";
    const Json e = runQuery("simulate", args);
    REQUIRE(e["per_seed"].size() == 4);
    CHECK(e["seeds"]["count"] == 4);
    double lo = 1, hi = 0;
    for (size_t i = 0; i < 4; ++i) {
        // Each seed's numbers are those of a single run with that seed.
        const Json one = runQuery("simulate", small({{"kprime", 2}, {"seed", 5 + int(i)}}));
        const Json& row = e["per_seed"][i];
        CHECK(row["seed"] == 5 + i);
        CHECK(row["slots_hash"] == one["slots_hash"]);
        CHECK(row["frac_at_most_c"] == one["frac_at_most_c"]);
        CHECK(row["tuples_frac_at_most_c"] == one["tuples"]["frac_at_most_c"]);
        lo = std::min(lo, row["frac_at_most_c"].get<double>());
        hi = std::max(hi, row["frac_at_most_c"].get<double>());
        // The curve band holds this seed's curve at every c.
        for (size_t j = 0; j < one["curve"].size(); ++j) {
            const double y = one["curve"][j]["frac"];
            CHECK(e["curve_band"][j]["min"].get<double>() <= y);
            CHECK(y <= e["curve_band"][j]["max"].get<double>());
            CHECK(e["curve_band"][j]["c"] == one["curve"][j]["c"]);
        }
    }
    const Json& band = e["summary"]["frac_at_most_c"];
    CHECK(band["min"] == lo);
    CHECK(band["max"] == hi);
    CHECK(band["lo"] == lo);  // 4 seeds: the central 90% is the whole range
    CHECK(band["hi"] == hi);
    CHECK(e["summary"].contains("tuples_frac_at_most_c"));
    CHECK(e["bound_frac_at_most_c"] == runQuery("simulate", small())["bound_frac_at_most_c"]);
}

TEST_CASE("simulate --seeds of one seed equals the single run", "[simulate_command][ensemble]") {
    Json args = small();
    args.erase("seed");
    args["seeds"] = "5";
    const Json e = runQuery("simulate", args);
    const Json one = runQuery("simulate", small());
    REQUIRE(e["per_seed"].size() == 1);
    CHECK(e["per_seed"][0]["slots_hash"] == one["slots_hash"]);
    for (const char* field : {"min", "lo", "median", "hi", "max", "mean"})
        CHECK(e["summary"]["frac_at_most_c"][field] == one["frac_at_most_c"]);
}

TEST_CASE("simulate --seeds refuses a bad range and --seed beside it", "[simulate_command][ensemble]") {
    Json args = small();
    args.erase("seed");
    args["seeds"] = "8..1";
    CHECK_THAT(errorOf("simulate", args), Contains("--seeds") && Contains("below the first"));
    args["seeds"] = "one";
    CHECK_THAT(errorOf("simulate", args), Contains("A..B"));
    CHECK_THAT(errorOf("simulate", small({{"seeds", "1..4"}})), Contains("exclusive"));
}
