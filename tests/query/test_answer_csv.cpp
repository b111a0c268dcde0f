// A command's answer as CSV (src/cli/answer_csv, slingshot-cli --format csv): provenance and notes as
// comment lines, each array a table of its own, the scalars one table; every field of the JSON kept.
#include "cli/answer_csv.h"
#include "csv_read.h"
#include "query/query.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using namespace slingshot;
using slingshot::testing::readCsv;
using slingshot::testing::ReadCsv;

TEST_CASE("answer csv: a flat object is the scalars table, quoted as RFC 4180 asks", "[answer_csv]") {
    const Json flat = {{"theta", 0.1}, {"k", 8}, {"name", "a,b"}, {"none", nullptr}, {"ok", true}};
    CHECK(toCsv(flat) == "# table: scalars\ntheta,k,name,none,ok\n0.1,8,\"a,b\",,true\n");
    CHECK(toCsv(Json{{"q", "say \"x\""}, {"two", "line\nbreak"}}) ==
          "# table: scalars\nq,two\n\"say \"\"x\"\"\",\"line\nbreak\"\n");
    CHECK(toCsv(Json::object()).empty());
}

TEST_CASE("answer csv: each array is a table of its own, the curve first, the scalars last", "[answer_csv]") {
    const Json r = {{"theta", 0.1},
                    {"curve", Json::array({{{"c", 0}, {"frac", 1}}, {{"c", 0.5}, {"frac", 0.25}}})},
                    {"ratios", Json::array({10.2, 11.5})},
                    {"k", 8},
                    {"empty", Json::array()}};
    CHECK(toCsv(r) ==
          "# table: curve\nc,frac\n0,1\n0.5,0.25\n\n"
          "# table: ratios\nratios\n10.2\n11.5\n\n"
          "# table: empty\nempty\n\n"
          "# table: scalars\ntheta,k\n0.1,8\n");
    // Elements with different fields: the header is their union, a missing field is empty.
    const Json uneven = {{"curve", Json::array({{{"c", 0}}, {{"c", 1}, {"note", "end"}}})}};
    CHECK(toCsv(uneven) == "# table: curve\nc,note\n0,\n1,end\n");
}

TEST_CASE("answer csv: nested arrays flatten with their element's fields, nested objects as columns", "[answer_csv]") {
    const Json r = {
        {"k", 8},
        {"curves",
         Json::array({{{"kprime", 1}, {"points", Json::array({{{"n", 1}, {"frac", 0.5}}, {{"n", 2}, {"frac", 0.75}}})}},
                      {{"kprime", 2}, {"points", Json::array({{{"n", 1}, {"frac", 0.25}}})}}})},
        {"thresholds", Json::array({{{"kprime", 1}, {"n", 3}}})},
        {"law", {{"E", 1.69}, {"a", 0.34}}},
        {"tuples", {{"kprime", 2}, {"curve", Json::array({{{"c", 0}, {"frac", 1}}})}}}};
    CHECK(toCsv(r) ==
          "# table: curves\nkprime,n,frac\n1,1,0.5\n1,2,0.75\n2,1,0.25\n\n"
          "# table: thresholds\nkprime,n\n1,3\n\n"
          "# table: tuples_curve\nc,frac\n0,1\n\n"
          "# table: scalars\nk,law_E,law_a,tuples_kprime\n8,1.69,0.34,2\n");
}

TEST_CASE("answer csv: a point's field named like its curve's keeps both", "[answer_csv]") {
    const Json run = {
        {"curves", {{{"c", 0.8}, {"curve", {{{"c", 0.0}, {"frac", 1.0}}, {{"c", 0.5}, {"frac", 0.9}}}}}}}};
    CHECK(toCsv(run) == "# table: curves\nc,curve_c,frac\n0.8,0.0,1.0\n0.8,0.5,0.9\n");
    // A real run: the run's c is in the scalars, the grid's c in the curve, neither on the other's rows.
    const ReadCsv csv = readCsv(toCsv(runQuery("simulate", {{"n1", 100}, {"n2", 1000}, {"grid", 4}, {"c", 0.8}})));
    CHECK(csv.tables.at("curve").columns == std::vector<std::string>{"c", "frac"});
    CHECK(csv.tables.at("curve").rows.size() == 5);
    CHECK(csv.tables.at("scalars").rows.at(0).at(4) == "0.8");
    CHECK(csv.tables.at("scalars").columns.at(4) == "c");
}

TEST_CASE("answer csv: provenance and notes are comment lines before the tables", "[answer_csv]") {
    const Json r = {{"x", 1},
                    {"notes", {"first, with a comma", "two\nlines"}},
                    {"provenance", {{"software", "slingshot"}, {"inputs", {{"points", "1,2,3\n4,5,6"}}}}}};
    CHECK(toCsv(r) ==
          "# provenance: {\"software\":\"slingshot\",\"inputs\":{\"points\":\"1,2,3\\n4,5,6\"}}\n"
          "# note: first, with a comma\n# note: two lines\n"
          "# table: scalars\nx\n1\n");
}

