#include <catch2/catch.hpp>

#include "core/theory/cloze.h"

#include <cmath>
#include <stdexcept>

using namespace slingshot;
using Catch::Matchers::WithinRel;

TEST_CASE("cloze: linear and Pinsker maps (§2.7)", "[cloze]") {
    CHECK(thetaFromExcess(0.1113, ThetaMap::Linear, 1.0) == 0.1113);
    CHECK_THAT(thetaFromExcess(0.1, ThetaMap::Linear, 2.2), WithinRel(0.22, 1e-15));
    CHECK_THAT(thetaFromExcess(0.02, ThetaMap::Pinsker, 1.0), WithinRel(0.2, 1e-15));
    CHECK(thetaFromExcess(0.0, ThetaMap::Linear, 1.0) == 0.0);
    CHECK_FALSE(thetaClipped(0.5, ThetaMap::Linear, 1.0));
    CHECK(thetaMapName(ThetaMap::Linear) == "linear");
    CHECK(thetaMapName(ThetaMap::Pinsker) == "pinsker");
}

TEST_CASE("cloze: clipping is reported, never silent", "[cloze]") {
    const ThetaValue v = thetaFromExcessChecked(0.8, ThetaMap::Linear, 2.0);
    CHECK(v.clipped);
    CHECK(v.theta < 1.0);
    CHECK(v.theta > 0.999999);
    CHECK(thetaClipped(0.5, ThetaMap::Pinsker, 1.0));
    CHECK(thetaClipped(1.0, ThetaMap::Linear, 1.0));
    CHECK_THROWS_AS(thetaFromExcess(-0.1, ThetaMap::Linear, 1.0), std::invalid_argument);
    CHECK_THROWS_AS(thetaFromExcess(0.1, ThetaMap::Linear, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(thetaFromExcess(NAN, ThetaMap::Linear, 1.0), std::invalid_argument);
}

TEST_CASE("cloze: Theorem 3 bound and named c_map values", "[cloze]") {
    CHECK_THAT(clozeErrorBound(0.125), WithinRel(0.5, 1e-15));
    CHECK(clozeErrorBound(0.0) == 0.0);
    CHECK_THROWS_AS(clozeErrorBound(-1.0), std::invalid_argument);
    const auto presets = cmapPresets();
    REQUIRE(presets.size() == 4);
    CHECK(presets[0].value == 1.0);
    CHECK(presets[1].value == 1.1);
    CHECK(presets[2].value == 2.0);
    CHECK(presets[3].value == 2.2);
    for (const auto& p : presets) CHECK_FALSE(p.label.empty());
}

TEST_CASE("cloze: map names read back, anything else is refused", "[cloze]") {
    for (ThetaMap m : {ThetaMap::Linear, ThetaMap::Pinsker}) CHECK(thetaMapFromName(thetaMapName(m)) == m);
    CHECK_FALSE(thetaMapFromName("Linear").has_value());
    CHECK_FALSE(thetaMapFromName("").has_value());
}
