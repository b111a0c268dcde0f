#include "core/base/rng.h"
#include "core/theory/scaling_fit.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace slingshot;

namespace {

// Points of a law on a log grid of N x D (N in [1e7, 1e10], D in [1e9, 1e12]) with lognormal noise.
std::vector<ScalingPoint> synthetic(const ScalingLaw& law, int n_side, double noise_sd, uint64_t seed) {
    Rng rng(seed, RngStream::Test);
    std::vector<ScalingPoint> pts;
    for (int i = 0; i < n_side; ++i) {
        for (int j = 0; j < n_side; ++j) {
            const double n = std::pow(10.0, 7 + 3.0 * i / (n_side - 1));
            const double d = std::pow(10.0, 9 + 3.0 * j / (n_side - 1));
            // Box-Muller normal noise on log L.
            const double u1 = 1 - rng.uniform01(), u2 = rng.uniform01();
            const double z = std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
            pts.push_back({n, d, loss(law, n, d) * std::exp(noise_sd * z)});
        }
    }
    return pts;
}

}  // namespace

TEST_CASE("scaling fit: recovers the Hoffmann constants from exact points", "[scaling_fit]") {
    const ScalingLaw truth = hoffmann2022();
    const ScalingFit fit = fitScalingLaw(synthetic(truth, 10, 0.0, 1));
    CHECK(fit.law.name == "fit");
    CHECK(fit.n_points == 100);
    CHECK(fit.law.E == Approx(truth.E).epsilon(1e-4));
    CHECK(fit.law.A == Approx(truth.A).epsilon(1e-3));
    CHECK(fit.law.B == Approx(truth.B).epsilon(1e-3));
    CHECK(fit.law.a == Approx(truth.a).epsilon(1e-4));
    CHECK(fit.law.b == Approx(truth.b).epsilon(1e-4));
    CHECK(fit.max_abs_log_residual < 1e-6);
    CHECK_NOTHROW(validateScalingLaw(fit.law));
}

TEST_CASE("scaling fit: noisy points, within a few standard errors", "[scaling_fit]") {
    // 100 points, 1% lognormal noise. Tolerance: exponents within 0.03 absolute, E within 5%, and
    // each constant within 4 of its standard errors; the fitted law predicts the truth within 1%.
    for (uint64_t seed : {1, 2, 3}) {
        for (const ScalingLaw& truth : {hoffmann2022(), besiroglu2024()}) {
            const ScalingFit fit = fitScalingLaw(synthetic(truth, 10, 0.01, seed));
            INFO("seed " << seed << " law " << truth.name << " E " << fit.law.E << " A " << fit.law.A << " B "
                         << fit.law.B << " a " << fit.law.a << " b " << fit.law.b);
            CHECK(std::fabs(fit.law.a - truth.a) < 0.03);
            CHECK(std::fabs(fit.law.b - truth.b) < 0.03);
            CHECK(fit.law.E == Approx(truth.E).epsilon(0.05));
            CHECK(std::fabs(fit.law.E - truth.E) < 4 * fit.se.E);
            CHECK(std::fabs(fit.law.a - truth.a) < 4 * fit.se.a);
            CHECK(std::fabs(fit.law.b - truth.b) < 4 * fit.se.b);
            CHECK(std::fabs(std::log(fit.law.A / truth.A)) < 4 * fit.se.A / fit.law.A);
            for (double n : {1e8, 1e9, 1e10})
                CHECK(loss(fit.law, n, 20 * n) == Approx(loss(truth, n, 20 * n)).epsilon(0.01));
            CHECK(fit.rms_log_residual == Approx(0.01).epsilon(0.3));
            CHECK(fit.huber_loss > 0);
            CHECK(fit.lm_runs == 16);
        }
    }
}

