// Validation audit: every command, every declared parameter at and next to the ends of
// its range, through the dispatcher. Only QueryError may escape; every number in an answer is
// finite (an absent guarantee is null); fractions lie in [0, 1].
#include "query/query.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <typeinfo>
#include <vector>

using namespace slingshot;

namespace {

// Six (N, D, L) points on Hoffmann et al.'s law, for `fit`.
const char* kFitPoints = "1e8,2e9,3.27;4e8,8e9,2.70;1e9,2e10,2.46;4e9,8e10,2.23;1e10,2e11,2.13;7e10,1.4e12,1.94";

// Small, valid arguments per command; the sweep replaces one parameter at a time. Sampled graphs
// run with a 20 MB budget so extreme sizes are refused before allocation instead of running.
Json baseArgs(const std::string& command) {
    if (command == "scaling") return {{"n", 1e10}};
    if (command == "bound") return {{"theta", 0.1}, {"k", 8}, {"c", 0.8}};
    if (command == "adversary") return {{"theta", 0.1}, {"tau", 0.2}, {"k", 8}};
    if (command == "emergence") return {{"points", 20}};
    if (command == "stimulus") return {{"n1", 1000}, {"k", 8}, {"kprime", 2}, {"ntrain", 1e6}};
    if (command == "simulate") return {{"n1", 200}, {"n2", 2000}, {"k", 4}, {"budget", 2e7}};
    if (command == "certify")
        return {{"n1", 50}, {"n2", 500}, {"k", 4}, {"max-iterations", 20}, {"adversary", "off"}, {"budget", 2e7}};
    if (command == "fit") return {{"points", kFitPoints}, {"starts", 2}};
    return Json::object();
}

bool isFractionKey(const std::string& key) {
    return key.find("frac") != std::string::npos || key == "theta" || key == "theta_realized" || key == "alpha_bound" ||
           key == "guaranteed_fraction" || key == "seen_fraction_bound";
}

// Every float finite, every fraction in [0, 1]; `where` names the offending field.
void checkNumbers(const Json& j, const std::string& where, const std::string& key = "") {
    if (j.is_number()) {
        const double v = j.get<double>();
        INFO(where);
        CHECK(std::isfinite(v));
        if (isFractionKey(key)) {
            CHECK(v >= 0.0);
            CHECK(v <= 1.0);
        }
    } else if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) checkNumbers(it.value(), where + "." + it.key(), it.key());
    } else if (j.is_array()) {
        for (size_t i = 0; i < j.size(); ++i) checkNumbers(j[i], where + "[" + std::to_string(i) + "]", key);
    }
}

// Runs one request; QueryError is an accepted answer, any other exception fails the test.
void probe(const std::string& command, const Json& args) {
    const std::string where = command + " " + args.dump();
    try {
        checkNumbers(runQuery(command, args), where);
    } catch (const QueryError&) {
    } catch (const std::exception& e) {
        FAIL(where << ": " << typeid(e).name() << ": " << e.what());
    }
}

// Values at and next to the ends of a declared range (inside it), and a few inside.
std::vector<double> edgeValues(const ParamSpec& p, bool whole) {
    const double big = 1e300;
    const double lo = std::isfinite(p.min) ? p.min : -big, hi = std::isfinite(p.max) ? p.max : big;
    std::vector<double> v;
    auto add = [&](double x) {
        if (whole) x = std::round(x);
        if (x < lo || x > hi || (p.open_min && x <= lo) || (p.open_max && x >= hi)) return;
        v.push_back(x);
    };
    add(lo);
    add(hi);
    add(std::nextafter(lo, hi));
    add(std::nextafter(hi, lo));
    add(whole ? lo + 1 : lo + (hi - lo) * 1e-12);
    add(whole ? hi - 1 : hi - (hi - lo) * 1e-12);
    if (lo > 0 && hi > 0) add(std::sqrt(lo) * std::sqrt(hi));  // geometric middle
    add(lo + (hi - lo) / 2);
    for (double x : {1e-300, 1e-12, 0.5, 1.0 - 1e-12, 1.0, 2.0}) add(x);
    return v;
}

