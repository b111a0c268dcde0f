// The scaling-law commands: `scaling` (loss, excess and theta at N, D or compute) and `fit` (a law
// fitted to pasted points), and the fitted law as the `fit` preset of scaling and emergence.
#include "core/theory/scaling_law.h"
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;
using slingshot::testing::errorOf;

namespace {

std::string hoffmannPoints(int n_side) {
    std::string text = "N,D,L\n";
    for (int i = 0; i < n_side; ++i)
        for (int j = 0; j < n_side; ++j) {
            const double n = std::pow(10.0, 7 + 3.0 * i / (n_side - 1)), d = std::pow(10.0, 9 + 3.0 * j / (n_side - 1));
            text += std::to_string(n) + "," + std::to_string(d) + "," +
                    std::to_string(1.69 + 406.4 / std::pow(n, 0.34) + 410.7 / std::pow(d, 0.28)) + "\n";
        }
    return text;
}

}  // namespace

TEST_CASE("scaling command: loss, excess and theta at N and D, compute, maps and presets, bad input",
          "[scaling_command]") {
    const Json r = runQuery("scaling", {{"n", 70e9}, {"d", 1.4e12}});
    for (const char* key : {"n", "d", "loss", "excess", "theta"}) CHECK(r.contains(key));
    CHECK_THAT(r["loss"].get<double>(), WithinRel(1.937, 5e-4));
    CHECK_THAT(r["excess"].get<double>(), WithinRel(0.2466, 5e-4));
    CHECK(r["theta"].get<double>() == r["excess"].get<double>());
    const Json ratio = runQuery("scaling", {{"n", "1e10"}});  // D = 20 N by default; strings parse
    CHECK(ratio["d"].get<double>() == 2e11);
    CHECK_THAT(ratio["loss"].get<double>(), WithinRel(2.133, 5e-4));
    const Json opt = runQuery("scaling", {{"compute", 1e23}});
    CHECK_THAT(opt["n"].get<double>(), WithinRel(1.460e10, 5e-4));
    CHECK_THAT(opt["d"].get<double>(), WithinRel(1.142e12, 5e-4));
    const Json pinsker = runQuery("scaling", {{"n", 1e12}, {"theta-map", "pinsker"}});
    CHECK(pinsker["c_map"].is_null());
    CHECK_THAT(pinsker["theta"].get<double>(), WithinRel(std::sqrt(2 * 0.1112912), 1e-5));
    const Json besi = runQuery("scaling", {{"n", 1e10}, {"preset", "besiroglu2024"}, {"cmap", 2}});
    CHECK(besi["preset"] == "besiroglu2024");
    CHECK_THAT(besi["theta"].get<double>(), WithinRel(2 * besi["excess"].get<double>(), 1e-15));
    const Json custom = runQuery("scaling", {{"n", 1e10}, {"entropy", 1.61}});
    CHECK_THAT(custom["loss"].get<double>() - custom["excess"].get<double>(), WithinRel(1.61, 1e-12));
    CHECK(runQuery("scaling", {{"n", 100}})["theta_clipped"] == true);

    CHECK_THAT(errorOf("scaling", {{"n", 1e10}, {"d", 1e11}, {"ratio", 20}}), Contains("--d") && Contains("--ratio"));
    CHECK_THAT(errorOf("scaling", {{"n", 1e10}, {"cmap", 2}, {"theta-map", "pinsker"}}),
               Contains("--cmap") && Contains("--theta-map"));
    CHECK_THAT(errorOf("scaling", {{"n", 0}}), Contains("--n"));
    CHECK_THAT(errorOf("scaling", {{"n", -5}}), Contains("--n"));
    CHECK_THAT(errorOf("scaling", Json::object()), Contains("--n"));
    CHECK_THAT(errorOf("scaling", {{"n", 1e10}, {"preset", "kaplan"}}), Contains("--preset"));
}

