#include "core/base/memory_budget.h"
#include "core/graph/certificate.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"

#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <stdexcept>

using namespace slingshot;

TEST_CASE("certificate job: the same graph, sigma and certificate as its parts run by hand", "[certificate]") {
    CertificateParams p;
    p.n1 = 300;
    p.n2 = 6000;
    p.k = 5;
    p.seed = 11;
    p.spectral.seed = 11;
    p.measure.kind = MeasureSpec::Kind::Zipf;
    p.measure.zipf_s = 0.8;
    CertificateJob job(p);
    double last_progress = 0;
    bool saw_lanczos = false;
    while (job.runFor(0.05)) {
        CHECK(job.progress() >= last_progress);
        last_progress = job.progress();
        saw_lanczos = saw_lanczos || job.stageName().rfind("Lanczos", 0) == 0;
    }
    REQUIRE(job.state() == JobState::Done);
    CHECK(job.progress() == 1.0);
    CHECK(saw_lanczos);

    // Independently: sample, Lanczos, certifier.
    SkillGraph g;
    const SkillMeasure mu = SkillMeasure::zipf(300, 0.8);
    const uint64_t hash = testing::sampleInto(g, 300, 6000, 5, mu, 11);
    SpectralParams sp;
    sp.seed = 11;
    SpectralJob spectral(g, sp);
    spectral.runToEnd();
    REQUIRE(spectral.state() == JobState::Done);
    const CertificateResult& r = job.result();
    CHECK(r.slots_hash == hash);
    CHECK(r.spectral.sigma1 == spectral.result().sigma1);
    CHECK(r.spectral.sigma_centred_upper == spectral.result().sigma_centred_upper);
    const MixingCertifier by_hand(g, spectral.result().sigma_centred_upper);
    for (double c : {0.3, 0.6, 0.9}) {
        CHECK(r.certifier->certify(0.1, c).frac == by_hand.certify(0.1, c).frac);
        CHECK(r.certifier->certify(0.1, c).max_skills == by_hand.certify(0.1, c).max_skills);
    }
    // The graph of a simulation with the same shape and seed.
    SimulationParams sim;
    sim.n1 = 300;
    sim.n2 = 6000;
    sim.k = 5;
    sim.seed = 11;
    sim.measure = p.measure;
    SimulationJob s(sim);
    s.runToEnd();
    CHECK(s.result().slots_hash == r.slots_hash);
}

TEST_CASE("certificate job: bad shapes and the memory limit are refused before any work", "[certificate]") {
    CertificateParams p;
    p.n1 = 0;
    CHECK_THROWS_AS(CertificateJob(p), std::invalid_argument);
    p = CertificateParams{};
    p.k = 0;
    CHECK_THROWS_AS(CertificateJob(p), std::invalid_argument);
    p = CertificateParams{};
    p.memory_budget_bytes = 1e6;  // the default graph alone has 800k slots
    CHECK(estimateCertificateBytes(p) > 1e6);
    CHECK_THROWS_WITH(CertificateJob(p), Catch::Contains("the certificate (graph and Lanczos basis) needs"));
    p.memory_budget_bytes = estimateCertificateBytes(p);
    CHECK_NOTHROW(CertificateJob(p));
}