// The argument values the sweep tries for one parameter (as JSON, as the page sends them).
std::vector<Json> sweepValues(const ParamSpec& p) {
    std::vector<Json> out;
    switch (p.kind) {
        case ParamKind::Number:
            for (double x : edgeValues(p, false)) out.emplace_back(x);
            break;
        case ParamKind::Integer:
            for (double x : edgeValues(p, true)) out.emplace_back(static_cast<long long>(x));
            break;
        case ParamKind::Choice:
            for (const auto& c : p.choices) out.emplace_back(c);
            break;
        case ParamKind::Text:
            for (const std::string& t :
                 std::vector<std::string>{"", "x", "1,2,3", "N,D,L\n1e8,2e9,3", std::string(10240, '9')})
                if (t.size() <= p.max_chars) out.emplace_back(t);
            break;
        case ParamKind::IntList: {
            for (double x : edgeValues(p, true)) out.push_back(Json::array({static_cast<long long>(x)}));
            Json full = Json::array();
            for (size_t i = 0; i < p.max_list; ++i) full.push_back(static_cast<long long>(p.min) + (long long)i);
            out.push_back(full);
            break;
        }
    }
    return out;
}

// Out-of-range and malformed values: refused with a message naming the parameter.
std::vector<Json> badValues(const ParamSpec& p) {
    std::vector<Json> out = {"NaN", "inf", "-inf", "1e999", "", "x", "1,2,3x", Json::array({"a"}), true};
    if (std::isfinite(p.min)) out.emplace_back(std::nextafter(p.min, -std::numeric_limits<double>::infinity()));
    if (std::isfinite(p.max)) out.emplace_back(p.max * 2 + 1);
    if (p.open_min && std::isfinite(p.min)) out.emplace_back(p.min);
    if (p.open_max && std::isfinite(p.max)) out.emplace_back(p.max);
    if (p.kind == ParamKind::Integer) out.emplace_back(p.min + 0.5);
    if (p.kind == ParamKind::Text) out.emplace_back(std::string(p.max_chars + 1, '1'));
    return out;
}

}  // namespace

TEST_CASE("extremes: every parameter of every command at the ends of its range", "[extremes]") {
    for (const CommandSpec& cmd : registry().commands()) {
        const Json base = baseArgs(cmd.name);
        for (const ParamSpec& p : cmd.params) {
            for (const Json& value : sweepValues(p)) {
                Json args = base;
                args[p.name] = value;
                probe(cmd.name, args);
            }
        }
    }
}

TEST_CASE("extremes: out-of-range and malformed values are refused naming the parameter", "[extremes]") {
    for (const CommandSpec& cmd : registry().commands()) {
        for (const ParamSpec& p : cmd.params) {
            for (const Json& value : badValues(p)) {
                Json args = baseArgs(cmd.name);
                args[p.name] = value;
                INFO(cmd.name << " --" << p.name << " = " << value.dump().substr(0, 80));
                bool declared_ok = true;
                try {
                    validateParam(p, value);
                } catch (const QueryError&) {
                    declared_ok = false;
                }
                try {
                    runQuery(cmd.name, args);
                    // Only values a declaration accepts get here (e.g. any short text for a Text one).
                    CHECK(declared_ok);
                } catch (const QueryError& e) {
                    if (!declared_ok) CHECK_THAT(e.what(), Catch::Contains("--" + p.name));
                }
            }
        }
    }
}

TEST_CASE("extremes: bound over theta, k, c, k', tuple model and rho corners", "[extremes]") {
    const double theta_values[] = {0, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1};
    const double k_values[] = {1, 1 + 1e-9, 32, 1e6};
    const double c_values[] = {0, 1e-12, 0.5, 1 - 1e-12};
    const int kprime_values[] = {1, 2, 64};
    const char* models[] = {"t2", "t2exact", "t1", "p"};
    const double rho_values[] = {0, 1e-12, 1};
    for (double theta : theta_values)
        for (double k : k_values)
            for (double c : c_values)
                for (int kprime : kprime_values)
                    for (const char* model : models)
                        for (double rho : rho_values)
                            probe("bound", {{"theta", theta},
                                            {"k", k},
                                            {"c", c},
                                            {"kprime", kprime},
                                            {"tuples", model},
                                            {"rho", rho}});
}

