#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "query/query.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace slingshot;

namespace {

std::string errorOf(const std::string& command, const Json& args) {
    try {
        runQuery(command, args);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "accepted";
}

std::string hoffmannPoints(int n_side) {
    std::string text = "N,D,L\n";
    for (int i = 0; i < n_side; ++i)
        for (int j = 0; j < n_side; ++j) {
            const double n = std::pow(10.0, 7 + 3.0 * i / (n_side - 1)), d = std::pow(10.0, 9 + 3.0 * j / (n_side - 1));
            text += std::to_string(n) + "," + std::to_string(d) + "," + std::to_string(1.69 + 406.4 / std::pow(n, 0.34) + 410.7 / std::pow(d, 0.28)) + "\n";
        }
    return text;
}

}  // namespace

TEST_CASE("certify: fields, the certificate against the adversary and the theory", "[commands_beyond]") {
    const Json args = {{"n1", 200}, {"n2", 20000}, {"k", 8}, {"theta", 0.05}, {"c", 0.5}, {"seed", 3}};
    const Json r = runQuery("certify", args);
    for (const char* key : {"sigma1", "sigma2", "sigma_centred", "sigma_centred_upper", "certified_frac_below_c",
                            "thm8_frac_below_c", "alpha_a", "adversary_frac_below_c", "adversary_frac_at_most_c",
                            "lanczos", "slots_hash", "min_degree"})
        CHECK(r.contains(key));
    CHECK(r["certified_frac_below_c"].get<double>() >= r["adversary_frac_at_most_c"].get<double>());
    CHECK(r["certified_frac_below_c"].get<double>() < 1);
    CHECK(r["sigma_centred_upper"].get<double>() >= r["sigma_centred"].get<double>());
    CHECK(r["sigma2"].get<double>() <= r["sigma_centred"].get<double>() * (1 + 1e-9));
    CHECK(r["thm8_frac_below_c"].get<double>() == Approx(1 - fracCompetent(0.05, 0.5, 8)));
    CHECK(r["alpha_a"].get<double>() == Approx(greedyAdversaryAlpha(0.05, 0.5, 8)));
    // The same graph as `simulate` with the same seed.
    const Json sim = runQuery("simulate", {{"n1", 200}, {"n2", 20000}, {"k", 8}, {"seed", 3}});
    CHECK(sim["slots_hash"] == r["slots_hash"]);
    const Json random = runQuery("certify", {{"n1", 100}, {"n2", 5000}, {"adversary", "off"}});
    CHECK(random.contains("random_frac_below_c"));
    CHECK_FALSE(random.contains("adversary_frac_below_c"));
}

TEST_CASE("certify: bad input is a QueryError naming the flag", "[commands_beyond]") {
    CHECK(errorOf("certify", {{"n1", 1}}).find("--n1") != std::string::npos);
    CHECK(errorOf("certify", {{"delta", 0}}).find("--delta") != std::string::npos);
    CHECK(errorOf("certify", {{"theta", 2}}).find("--theta") != std::string::npos);
    CHECK(errorOf("certify", {{"n1", 1000000}, {"n2", 100000000}, {"budget", 1e9}}).find("budget") != std::string::npos);
    const std::string text = queryText("certify", R"({"c": "abc"})");
    CHECK(text.find("error") != std::string::npos);
}

TEST_CASE("fit: points and csv, errors and the Text kind", "[commands_beyond]") {
    const Json r = runQuery("fit", {{"csv", hoffmannPoints(6)}});
    CHECK(r["law"] == "fit");
    CHECK(r["E"].get<double>() == Approx(1.69).epsilon(1e-3));
    CHECK(r["a"].get<double>() == Approx(0.34).epsilon(1e-3));
    CHECK(r["b"].get<double>() == Approx(0.28).epsilon(1e-3));
    CHECK(r["n_points"] == 36);
    CHECK(r["usable_as_preset"] == true);
    for (const char* key : {"E", "A", "B", "a", "b"}) CHECK(r["se"].contains(key));
    for (const char* key : {"huber_loss", "iterations", "rms_log_residual", "lm_runs"}) CHECK(r.contains(key));

    std::string semis = hoffmannPoints(3).substr(6);  // drop the header
    for (char& ch : semis)
        if (ch == '\n') ch = ';';
    const Json p = runQuery("fit", {{"points", semis}});
    CHECK(p["n_points"] == 9);

    CHECK(errorOf("fit", Json::object()).find("exactly one") != std::string::npos);
    CHECK(errorOf("fit", {{"points", semis}, {"csv", semis}}).find("exactly one") != std::string::npos);
    CHECK(errorOf("fit", {{"points", "1,2,3;4,5,6"}}).find("at least 6") != std::string::npos);
    CHECK(errorOf("fit", {{"csv", "1,2,3\n4,x,6"}}) == "--csv: line 2: 'x' is not a number (D)");
    CHECK(errorOf("fit", {{"csv", 5}}).find("is not text") != std::string::npos);
    CHECK(errorOf("fit", {{"csv", std::string(100001, '1')}}).find("too long") != std::string::npos);
    const CommandSpec* fit = registry().find("fit");
    REQUIRE(fit);
    CHECK(fit->params[0].rangeText() == "text of at most 100000 characters");
}

TEST_CASE("preset fit: emergence and scaling use the law fitted to the fit-points flag", "[commands_beyond]") {
    // Points on Hoffmann et al.'s law: the fitted law gives Hoffmann's thresholds (the fit recovers
    // its constants to about 1e-3, so the thresholds agree to a few per cent).
    const std::string points = hoffmannPoints(6);
    const Json fit = runQuery("emergence", {{"preset", "fit"}, {"fit-points", points}});
    const Json hoffmann = runQuery("emergence", {{"preset", "hoffmann2022"}});
    CHECK(fit["preset"] == "fit");
    REQUIRE(fit["thresholds"].size() == hoffmann["thresholds"].size());
    for (size_t i = 0; i < fit["thresholds"].size(); ++i)
        CHECK(fit["thresholds"][i]["n"].get<double>() == Approx(hoffmann["thresholds"][i]["n"].get<double>()).epsilon(0.05));

    // A different law moves the thresholds: E and the data term kept, the parameter term 4x larger.
    std::string shifted = "N,D,L\n";
    for (int i = 0; i < 6; ++i)
        for (int j = 0; j < 6; ++j) {
            const double n = std::pow(10.0, 7 + 0.6 * i), d = std::pow(10.0, 9 + 0.6 * j);
            shifted += std::to_string(n) + "," + std::to_string(d) + "," +
                       std::to_string(1.69 + 4 * 406.4 / std::pow(n, 0.34) + 410.7 / std::pow(d, 0.28)) + "\n";
        }
    const Json moved = runQuery("emergence", {{"preset", "fit"}, {"fit-points", shifted}});
    CHECK(moved["thresholds"][0]["n"].get<double>() > 2 * hoffmann["thresholds"][0]["n"].get<double>());

    // The scaling command reports the fitted constants' loss at N, D.
    const Json s = runQuery("scaling", {{"preset", "fit"}, {"fit-points", points}, {"n", 7e10}});
    const Json h = runQuery("scaling", {{"preset", "hoffmann2022"}, {"n", 7e10}});
    CHECK(s["loss"].get<double>() == Approx(h["loss"].get<double>()).epsilon(1e-3));

    CHECK(errorOf("emergence", {{"preset", "fit"}}) == "--preset fit needs your points in --fit-points");
    CHECK(errorOf("emergence", {{"fit-points", points}}) == "--fit-points needs --preset fit");
    CHECK(errorOf("emergence", {{"preset", "fit"}, {"fit-points", "1,2,3"}}).find("--fit-points: ") == 0);
    CHECK(errorOf("emergence", {{"preset", "fit"}, {"fit-points", "1,2,3"}}).find("at least 6") != std::string::npos);
}