TEST_CASE("fit command: points and csv, errors and the Text kind", "[fit_command]") {
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

TEST_CASE("fit preset: emergence and scaling use the law fitted to the fit-points flag", "[fit_command]") {
    // Points on Hoffmann et al.'s law: the fitted law gives Hoffmann's thresholds (the fit recovers
    // its constants to about 1e-3, so the thresholds agree to a few per cent).
    const std::string points = hoffmannPoints(6);
    const Json fit = runQuery("emergence", {{"preset", "fit"}, {"fit-points", points}});
    const Json hoffmann = runQuery("emergence", {{"preset", "hoffmann2022"}});
    CHECK(fit["preset"] == "fit");
    REQUIRE(fit["thresholds"].size() == hoffmann["thresholds"].size());
    for (size_t i = 0; i < fit["thresholds"].size(); ++i)
        CHECK(fit["thresholds"][i]["n"].get<double>() ==
              Approx(hoffmann["thresholds"][i]["n"].get<double>()).epsilon(0.05));

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

TEST_CASE("d-rule: ratio is D = r N (r = 20 unless given), optimal is the compute-optimal D", "[scaling_command]") {
    const Json plain = runQuery("scaling", {{"n", 1e9}});
    const Json ratio = runQuery("scaling", {{"n", 1e9}, {"d-rule", "ratio"}});
    CHECK(ratio["d"] == plain["d"]);
    CHECK(ratio["d"].get<double>() == 2e10);
    CHECK(runQuery("scaling", {{"n", 1e9}, {"d-rule", "ratio"}, {"ratio", 5}})["d"].get<double>() == 5e9);
    const Json optimal = runQuery("scaling", {{"n", 1e9}, {"d-rule", "optimal"}});
    // At the compute-optimal D for this N, N is the optimal split of its own compute 6 N D.
    CHECK_THAT(optimal["optimal_n"].get<double>(), WithinRel(1e9, 1e-6));
    CHECK_THAT(errorOf("scaling", {{"n", 1e9}, {"d-rule", "optimal"}, {"ratio", 5}}), Contains("--d-rule and --ratio"));
    CHECK_THAT(errorOf("scaling", {{"n", 1e9}, {"d-rule", "ratio"}, {"d", 1e10}}), Contains("--d-rule and --d"));
    CHECK_THAT(errorOf("emergence", {{"d-rule", "optimal"}, {"ratio", 5}}), Contains("--d-rule and --ratio"));
    CHECK_THAT(errorOf("scaling", {{"n", 1e9}, {"d-rule", "chinchilla"}}), Contains("one of ratio|optimal"));
    // The emergence sweep with d-rule ratio is the default sweep.
    Json ratio_sweep = runQuery("emergence", {{"points", 5}, {"d-rule", "ratio"}});
    Json plain_sweep = runQuery("emergence", {{"points", 5}});
    CHECK(ratio_sweep["provenance"]["inputs"]["d-rule"] == "ratio");  // the inputs differ, the answers do not
    ratio_sweep.erase("provenance");
    plain_sweep.erase("provenance");
    CHECK(ratio_sweep == plain_sweep);
}

TEST_CASE("scaling command: a law without a data term has no optimal split, and needs none", "[scaling_command]") {
    // A loss at N and D needs no split: answered, with the split null (it was refused).
    const Json out = runQuery("scaling", {{"n", 1e12}, {"d", 1e13}, {"coef-d", 0}});
    CHECK(out["optimal_n"].is_null());
    CHECK(out["optimal_d"].is_null());
    const ScalingLaw h = hoffmann2022();
    CHECK_THAT(out["loss"].get<double>(), WithinRel(h.E + h.A / std::pow(1e12, h.a), 1e-12));
    CHECK_THAT(errorOf("scaling", {{"compute", 1e23}, {"coef-d", 0}}),
               Contains("compute-optimal split needs A, B > 0"));
}

TEST_CASE("scaling command: a cloze error bound of 1 or more is flagged as saying nothing", "[scaling_command]") {
    const Json tiny = runQuery("scaling", {{"n", 1}, {"d", 20}});
    CHECK(tiny["cloze_error_bound"].get<double>() > 1);
    CHECK(tiny["cloze_error_bound_vacuous"] == true);
    const Json large = runQuery("scaling", {{"n", 1e12}, {"d", 2e13}});
    CHECK(large["cloze_error_bound"].get<double>() < 1);
    CHECK(large["cloze_error_bound_vacuous"] == false);
}
