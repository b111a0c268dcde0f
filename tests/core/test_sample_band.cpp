#include "core/base/sample_band.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace slingshot;

TEST_CASE("empirical quantile is the value of rank ceil(q R)", "[base][band]") {
    const std::vector<double> v = {1, 2, 3, 4, 5, 6, 7, 8};  // R = 8
    CHECK(empiricalQuantile(v, 0.0) == 1);
    CHECK(empiricalQuantile(v, 0.05) == 1);   // ceil(0.4) = 1
    CHECK(empiricalQuantile(v, 0.125) == 1);  // exactly rank 1
    CHECK(empiricalQuantile(v, 0.13) == 2);
    CHECK(empiricalQuantile(v, 0.25) == 2);  // 0.25 * 8 = 2 despite rounding
    CHECK(empiricalQuantile(v, 0.5) == 4);
    CHECK(empiricalQuantile(v, 0.95) == 8);  // ceil(7.6)
    CHECK(empiricalQuantile(v, 1.0) == 8);
    CHECK_THROWS_AS(empiricalQuantile(std::vector<double>{}, 0.5), std::invalid_argument);
}

TEST_CASE("a band of one value is that value everywhere", "[base][band]") {
    const SampleBand b = sampleBand(std::vector<double>{0.375});
    CHECK(b.count == 1);
    CHECK(b.min == 0.375);
    CHECK(b.max == 0.375);
    CHECK(b.lo == 0.375);
    CHECK(b.hi == 0.375);
    CHECK(b.median == 0.375);
    CHECK(b.mean == 0.375);
}

TEST_CASE("a 90 percent band drops the highest of 20 values and both ends of 21", "[base][band]") {
    std::vector<double> v;
    for (int i = 20; i >= 1; --i) v.push_back(i * 0.5);  // unsorted on purpose: 10, 9.5, ..., 0.5
    const SampleBand b = sampleBand(v, 0.9);
    CHECK(b.min == 0.5);
    CHECK(b.max == 10);
    CHECK(b.lo == 0.5);    // rank ceil(0.05 * 20) = 1
    CHECK(b.hi == 9.5);    // rank ceil(0.95 * 20) = 19
    CHECK(b.median == 5);  // rank 10
    CHECK(b.mean == Approx(5.25).epsilon(1e-15));
    v.push_back(10.5);
    const SampleBand c = sampleBand(v, 0.9);
    CHECK(c.lo == 1.0);   // rank ceil(1.05) = 2
    CHECK(c.hi == 10.0);  // rank ceil(19.95) = 20 of 21
}

TEST_CASE("below 20 values the 90 percent band is the whole range", "[base][band]") {
    for (size_t r = 1; r < 20; ++r) {
        std::vector<double> v;
        for (size_t i = 0; i < r; ++i) v.push_back(std::sin(double(i) + 1.0));
        const SampleBand b = sampleBand(v);
        CHECK(b.lo == b.min);
        CHECK(b.hi == b.max);
        for (double x : v) {
            CHECK(x >= b.min);
            CHECK(x <= b.max);
        }
    }
}

TEST_CASE("bands refuse no values, NaN and a level outside (0, 1)", "[base][band]") {
    CHECK_THROWS_AS(sampleBand(std::vector<double>{}), std::invalid_argument);
    CHECK_THROWS_AS(sampleBand(std::vector<double>{1, std::nan("")}), std::invalid_argument);
    CHECK_THROWS_AS(sampleBand(std::vector<double>{1, 2}, 0.0), std::invalid_argument);
    CHECK_THROWS_AS(sampleBand(std::vector<double>{1, 2}, 1.0), std::invalid_argument);
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(sampleBand(std::vector<double>{1, inf}).max == inf);  // unreached thresholds sort last
}

TEST_CASE("pointwise bands hold every run's value at every point", "[base][band]") {
    const std::vector<std::vector<double>> runs = {{0, 0.5, 1}, {0.1, 0.4, 1}, {0.2, 0.6, 0.9}};
    const std::vector<SampleBand> bands = pointwiseBands(runs);
    REQUIRE(bands.size() == 3);
    CHECK(bands[0].min == 0);
    CHECK(bands[0].max == 0.2);
    CHECK(bands[1].median == 0.5);
    CHECK(bands[2].min == 0.9);
    for (const auto& run : runs)
        for (size_t j = 0; j < run.size(); ++j) {
            CHECK(run[j] >= bands[j].min);
            CHECK(run[j] <= bands[j].max);
        }
    CHECK_THROWS_AS(pointwiseBands({}), std::invalid_argument);
    CHECK_THROWS_AS(pointwiseBands({{1, 2}, {1}}), std::invalid_argument);
}
