// slingshot-cli (src/cli/main.cpp): flags built from the declarations, JSON or CSV on stdout, exit
// status 2 on refused input.
#include "core/theory/bounds.h"
#include "csv_read.h"
#include "query/provenance.h"
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

using namespace slingshot;
using Catch::Matchers::Contains;
using slingshot::testing::CliRun;
using slingshot::testing::readCsv;
using slingshot::testing::ReadCsv;
using slingshot::testing::runCli;

#ifdef SLINGSHOT_CLI_PATH
TEST_CASE("cli: answers as JSON or CSV, exits 2 on refused input", "[cli]") {
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

TEST_CASE("cli: simulate exits 2 on bad input and prints the same JSON as the dispatcher", "[cli]") {
    CHECK(runCli("simulate --n1 0").status == 2);
    const CliRun run = runCli("simulate --n1 50 --n2 1000 --k 3 --seed 1 --format json");
    REQUIRE(run.status == 0);
    const Json r = Json::parse(run.out);
    const Json direct = runQuery("simulate", {{"n1", 50}, {"n2", 1000}, {"k", 3}, {"seed", 1}});
    CHECK(r["slots_hash"] == direct["slots_hash"]);
    CHECK(r["frac_below_c"] == direct["frac_below_c"]);
}
#endif

TEST_CASE("cli: a refusal names its command once", "[cli]") {
    const CliRun split = runCli("scaling --compute 1e23 --coef-d 0", true);
    CHECK(split.status == 2);
    CHECK(split.out.rfind("slingshot-cli scaling: compute-optimal split needs A, B > 0\n", 0) == 0);
    const CliRun unknown = runCli("adversary --theta 0.1 --tau 0.2 --k 8 --degree 0", true);
    CHECK(unknown.out.rfind("slingshot-cli adversary: --degree: '0' is out of range", 0) == 0);
}

TEST_CASE("cli: --version names the software, its version and commit", "[cli]") {
    const CliRun v = runCli("--version");
    CHECK(v.status == 0);
    CHECK(v.out == versionLine() + "\n");
}

TEST_CASE("cli: fit reads its points from a file or standard input", "[cli]") {
    const std::string points =
        "N,D,L\n1e8,2e9,3.2\n1e9,2e10,2.6\n1e10,2e11,2.25\n3e8,6e9,2.9\n3e9,6e10,2.4\n3e10,6e11,2.1\n";
    const std::string path = "cli_fit_points.csv";
    {
        std::ofstream out(path);
        out << points;
    }
    const CliRun inline_text =
        runCli("fit --points '1e8,2e9,3.2;1e9,2e10,2.6;1e10,2e11,2.25;3e8,6e9,2.9;3e9,6e10,2.4;3e10,6e11,2.1'");
    const CliRun from_file = runCli("fit --csv @" + path);
    const CliRun from_stdin = runCli("fit --csv - < " + path);
    REQUIRE(inline_text.status == 0);
    REQUIRE(from_file.status == 0);
    REQUIRE(from_stdin.status == 0);
    auto law = [](const CliRun& r) {
        Json j = Json::parse(r.out);
        return std::vector<double>{j["E"], j["A"], j["B"], j["a"], j["b"]};
    };
    CHECK(law(from_file) == law(inline_text));
    CHECK(law(from_stdin) == law(inline_text));
    // A file name given as the points themselves: the message says how to read the file.
    const CliRun named = runCli("fit --csv " + path, true);
    CHECK(named.status == 2);
    CHECK_THAT(named.out, Catch::Contains("--csv @" + path + " reads that file"));
    std::remove(path.c_str());
    const CliRun missing = runCli("fit --csv @" + path, true);
    CHECK(missing.status == 2);
    CHECK_THAT(missing.out, Catch::Contains("cannot read '" + path + "'"));
}

TEST_CASE("cli: --output writes the answer to a file, --layout wide sets curves side by side", "[cli]") {
    const std::string path = "cli_output_answer.json";
    std::remove(path.c_str());
    const CliRun written = runCli("scaling --n 1e9 --output " + path);
    CHECK(written.status == 0);
    CHECK(written.out.empty());
    std::ifstream in(path);
    const Json answer = Json::parse(in);
    CHECK(answer["n"] == 1e9);
    std::remove(path.c_str());
    const CliRun wide = runCli("emergence --points 3 --kprime 1,2 --format csv --layout wide");
    CHECK(wide.status == 0);
    CHECK(wide.out.rfind("# provenance: {\"software\":\"slingshot\"", 0) == 0);
    CHECK_THAT(wide.out, Contains("\n# table: curves\nn,theta,frac_kprime1,frac_kprime2\n"));
    CHECK(runCli("emergence --points 3 --layout wide", true)
              .out.rfind("slingshot-cli emergence: --layout wide needs --format csv", 0) == 0);
    CHECK(runCli("bound --theta 0.1 --k 8 --points 3 --format csv --layout wide").status == 2);
    CHECK(runCli("scaling --n 1e9 --output /no-such-folder/answer.json").status == 1);
}

TEST_CASE("cli: csv carries the provenance and notes, --table keeps one table, an unknown one is refused", "[cli]") {
    const std::string args = "emergence --points 3 --kprime 1,2 --format csv";
    const CliRun all = runCli(args);
    REQUIRE(all.status == 0);
    const Json answer = runQuery("emergence", {{"points", 3}, {"kprime", "1,2"}});
    const ReadCsv csv = readCsv(all.out);
    CHECK(csv.provenance == answer["provenance"]);
    CHECK(csv.notes == answer["notes"].get<std::vector<std::string>>());
    CHECK(csv.order == std::vector<std::string>{"curves", "thresholds", "ratios", "scalars"});
    CHECK(csv.tables.at("curves").columns == std::vector<std::string>{"kprime", "n", "theta", "frac"});
    CHECK(csv.tables.at("curves").rows.size() == 6);
    CHECK(csv.tables.at("ratios").rows.at(0).at(0) == answer["ratios"][0].dump());

    // One table: the comment lines, then a header and rows only, as pandas.read_csv(comment='#') reads.
    const CliRun one = runCli(args + " --table thresholds");
    REQUIRE(one.status == 0);
    std::string body;
    for (size_t pos = 0, eol; pos < one.out.size(); pos = eol + 1) {
        eol = one.out.find('\n', pos);
        if (one.out[pos] != '#') body += one.out.substr(pos, eol - pos + 1);
    }
    CHECK(body ==
          "kprime,n\n1," + answer["thresholds"][0]["n"].dump() + "\n2," + answer["thresholds"][1]["n"].dump() + "\n");
    CHECK(readCsv(one.out).provenance == answer["provenance"]);
    const CliRun wide = runCli(args + " --layout wide --table curves");
    CHECK(readCsv(wide.out).order == std::vector<std::string>{"curves"});

    const CliRun unknown = runCli(args + " --table curve", true);
    CHECK(unknown.status == 2);
    CHECK(
        unknown.out ==
        "slingshot-cli emergence: no table 'curve' in this answer; its tables: curves, thresholds, ratios, scalars\n");
    const CliRun json = runCli("bound --theta 0.1 --k 8 --c 0.8 --table scalars", true);
    CHECK(json.status == 2);
    CHECK(json.out == "slingshot-cli bound: --table needs --format csv\n");
    const CliRun flat = runCli("bound --theta 0.1 --k 8 --c 0.8 --format csv --table scalars");
    CHECK(readCsv(flat.out).tables.at("scalars").rows.at(0).at(0) == "0.1");
}
