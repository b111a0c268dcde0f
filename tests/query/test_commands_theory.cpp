#include <catch2/catch.hpp>

#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"
#include "query/query.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

namespace {

// The message of the QueryError a query raises (empty if it does not raise one).
std::string errorOf(const std::string& command, const Json& args) {
    try {
        runQuery(command, args);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("commands: scaling", "[commands]") {
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

TEST_CASE("commands: bound", "[commands]") {
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

TEST_CASE("commands: the adversary's random-Y tail is accurate at degree 1e12", "[commands]") {
    // m = 1e11 failed edges of 1e12 (the mean): the 50-digit reference of tests/core/test_binomial.cpp.
    const Json r = runQuery("adversary", {{"theta", 0.1}, {"tau", 0.1}, {"k", 8}, {"degree", 1e12}});
    CHECK_THAT(r["random_fraction"].get<double>(), WithinRel(5.0000048760350241e-1, 1e-10));
}

TEST_CASE("commands: messages quote bad input whole, control characters escaped", "[commands]") {
    CHECK(errorOf("bound", {{"theta", std::string("0.1\0", 4)}}) == "--theta: '0.1\\x00' is not a number; allowed: [0, 1]");
    CHECK(errorOf("bound", {{"theta\n", 1}}).rfind("bound: unknown parameter 'theta\\n'; known: --", 0) == 0);
    CHECK(errorOf("b\x01", Json::object()).rfind("unknown command 'b\\x01'; known: ", 0) == 0);
    const Json answer = Json::parse(queryText("bound", R"({"theta": "0.1\u0000"})"));
    CHECK(answer["error"] == "--theta: '0.1\\x00' is not a number; allowed: [0, 1]");
}

TEST_CASE("commands: adversary", "[commands]") {
    const Json r = runQuery("adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 8}, {"degree", 800}});
    CHECK_THAT(r["alpha_a"].get<double>(), WithinRel(0.2858, 5e-4));
    CHECK(r["alpha_a"].get<double>() <= r["alpha_star"].get<double>());
    CHECK_THAT(runQuery("adversary", {{"theta", 0.1}, {"tau", 0.12}, {"k", 8}, {"degree", 800}})["random_fraction"]
                   .get<double>(),
               WithinRel(0.03646, 5e-4));
    CHECK_THAT(errorOf("adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 2.5}}), Contains("--k"));
    CHECK_THAT(errorOf("adversary", {{"theta", 0.1}, {"tau", 0}, {"k", 8}}), Contains("--tau"));
}

TEST_CASE("commands: emergence", "[commands]") {
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

    const Json z = runQuery("emergence", {{"kprime", "1"}, {"points", 2}, {"zipf", 1.0}, {"n1", 10000}, {"rank", "1,10,100"}});
    REQUIRE(z["zipf"].size() == 3);
    CHECK(z["zipf"][0]["n"].get<double>() < z["zipf"][2]["n"].get<double>());
    const Json unreachable = runQuery("emergence", {{"kprime", "1"}, {"points", 2}, {"exp-n", 0.01}, {"exp-d", 0.01}});
    CHECK(unreachable["thresholds"][0]["n"].is_null());

    CHECK_THAT(errorOf("emergence", {{"from", 1e12}, {"to", 1e9}}), Contains("--from") && Contains("--to"));
    CHECK_THAT(errorOf("emergence", {{"kprime", "1,0"}}), Contains("--kprime"));
    CHECK_THAT(errorOf("emergence", {{"ratio", 20}, {"d-rule", "optimal"}}), Contains("--ratio") && Contains("--d-rule"));
    CHECK_THAT(errorOf("emergence", {{"zipf", 1.0}}), Contains("--n1"));
    CHECK_THAT(errorOf("emergence", {{"zipf", 1.0}, {"n1", 10}, {"rank", "11"}}), Contains("--rank"));
    CHECK_THAT(errorOf("emergence", {{"target", 1}}), Contains("--target"));
}

TEST_CASE("commands: stimulus", "[commands]") {
    const Json r = runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e10}});
    CHECK_THAT(r["seen_fraction_bound"].get<double>(), WithinRel(stimulusCount(10000, 8, 4, 1e10).seen_fraction_bound, 1e-15));
    const Json both = runQuery("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e10}, {"theta", 0.02}});
    CHECK(both["guaranteed_fraction"].get<double>() == fracTuplesT2(0.02, 0.8, 8, 4));
    CHECK(both["unseen_competent_fraction_min"].get<double>() > 0.4);
    CHECK_THAT(errorOf("stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 9}, {"ntrain", 1e10}}),
               Contains("--kprime") && Contains("--k"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 5}, {"k", 8}, {"kprime", 2}, {"ntrain", 1e10}}), Contains("--n1"));
    CHECK_THAT(errorOf("stimulus", {{"n1", 100}, {"k", 8}, {"kprime", 2}, {"ntrain", 1e10}, {"c", 0.5}}),
               Contains("--theta"));
}

#ifdef SLINGSHOT_CLI_PATH
namespace {

struct CliRun {
    int status;
    std::string out;
};

// Runs slingshot-cli with `args`; stderr is discarded, stdout captured.
CliRun runCli(const std::string& args) {
    const std::string cmd = std::string("\"") + SLINGSHOT_CLI_PATH + "\" " + args + " 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
    const int raw = pclose(pipe.release());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

}  // namespace

TEST_CASE("commands: slingshot-cli front door", "[commands][cli]") {
    const CliRun ok = runCli("bound --theta 0.1 --k 8 --c 0.8");
    REQUIRE(ok.status == 0);
    const Json r = Json::parse(ok.out);
    CHECK(r["frac"].get<double>() == fracCompetent(0.1, 0.8, 8));
    CHECK(runCli("bound --theta 2 --k 8 --c 0.8").status == 2);
    CHECK(runCli("bound --theta 0.1 --k 8 --c 0.8 --points 5").status == 2);
    CHECK(runCli("scaling --n -1").status == 2);
    const CliRun csv = runCli("emergence --points 3 --kprime 1,2 --format csv");
    REQUIRE(csv.status == 0);
    CHECK_THAT(csv.out, Contains("kprime") && Contains("frac"));
    const CliRun stim = runCli("stimulus --n1 10000 --k 8 --kprime 4 --ntrain 1e10");
    REQUIRE(stim.status == 0);
    CHECK(Json::parse(stim.out).contains("seen_fraction_bound"));
}
#endif
