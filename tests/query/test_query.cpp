// The dispatcher (src/query/query.cpp): each parameter kind validated and normalised, defaults and
// required parameters, unknown commands and parameters named with what is known, and queryText's
// contract (one JSON object, never an exception).
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <limits>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using slingshot::testing::errorOf;

namespace {

// The message validateParam gives for `value` (empty if it is accepted).
std::string refusal(const ParamSpec& spec, const Json& value) {
    try {
        validateParam(spec, value);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("query: a Number is finite, within its bounds, open ends excluded, numeric text is read", "[query]") {
    const ParamSpec p = Param("x", "a fraction").range(0, 1).openMin();
    CHECK(p.rangeText() == "(0, 1]");
    CHECK(validateParam(p, 0.5) == Json(0.5));
    CHECK(validateParam(p, "0.25") == Json(0.25));  // text becomes a number
    CHECK(validateParam(p, "1e0") == Json(1.0));
    CHECK(validateParam(p, 1) == Json(1.0));  // the closed end is allowed
    CHECK(refusal(p, 0) == "--x: '0' is out of range; allowed: (0, 1]");
    CHECK(refusal(p, 1.0000001) == "--x: '1.0000001' is out of range; allowed: (0, 1]");
    CHECK(refusal(p, "abc") == "--x: 'abc' is not a number; allowed: (0, 1]");
    CHECK(refusal(p, " 0.5") == "--x: ' 0.5' is not a number; allowed: (0, 1]");
    CHECK(refusal(p, "0.5x") == "--x: '0.5x' is not a number; allowed: (0, 1]");
    CHECK(refusal(p, "") == "--x: '' is not a number; allowed: (0, 1]");
    CHECK(refusal(p, "inf") == "--x: 'inf' is not finite; allowed: (0, 1]");
    CHECK(refusal(p, "nan") == "--x: 'nan' is not finite; allowed: (0, 1]");
    CHECK(refusal(p, true) == "--x: 'true' is not a number; allowed: (0, 1]");
    CHECK(refusal(p, Json::array({1})) == "--x: '[1]' is not a number; allowed: (0, 1]");
    const ParamSpec open = Param("y", "").range(-2, 3).openMax();
    CHECK(open.rangeText() == "[-2, 3)");
    CHECK(validateParam(open, -2) == Json(-2.0));
    CHECK_THAT(refusal(open, 3), Contains("out of range"));
    const ParamSpec unbounded = Param("z", "");
    CHECK(unbounded.rangeText() == "[-inf, inf]");
    CHECK(validateParam(unbounded, -1e300) == Json(-1e300));
}

TEST_CASE("query: an Integer is a whole number in range, returned as an integer", "[query]") {
    const ParamSpec p = Param("n", "a count", ParamKind::Integer).range(1, 10);
    CHECK(p.rangeText() == "whole number in [1, 10]");
    const Json v = validateParam(p, "7");
    CHECK(v.is_number_integer());
    CHECK(v.get<long long>() == 7);
    CHECK(validateParam(p, 1e1).get<long long>() == 10);  // a whole double is accepted
    CHECK(refusal(p, 2.5) == "--n: '2.5' is not a whole number; allowed: whole number in [1, 10]");
    CHECK(refusal(p, 0) == "--n: '0' is out of range; allowed: whole number in [1, 10]");
    CHECK(refusal(p, 11) == "--n: '11' is out of range; allowed: whole number in [1, 10]");
    CHECK(refusal(p, "x") == "--n: 'x' is not a number; allowed: whole number in [1, 10]");
}

TEST_CASE("query: an Integer above 2^53 is refused, not rounded to its neighbour", "[query]") {
    const ParamSpec seed = Param("seed", "a seed", ParamKind::Integer).range(0, 9007199254740992.0);
    CHECK(validateParam(seed, "9007199254740992").get<long long>() == 9007199254740992LL);
    CHECK(validateParam(seed, Json(9007199254740992ULL)).get<long long>() == 9007199254740992LL);
    const std::string why = "is above 2^53, where a double cannot hold every whole number";
    CHECK(refusal(seed, "9007199254740993") ==
          "--seed: '9007199254740993' " + why + "; allowed: whole number in [0, 9.007199255e+15]");
    CHECK_THAT(refusal(seed, Json(9007199254740993ULL)), Contains(why));
    CHECK_THAT(refusal(seed, "+009007199254740993"), Contains(why));
    // Out of range stays out of range, however it is written.
    CHECK_THAT(refusal(seed, "1e16"), Contains("is out of range"));
    CHECK_THAT(refusal(seed, "10000000000000000"), Contains("is out of range"));
    const ParamSpec wide = Param("m", "a signed count", ParamKind::Integer).range(-1e17, 1e17);
    CHECK_THAT(refusal(wide, Json(-9007199254740993LL)), Contains(why));
    CHECK(validateParam(wide, "-9007199254740992").get<long long>() == -9007199254740992LL);
}

TEST_CASE("query: a Choice is one of its names, as text", "[query]") {
    const ParamSpec p = Param("mode", "", ParamKind::Choice).choices({"random", "adversarial"});
    CHECK(p.rangeText() == "one of random|adversarial");
    CHECK(validateParam(p, "adversarial") == Json("adversarial"));
    CHECK(refusal(p, "Random") == "--mode: 'Random' is not a known choice; allowed: one of random|adversarial");
    CHECK(refusal(p, 1) == "--mode: '1' is not text; allowed: one of random|adversarial");
    CHECK(refusal(p, "") == "--mode: '' is not a known choice; allowed: one of random|adversarial");
}

TEST_CASE("query: an IntList takes comma text, an array or one number, each item checked, length limited", "[query]") {
    ParamSpec p = Param("ks", "", ParamKind::IntList).range(1, 64);
    p.max_list = 3;
    CHECK(p.rangeText() == "comma-separated whole numbers in [1, 64]");
    CHECK(validateParam(p, "1,2,4") == Json::array({1, 2, 4}));
    CHECK(validateParam(p, Json::array({8, "16"})) == Json::array({8, 16}));
    CHECK(validateParam(p, 5) == Json::array({5}));
    CHECK(refusal(p, "1,2,4,8") ==
          "--ks: '1,2,4,8' must hold 1 to 3 values; allowed: comma-separated whole numbers in [1, 64]");
    CHECK(refusal(p, Json::array()) ==
          "--ks: '[]' must hold 1 to 3 values; allowed: comma-separated whole numbers in [1, 64]");
    // The item is named, not the whole list.
    CHECK(refusal(p, "1,65") == "--ks: '65' is out of range; allowed: comma-separated whole numbers in [1, 64]");
    CHECK(refusal(p, "1,,2") == "--ks: '' is not a number; allowed: comma-separated whole numbers in [1, 64]");
    CHECK(refusal(p, "1,2.5") ==
          "--ks: '2.5' is not a whole number; allowed: comma-separated whole numbers in [1, 64]");
    CHECK(refusal(p, Json::object()) == "--ks: '{}' is not a list; allowed: comma-separated whole numbers in [1, 64]");
}

TEST_CASE("query: Text is a string of at most max_chars bytes", "[query]") {
    ParamSpec p = Param("csv", "", ParamKind::Text);
    p.max_chars = 5;
    CHECK(p.rangeText() == "text of at most 5 characters");
    CHECK(validateParam(p, "1,2,3") == Json("1,2,3"));
    CHECK(validateParam(p, "") == Json(""));
    CHECK(refusal(p, "1,2,34") == "--csv: '1,2,34' is too long; allowed: text of at most 5 characters");
    CHECK(refusal(p, 12) == "--csv: '12' is not text; allowed: text of at most 5 characters");
}

TEST_CASE("query: defaults fill absent parameters, null means absent, required ones are named", "[query]") {
    // bound: theta and k required, kprime defaults to 1 (the single-skill bound), tuples to t2.
    const Json given = runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}, {"kprime", 1}});
    const Json defaulted = runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}});
    CHECK(given == defaulted);
    CHECK(runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}, {"kprime", nullptr}}) == defaulted);
    CHECK(errorOf("bound", {{"k", 8}, {"c", 0.8}}) ==
          "--theta is required (failure measure theta of text pieces); allowed: [0, 1]");
    CHECK(errorOf("bound", {{"theta", nullptr}, {"k", 8}, {"c", 0.8}}) ==
          "--theta is required (failure measure theta of text pieces); allowed: [0, 1]");
    CHECK_THAT(errorOf("stimulus", {{"n1", 100}, {"k", 8}, {"ntrain", 1e9}}), StartsWith("--kprime is required"));
}