TEST_CASE("answer csv: one table by name, an unknown name refused with the names there are", "[answer_csv]") {
    const Json sweep = runQuery("emergence", {{"points", 3}, {"kprime", "1,2"}});
    const std::string thresholds = toCsv(sweep, {false, "thresholds"});
    const ReadCsv one = readCsv(thresholds);
    CHECK(one.order == std::vector<std::string>{"thresholds"});
    CHECK(one.provenance == sweep["provenance"]);
    CHECK(one.notes.size() == sweep["notes"].size());
    REQUIRE(one.tables.at("thresholds").rows.size() == 2);
    CHECK(std::strtod(one.tables.at("thresholds").rows[1][1].c_str(), nullptr) ==
          sweep["thresholds"][1]["n"].get<double>());
    CHECK_THROWS_WITH(toCsv(sweep, {false, "curve"}),
                      "no table 'curve' in this answer; its tables: curves, thresholds, ratios, scalars");
}

TEST_CASE("answer csv: the wide layout puts curves side by side, a row per point", "[answer_csv]") {
    const Json two = {{"target", 0.5},
                      {"curves",
                       {{{"kprime", 1}, {"points", {{{"n", 1.0}, {"frac", 0.1}}, {{"n", 2.0}, {"frac", 0.2}}}}},
                        {{"kprime", 2}, {"points", {{{"n", 1.0}, {"frac", 0.01}}, {{"n", 2.0}, {"frac", 0.04}}}}}}}};
    CHECK(toCsv(two, {true, ""}) ==
          "# table: curves\nn,frac_kprime1,frac_kprime2\n1.0,0.1,0.01\n2.0,0.2,0.04\n\n"
          "# table: scalars\ntarget\n0.5\n");
    // A real sweep: one row per N, n and theta once, a column per k'; the comment lines as in long.
    const Json sweep = runQuery("emergence", {{"points", 4}, {"kprime", "1,2,4"}});
    const ReadCsv wide = readCsv(toCsv(sweep, {true, "curves"}));
    CHECK(wide.provenance == sweep["provenance"]);
    CHECK(wide.notes.size() == sweep["notes"].size());
    const auto& curves = wide.tables.at("curves");
    CHECK(curves.columns == std::vector<std::string>{"n", "theta", "frac_kprime1", "frac_kprime2", "frac_kprime4"});
    REQUIRE(curves.rows.size() == 4);
    CHECK(std::strtod(curves.rows[3][4].c_str(), nullptr) == sweep["curves"][2]["points"][3]["frac"].get<double>());
    CHECK_THROWS_WITH(toCsv(runQuery("bound", {{"theta", 0.1}, {"k", 8}, {"points", 4}}), {true, ""}),
                      Catch::Contains("curves side by side"));
    CHECK_THROWS_AS(toCsv(Json{{"n", 1}}, {true, ""}), std::invalid_argument);
    const Json uneven = {
        {"curves",
         {{{"kprime", 1}, {"points", {{{"n", 1.0}}}}}, {{"kprime", 2}, {"points", {{{"n", 1.0}}, {{"n", 2.0}}}}}}}};
    CHECK_THROWS_WITH(toCsv(uneven, {true, ""}), Catch::Contains("equal length"));
}

