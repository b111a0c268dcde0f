// A command's answer as CSV (src/cli/answer_csv, slingshot-cli --format csv): a flat object is one
// row, one array of objects is one row per element, nested arrays are flattened with the parents'
// scalar fields repeated.
#include "cli/answer_csv.h"
#include "query/query.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <string>

using namespace slingshot;

TEST_CASE("answer csv: a flat object is a header and one row", "[answer_csv]") {
    const Json flat = {{"theta", 0.1}, {"k", 8}, {"name", "a,b"}, {"none", nullptr}, {"ok", true}};
    CHECK(toCsv(flat) == "theta,k,name,none,ok\n0.1,8,\"a,b\",,true\n");
    CHECK(toCsv(Json{{"q", "say \"x\""}}) == "q\n\"say \"\"x\"\"\"\n");
    CHECK(toCsv(Json::object()) == "\n\n");
}

TEST_CASE("answer csv: one array of objects is one row per element, the scalars repeated", "[answer_csv]") {
    const Json r = {
        {"theta", 0.1}, {"curve", Json::array({{{"c", 0}, {"frac", 1}}, {{"c", 0.5}, {"frac", 0.25}}})}, {"k", 8}};
    CHECK(toCsv(r) == "theta,k,c,frac\n0.1,8,0,1\n0.1,8,0.5,0.25\n");
    // Elements with different fields: the header is their union, a missing field is empty.
    const Json uneven = {{"curve", Json::array({{{"c", 0}}, {{"c", 1}, {"note", "end"}}})}};
    CHECK(toCsv(uneven) == "c,note\n0,\n1,end\n");
    // Arrays of numbers and empty arrays are not rows: the scalars make the one row.
    CHECK(toCsv(Json{{"a", 1}, {"ratios", Json::array({10.2, 11.5})}, {"curve", Json::array()}}) == "a\n1\n");
}

TEST_CASE("answer csv: nested arrays flatten, the first array of objects is the one followed", "[answer_csv]") {
    const Json r = {
        {"k", 8},
        {"curves",
         Json::array({{{"kprime", 1}, {"points", Json::array({{{"n", 1}, {"frac", 0.5}}, {{"n", 2}, {"frac", 0.75}}})}},
                      {{"kprime", 2}, {"points", Json::array({{{"n", 1}, {"frac", 0.25}}})}}})},
        {"thresholds", Json::array({{{"kprime", 1}, {"n", 3}}})}};
    CHECK(toCsv(r) == "k,kprime,n,frac\n8,1,1,0.5\n8,1,2,0.75\n8,2,1,0.25\n");
}

TEST_CASE("answer csv: real answers, one row per curve point", "[answer_csv]") {
    const std::string csv = toCsv(runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"points", 5}}));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 6);  // header and 5 points
    CHECK(csv.rfind("theta,", 0) == 0);
    const std::string e = toCsv(runQuery("emergence", {{"kprime", "1,2"}, {"points", 3}}));
    CHECK(std::count(e.begin(), e.end(), '\n') == 1 + 2 * 3);
    const std::string header = e.substr(0, e.find('\n'));
    CHECK(header.find("kprime") != std::string::npos);
    CHECK(header.find("frac") != std::string::npos);
}

TEST_CASE("answer csv: an element's field named like its parent's keeps both", "[answer_csv]") {
    const Json run = {{"c", 0.8}, {"curve", {{{"c", 0.0}, {"frac", 1.0}}, {{"c", 0.5}, {"frac", 0.9}}}}};
    CHECK(toCsv(run) == "c,curve_c,frac\n0.8,0.0,1.0\n0.8,0.5,0.9\n");
    // A real run: every row says the run's own c, and the grid point beside it.
    const std::string csv = toCsv(runQuery("simulate", {{"n1", 100}, {"n2", 1000}, {"grid", 4}, {"c", 0.8}}));
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK_THAT(header, Catch::Contains(",c,"));
    CHECK_THAT(header, Catch::Contains(",curve_c,frac"));
}

TEST_CASE("answer csv: the wide layout puts curves side by side, a row per point", "[answer_csv]") {
    const Json two = {{"target", 0.5},
                      {"curves",
                       {{{"kprime", 1}, {"points", {{{"n", 1.0}, {"frac", 0.1}}, {{"n", 2.0}, {"frac", 0.2}}}}},
                        {{"kprime", 2}, {"points", {{{"n", 1.0}, {"frac", 0.01}}, {{"n", 2.0}, {"frac", 0.04}}}}}}}};
    CHECK(toWideCsv(two) == "n,frac_kprime1,frac_kprime2\n1.0,0.1,0.01\n2.0,0.2,0.04\n");
    // A real sweep: one row per N, n and theta once, a column per k'.
    const Json sweep = runQuery("emergence", {{"points", 4}, {"kprime", "1,2,4"}});
    const std::string wide = toWideCsv(sweep);
    CHECK(wide.substr(0, wide.find('\n')) == "n,theta,frac_kprime1,frac_kprime2,frac_kprime4");
    CHECK(std::count(wide.begin(), wide.end(), '\n') == 5);
    CHECK_THROWS_WITH(toWideCsv(runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"points", 4}})),
                      Catch::Contains("curves side by side"));
    CHECK_THROWS_AS(toWideCsv(Json{{"n", 1}}), std::invalid_argument);
    const Json uneven = {
        {"curves",
         {{{"kprime", 1}, {"points", {{{"n", 1.0}}}}}, {{"kprime", 2}, {"points", {{{"n", 1.0}}, {{"n", 2.0}}}}}}}};
    CHECK_THROWS_WITH(toWideCsv(uneven), Catch::Contains("equal length"));
}
