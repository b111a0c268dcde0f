// The mixing-lemma certificate of one sampled graph (src/core/graph/spectral_certificate): never
// below the exhaustive worst case, above the simulated adversary, its closed form and its edges.
#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

using namespace slingshot;
using slingshot::testing::bruteForceWorst;
using slingshot::testing::runSpectral;
using slingshot::testing::sampleInto;

TEST_CASE("certificate: never below the brute-force worst case on tiny graphs", "[spectral_certificate]") {
    for (uint64_t seed : {1, 2, 3, 4, 5, 6}) {
        for (uint32_t k : {2u, 3u}) {
            SkillGraph g;
            sampleInto(g, 4, 10, k, SkillMeasure::uniform(4), seed);
            const MixingCertifier cert(g, runSpectral(g).sigma_centred_upper);
            for (double theta : {0.1, 0.2, 0.3, 0.5}) {
                for (double c : {0.2, 0.4, 0.5, 0.6, 0.8}) {
                    const MixingCertificate r = cert.certify(theta, c);
                    const uint64_t worst = bruteForceWorst(g, r.failed_pieces, c);
                    INFO("seed " << seed << " k " << k << " theta " << theta << " c " << c);
                    CHECK(r.max_skills >= worst);
                    CHECK(r.frac_min_degree >= r.frac - 1e-12);
                }
            }
        }
    }
}

TEST_CASE("certificate: holds for the simulated adversary on a larger graph", "[spectral_certificate]") {
    for (auto [theta, c] : {std::pair{0.05, 0.5}, std::pair{0.05, 0.8}, std::pair{0.1, 0.6}, std::pair{0.02, 0.9}}) {
        SimulationParams p;
        p.n1 = 200;
        p.n2 = 20000;
        p.k = 8;
        p.theta = theta;
        p.c = c;
        p.failure = FailureMode::Adversarial;
        p.seed = 11;
        SimulationJob sim(p);
        sim.runToEnd();
        REQUIRE(sim.state() == JobState::Done);
        SpectralJob spectral(sim.graph(), {});
        spectral.runToEnd();
        REQUIRE(spectral.state() == JobState::Done);
        const MixingCertificate r =
            MixingCertifier(sim.graph(), spectral.result().sigma_centred_upper).certify(theta, c);
        INFO("theta " << theta << " c " << c << " certified " << r.frac << " adversary "
                      << sim.result().skills.fracAtMostC());
        CHECK(r.max_skills >= sim.result().skills.at_most_c);
        CHECK(r.frac >= sim.result().skills.fracAtMostC());
    }
}

TEST_CASE("certificate: edges, curve and closed form", "[spectral_certificate]") {
    SkillGraph g;
    sampleInto(g, 200, 20000, 8, SkillMeasure::uniform(200), 3);
    const MixingCertifier cert(g, 30.0);
    CHECK(cert.certify(0.1, 0.95).limit == "none");  // tau <= theta: nothing to certify
    CHECK(cert.certify(0.1, 0.95).frac == 1.0);
    CHECK(cert.certify(0.0, 0.5).max_skills == 0);  // no failed pieces, no failing skill
    const MixingCertificate r = cert.certify(0.05, 0.5);
    CHECK(r.failed_pieces == 1000);
    CHECK(r.counted + r.isolated == 200);
    CHECK(r.limit == "mixing");
    // The closed form with d_min: x <= sigma^2 m / ((tau - theta) d_min)^2.
    const double closed = 900.0 * 1000 / std::pow(0.45 * r.min_degree, 2) / 200;
    CHECK(r.frac_min_degree == Approx(std::min(1.0, closed)));
    CHECK(r.frac <= r.frac_min_degree + 1.0 / 200);
    const auto curve = cert.curve(0.05, 20);
    REQUIRE(curve.size() == 20);
    for (size_t i = 1; i < curve.size(); ++i) CHECK(curve[i].frac <= curve[i - 1].frac + 1e-12);
    CHECK_THROWS_AS(cert.certify(1.5, 0.5), std::invalid_argument);
    CHECK_THROWS_AS(MixingCertifier(g, -1), std::invalid_argument);
}