namespace {

// Where the layout puts each leaf of an answer: (table, column) -> the values there.
using Places = std::map<std::pair<std::string, std::string>, std::vector<Json>>;

// `v` at `column` (the path from its table's row, objects joined by '_'); `table` empty at the
// answer's top level, where an array starts a table named by its path.
void placeLeaves(const Json& v, const std::string& table, const std::string& column, Places& out) {
    if (v.is_object()) {
        for (const auto& [k, x] : v.items()) placeLeaves(x, table, column.empty() ? k : column + "_" + k, out);
    } else if (v.is_array()) {
        const std::string t = table.empty() ? column : table;
        for (const Json& e : v) placeLeaves(e, t, e.is_object() ? "" : column, out);
    } else {
        out[{table.empty() ? "scalars" : table, column}].push_back(v);
    }
}

// How many rows `v` makes in its table: one per scalar, and per object without arrays of rows.
size_t rowsOf(const Json& v) {
    if (v.is_array()) {
        size_t n = 0;
        for (const Json& e : v) n += rowsOf(e);
        return n;
    }
    size_t n = 0;
    if (v.is_object())
        for (const auto& [k, x] : v.items())
            if (x.is_structured()) n += rowsOf(x);
    return n ? n : 1;
}

// The tables an answer's top level makes and their row counts.
void tablesOf(const Json& o, const std::string& path, std::map<std::string, size_t>& out) {
    for (const auto& [k, x] : o.items()) {
        const std::string name = path.empty() ? k : path + "_" + k;
        if (x.is_object()) tablesOf(x, name, out);
        if (x.is_array()) out[name] = rowsOf(x);
        if (x.is_primitive()) out["scalars"] = 1;
    }
}

bool cellHolds(const std::string& cell, const Json& v) {
    if (v.is_null()) return cell.empty();
    if (v.is_string()) return cell == v.get<std::string>();
    if (v.is_boolean()) return cell == (v.get<bool>() ? "true" : "false");
    char* end = nullptr;
    const double x = std::strtod(cell.c_str(), &end);
    return !cell.empty() && *end == '\0' && x == v.get<double>();
}

// Every leaf of `answer` is in the CSV at its table and column, and every cell is one of them.
void checkRoundTrip(const Json& answer) {
    const ReadCsv csv = readCsv(toCsv(answer));
    Json rest = answer;
    CHECK(csv.provenance == (rest.contains("provenance") ? rest["provenance"] : Json()));
    std::vector<std::string> notes;
    if (rest.contains("notes"))
        for (const Json& n : rest["notes"]) notes.push_back(n.get<std::string>());
    CHECK(csv.notes == notes);
    rest.erase("provenance");
    rest.erase("notes");

    std::map<std::string, size_t> tables;
    tablesOf(rest, "", tables);
    std::map<std::string, size_t> read;
    for (const auto& [name, t] : csv.tables) read[name] = t.rows.size();
    CHECK(read == tables);

    Places places;
    for (const auto& [k, x] : rest.items()) placeLeaves(x, "", k, places);
    for (const auto& [where, values] : places) {
        INFO("table " << where.first << ", column " << where.second);
        REQUIRE(csv.tables.count(where.first));
        const auto& t = csv.tables.at(where.first);
        const auto col = std::find(t.columns.begin(), t.columns.end(), where.second);
        REQUIRE(col != t.columns.end());
        const size_t c = static_cast<size_t>(col - t.columns.begin());
        for (const Json& v : values) {
            INFO("value " << v.dump());
            bool found = false;
            for (const auto& row : t.rows) found = found || cellHolds(row[c], v);
            CHECK(found);
        }
    }
    for (const auto& [name, t] : csv.tables)
        for (size_t c = 0; c < t.columns.size(); ++c) {
            INFO("table " << name << ", column " << t.columns[c]);
            const auto it = places.find({name, t.columns[c]});
            REQUIRE(it != places.end());
            for (const auto& row : t.rows) {
                if (row[c].empty()) continue;  // null, or a field this row has not
                bool known = false;
                for (const Json& v : it->second) known = known || cellHolds(row[c], v);
                INFO("cell " << row[c]);
                CHECK(known);
            }
        }
}

}  // namespace

TEST_CASE("answer csv: every field of every command's answer is in the CSV, and nothing else", "[answer_csv]") {
    const std::string fit_points = "1e8,2e9,3.2;1e9,2e10,2.6;1e10,2e11,2.25;3e8,6e9,2.9;3e9,6e10,2.4;3e10,6e11,2.1";
    const Json sim = {{"n1", 1000}, {"n2", 100000}, {"k", 8}, {"theta", 0.1}, {"c", 0.8}, {"seed", 1}};
    const Json cert = {{"n1", 1000}, {"n2", 100000}, {"k", 8}, {"seed", 1}, {"theta", 0.05}, {"c", 0.5}};
    const auto with = [](Json base, const Json& more) {
        base.update(more);
        return base;
    };
    const std::vector<std::pair<std::string, Json>> runs = {
        {"scaling", {{"n", 7e10}}},
        {"scaling", {{"compute", 1e23}}},
        {"bound", {{"theta", 0.1}, {"k", 8}, {"c", 0.8}}},
        {"bound", {{"theta", 0.1}, {"k", 8}, {"points", 5}}},
        {"adversary", {{"theta", 0.1}, {"tau", 0.2}, {"k", 8}}},
        {"emergence", Json::object()},
        {"emergence", {{"kprime", "1,2,4"}, {"points", 5}}},
        {"emergence", {{"points", 3}, {"kprime", "1,2"}, {"zipf", 1}, {"n1", 1000}, {"rank", "1,10"}}},
        {"stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"n", 1e13}, {"points", 5}}},
        {"stimulus", {{"n1", 10000}, {"k", 8}, {"kprime", 4}, {"ntrain", 1e10}}},
        {"simulate", with(sim, {{"failure", "adversarial"}})},
        {"simulate", with(sim, {{"failure", "adversarial"}, {"measure", "zipf"}})},
        {"simulate", {{"n1", 100}, {"n2", 10000}, {"k", 4}, {"kprime", 2}, {"seed", 1}, {"grid", 5}}},
        {"certify", cert},
        {"certify", with(cert, {{"adversary", "off"}})},
        {"fit", {{"points", fit_points}}},
    };
    std::set<std::string> covered;
    for (const auto& [command, args] : runs) {
        INFO(command << " " << args.dump());
        checkRoundTrip(runQuery(command, args));
        covered.insert(command);
    }
    for (const auto& cmd : registry().commands()) CHECK(covered.count(cmd.name) == 1);
    // Cells the layout quotes: commas, quotes and line breaks in strings.
    checkRoundTrip({{"label", "a, \"b\"\nc"},
                    {"rows", {{{"name", "x,y"}, {"v", 1}}, {{"name", "\"q\""}, {"v", nullptr}}}},
                    {"notes", {"one"}}});
}