TEST_CASE("extremes: adversary, stimulus and emergence corners", "[extremes]") {
    for (double theta : {0.0, 1e-300, 1e-12, 0.5, 1 - 1e-12, 1.0})
        for (double tau : {1e-300, 1e-12, 0.5, 1 - 1e-12, 1.0})
            for (int k : {1, 2, 32, 10000})
                probe("adversary", {{"theta", theta}, {"tau", tau}, {"k", k}, {"degree", 1}}),
                    probe("adversary", {{"theta", theta}, {"tau", tau}, {"k", k}, {"degree", 1000000000000LL}});
    for (long long n1 : {1LL, 32LL, 1000000000000000LL})
        for (int k : {1, 32, 1000})
            for (int kprime : {1, 2, 32, 1000})
                for (double ntrain : {0.0, 1.0, 1e30})
                    probe("stimulus", {{"n1", n1},
                                       {"k", k},
                                       {"kprime", kprime},
                                       {"ntrain", ntrain},
                                       {"theta", 1e-12},
                                       {"c", 1 - 1e-12}});
    for (double k : {1.0, 32.0, 1e6})
        for (double c : {0.0, 1 - 1e-12})
            for (const char* model : {"t2", "t2exact", "t1", "p"})
                probe("emergence", {{"k", k},
                                    {"c", c},
                                    {"tuples", model},
                                    {"kprime", "1,64"},
                                    {"points", 8},
                                    {"from", 1e-300},
                                    {"to", 1e40},
                                    {"target", 1 - 1e-12}});
    for (double s : {0.0, 10.0})
        for (long long n1 : {1LL, 1000000000000LL})
            probe("emergence", {{"zipf", s}, {"n1", n1}, {"rank", Json::array({1, n1})}, {"points", 4}});
}

TEST_CASE("extremes: simulate corners stay small and answer or refuse", "[extremes]") {
    for (int k : {1, 32})
        for (double theta : {0.0, 1e-12, 1.0})
            for (const char* failure : {"random", "independent", "adversarial"})
                for (double c : {0.0, 1.0})
                    probe("simulate", {{"n1", 1},
                                       {"n2", 3},
                                       {"k", k},
                                       {"theta", theta},
                                       {"failure", failure},
                                       {"c", c},
                                       {"grid", 1}});
    for (const char* tuples : {"t2", "s"})
        for (int kprime : {2, 3})
            probe("simulate", {{"n1", 3},
                               {"n2", 5},
                               {"k", 3},
                               {"kprime", kprime},
                               {"tuples", tuples},
                               {"theta", 1},
                               {"t2-pieces", 1}});
    // Sizes at the declared limits are refused by the memory budget before anything is allocated.
    probe("simulate", {{"n1", 1000000}, {"n2", 100000000}, {"k", 32}, {"budget", 1e6}});
}

TEST_CASE("extremes: scaling with a fit that has no finite compute-optimal split", "[extremes]") {
    // Regression: coef-n, coef-d, exp-n or exp-d near 0 made optimal_n / optimal_d infinite (JSON
    // null by accident) and --compute alone or --d-rule run on with N = 0 or D = inf.
    for (const char* flag : {"coef-n", "coef-d", "exp-n", "exp-d"}) {
        INFO(flag);
        const Json r = runQuery("scaling", {{"n", 1e10}, {flag, 1e-300}});
        CHECK(r["optimal_n"].is_null());
        CHECK(r["optimal_d"].is_null());
        CHECK(std::isfinite(r["loss"].get<double>()));
        CHECK_THROWS_AS(runQuery("scaling", {{"compute", 1e23}, {flag, 1e-300}}), QueryError);
    }
    CHECK_THROWS_AS(runQuery("scaling", {{"n", 1e10}, {"d-rule", "optimal"}, {"coef-n", 1e-300}}), QueryError);
    CHECK_THROWS_AS(runQuery("scaling", {{"n", 1e30}, {"compute", 1e-300}}), QueryError);
    const Json ok = runQuery("scaling", {{"n", 1e10}, {"d-rule", "optimal"}});
    CHECK(ok["optimal_n"].get<double>() == Approx(1e10).epsilon(1e-9));
}
