#include "query/provenance.h"
#include "query/query.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace slingshot;

TEST_CASE("provenance: every answer says which software, version, commit and complete inputs made it", "[provenance]") {
    const Json out = runQuery("bound", {{"theta", "0.1"}, {"k", 8}, {"c", 0.8}});
    REQUIRE(out.contains("provenance"));
    const Json& p = out["provenance"];
    CHECK(p["software"] == "slingshot");
    CHECK(p["version"] == sourceVersion());
    CHECK(p["commit"] == sourceCommit());
    CHECK(p["command"] == "bound");
    // Inputs after validation: numbers as numbers, every default filled in, nothing else.
    CHECK(p["inputs"]["theta"] == 0.1);
    CHECK(p["inputs"]["k"] == 8.0);
    CHECK(p["inputs"]["kprime"] == 1);
    CHECK(p["inputs"]["tuples"] == "t2");
    CHECK(p["inputs"]["rho"] == 0.0);
    CHECK_FALSE(p["inputs"].contains("points"));
    // The same inputs, given another way, give the same provenance.
    CHECK(runQuery("bound", {{"theta", 0.1}, {"k", "8"}, {"c", "0.8"}, {"tuples", "t2"}})["provenance"] == p);
}

TEST_CASE("provenance: the version is x.y.z and the commit 12 hex digits or unknown", "[provenance]") {
    const std::string version = sourceVersion(), commit = sourceCommit();
    CHECK(std::count(version.begin(), version.end(), '.') == 2);
    CHECK(version.find_first_not_of("0123456789.") == std::string::npos);
    const std::string hex = commit.substr(0, commit.find('-'));
    if (commit != "unknown") {
        CHECK(hex.size() == 12);
        CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
        CHECK((commit == hex || commit == hex + "-dirty"));
    }
    CHECK(versionLine() == "slingshot " + version + " (commit " + commit + ")");
}

TEST_CASE("provenance: the scaling law's constants and the D rule are in the answers that use them", "[provenance]") {
    const Json custom = runQuery("scaling", {{"n", 1e9}, {"exp-n", 0.3}});
    CHECK(custom["preset"] == "custom");
    CHECK(custom["law"]["a"] == 0.3);
    CHECK(custom["law"]["A"] == 406.4);  // Hoffmann's, the base of the override
    const Json sweep = runQuery("emergence", {{"points", 3}, {"kprime", "1"}, {"ratio", 5}});
    CHECK(sweep["d_rule"] == "ratio");
    CHECK(sweep["tokens_per_param"] == 5.0);
    const Json optimal = runQuery("emergence", {{"points", 3}, {"kprime", "1"}, {"d-rule", "optimal"}});
    CHECK(optimal["d_rule"] == "optimal");
    CHECK(optimal["tokens_per_param"].is_null());
}