TEST_CASE("scaling fit: refuses degenerate input with a message", "[scaling_fit]") {
    const auto pts = synthetic(hoffmann2022(), 3, 0.0, 1);  // 9 points
    const auto message = [](const std::vector<ScalingPoint>& p) {
        try {
            fitScalingLaw(p);
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(message({pts.begin(), pts.begin() + 5}).find("at least 6") != std::string::npos);
    auto same_n = pts;
    for (auto& p : same_n) p.n_params = 1e9;
    CHECK(message(same_n).find("same N") != std::string::npos);
    auto same_d = pts;
    for (auto& p : same_d) p.d_tokens = 1e11;
    CHECK(message(same_d).find("same D") != std::string::npos);
    auto negative = pts;
    negative[3].loss = -1;
    CHECK(message(negative).find("point 4") != std::string::npos);
    auto infinite = pts;
    infinite[0].d_tokens = INFINITY;
    CHECK(message(infinite).find("point 1") != std::string::npos);
    auto nan = pts;
    nan[8].n_params = NAN;
    CHECK(message(nan).find("point 9") != std::string::npos);
    CHECK(message(pts) == "accepted");
}

TEST_CASE("scaling fit bootstrap: exact points give the fit itself, and a seed gives the same replicas",
          "[scaling_fit]") {
    const ScalingLaw truth = hoffmann2022();
    const auto exact = synthetic(truth, 5, 0.0, 1);
    const ScalingFit fit = fitScalingLaw(exact);
    for (const ScalingLaw& law : bootstrapScalingFit(exact, fit, 5, 1)) {
        CHECK(law.a == Approx(fit.law.a).epsilon(1e-6));
        CHECK(law.b == Approx(fit.law.b).epsilon(1e-6));
        CHECK(law.E == Approx(fit.law.E).epsilon(1e-6));
    }
    const auto noisy = synthetic(truth, 5, 0.01, 2);
    const ScalingFit noisy_fit = fitScalingLaw(noisy);
    const auto one = bootstrapScalingFit(noisy, noisy_fit, 20, 7), again = bootstrapScalingFit(noisy, noisy_fit, 20, 7),
               other = bootstrapScalingFit(noisy, noisy_fit, 20, 8);
    REQUIRE(one.size() == 20);
    bool differs = false;
    for (size_t j = 0; j < one.size(); ++j) {
        CHECK(one[j].a == again[j].a);
        CHECK(one[j].B == again[j].B);
        differs = differs || one[j].a != other[j].a;
    }
    CHECK(differs);
}

TEST_CASE("scaling fit bootstrap: the replicas' spread of the exponents matches their sampling spread",
          "[scaling_fit]") {
    // 40 data sets of 25 points with 1% noise: the standard deviation of the fitted exponent a across
    // data sets (its true sampling spread) against the median over data sets of the bootstrap's
    // standard deviation. A bootstrap that spreads as new data would agrees within a factor 1.6 (the
    // first spread is itself estimated from 40 values, about +-11%).
    const ScalingLaw truth = hoffmann2022();
    std::vector<double> fitted_a, boot_sd;
    for (uint64_t s = 1; s <= 40; ++s) {
        const auto pts = synthetic(truth, 5, 0.01, 100 + s);
        const ScalingFit fit = fitScalingLaw(pts);
        fitted_a.push_back(fit.law.a);
        double sum = 0, sum2 = 0;
        const auto laws = bootstrapScalingFit(pts, fit, 60, s);
        for (const ScalingLaw& law : laws) {
            sum += law.a;
            sum2 += law.a * law.a;
        }
        const double mean = sum / double(laws.size());
        boot_sd.push_back(std::sqrt(sum2 / double(laws.size()) - mean * mean));
    }
    double sum = 0, sum2 = 0;
    for (double a : fitted_a) {
        sum += a;
        sum2 += a * a;
    }
    const double mean = sum / double(fitted_a.size());
    const double sampling_sd = std::sqrt((sum2 - double(fitted_a.size()) * mean * mean) / double(fitted_a.size() - 1));
    std::nth_element(boot_sd.begin(), boot_sd.begin() + 20, boot_sd.end());
    const double median_boot = boot_sd[20];
    INFO("sampling sd of a " << sampling_sd << ", median bootstrap sd " << median_boot);
    CHECK(median_boot > sampling_sd / 1.6);
    CHECK(median_boot < sampling_sd * 1.6);
}

TEST_CASE("scaling fit bootstrap: refuses too few points and a law that is not finite", "[scaling_fit]") {
    const auto pts = synthetic(hoffmann2022(), 3, 0.01, 1);
    const ScalingFit fit = fitScalingLaw(pts);
    CHECK_THROWS_WITH(bootstrapScalingFit({pts.begin(), pts.begin() + 3}, fit, 5, 1), Catch::Contains("at least 6"));
    ScalingFit infinite = fit;
    infinite.law.A = std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(bootstrapScalingFit(pts, infinite, 5, 1), Catch::Contains("finite constants"));
    // E underflowed to 0: the replicas start from the same losses and stay near the fit.
    ScalingFit no_entropy = fit;
    no_entropy.law.E = 0;
    for (const ScalingLaw& law : bootstrapScalingFit(pts, no_entropy, 3, 1)) CHECK(std::isfinite(law.a));
}