TEST_CASE("query: unknown commands and parameters are named with the known ones", "[query]") {
    CHECK(errorOf("bounds", Json::object()) ==
          "unknown command 'bounds'; known: scaling|bound|adversary|emergence|stimulus|simulate|certify|fit");
    const std::string unknown = errorOf("adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 8}, {"c", 0.5}});
    CHECK_THAT(unknown, StartsWith("adversary: unknown parameter 'c'; known: --theta, --tau, --k"));
    CHECK(errorOf("bound", Json::array({1, 2})) == "arguments must be a JSON object of flag names to values");
    // Every registered command is found by its name, and its parameter declarations by commandParam.
    for (const CommandSpec& c : registry().commands()) {
        CHECK(registry().find(c.name) == &c);
        for (const ParamSpec& p : c.params) CHECK(&commandParam(c.name, p.name) == &p);
    }
    CHECK(registry().find("nothing") == nullptr);
    CHECK_THROWS_AS(commandParam("bound", "nothing"), std::logic_error);
    CHECK_THROWS_AS(commandParam("nothing", "theta"), std::logic_error);
}

TEST_CASE("query: messages quote bad input whole, control characters escaped", "[query]") {
    CHECK(errorOf("bound", {{"theta", std::string("0.1\0", 4)}}) ==
          "--theta: '0.1\\x00' is not a number; allowed: [0, 1]");
    CHECK(errorOf("bound", {{"theta\n", 1}}).rfind("bound: unknown parameter 'theta\\n'; known: --", 0) == 0);
    CHECK(errorOf("b\x01", Json::object()).rfind("unknown command 'b\\x01'; known: ", 0) == 0);
    const Json answer = Json::parse(queryText("bound", R"({"theta": "0.1\u0000"})"));
    CHECK(answer["error"] == "--theta: '0.1\\x00' is not a number; allowed: [0, 1]");
}

TEST_CASE("query: queryText answers one JSON object and never throws", "[query]") {
    auto answer = [](const std::string& command, const std::string& args) {
        std::string text;
        REQUIRE_NOTHROW(text = queryText(command, args));
        const Json j = Json::parse(text, nullptr, false);
        REQUIRE(j.is_object());
        return j;
    };
    // An answer is runQuery's, as text.
    const Json ok = answer("bound", R"({"theta": 0.1, "k": 8, "c": 0.8})");
    CHECK(ok == runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}}));
    CHECK_FALSE(ok.contains("error"));
    // Empty arguments are an empty object.
    CHECK(answer("emergence", "").contains("curves"));
    CHECK(answer("bound", "{\"theta\": 0.1,") == Json{{"error", "arguments are not valid JSON"}});
    CHECK(answer("bound", "[1]") == Json{{"error", "arguments must be a JSON object of flag names to values"}});
    CHECK(answer("nothing", "{}")["error"].get<std::string>().rfind("unknown command 'nothing'", 0) == 0);
    CHECK(answer("bound", R"({"theta": 2, "k": 8, "c": 0.5})")["error"] ==
          "--theta: '2' is out of range; allowed: [0, 1]");
    // An engine refusal (memory) is a message too.
    CHECK_THAT(answer("simulate",
                      R"({"n1": 1000000, "n2": 100000000, "k": 32, "budget": 1e8, "failure": "adversarial"})")["error"]
                   .get<std::string>(),
               Contains("memory limit"));
}
