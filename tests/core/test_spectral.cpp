#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "simulation_fixtures.h"

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace slingshot;
using slingshot::testing::runSpectral;
using slingshot::testing::sampleInto;

namespace {

Eigen::MatrixXd denseBiadjacency(const SkillGraph& g) {
    Eigen::MatrixXd b = Eigen::MatrixXd::Zero(g.n1, Eigen::Index(g.n2));
    for (uint64_t t = 0; t < g.n2; ++t)
        for (uint32_t j = 0; j < g.k; ++j) b(g.slot(t, j), Eigen::Index(t)) += 1;
    return b;
}

}  // namespace

TEST_CASE("spectral: singular values match a dense SVD on small graphs", "[spectral]") {
    for (auto [n1, n2, k, seed] : {std::tuple{30u, 300ull, 4u, 1ull}, std::tuple{50u, 400ull, 8u, 2ull},
                                   std::tuple{4u, 10ull, 3u, 3ull}, std::tuple{64u, 2000ull, 2u, 4ull}}) {
        SkillGraph g;
        sampleInto(g, n1, n2, k, SkillMeasure::uniform(n1), seed);
        const Eigen::MatrixXd b = denseBiadjacency(g);
        Eigen::JacobiSVD<Eigen::MatrixXd> svd(b);
        Eigen::VectorXd deg = b.rowwise().sum();
        const Eigen::MatrixXd centred = b - deg * Eigen::RowVectorXd::Ones(b.cols()) / double(n2);
        Eigen::JacobiSVD<Eigen::MatrixXd> svd_c(centred);
        for (SpectralMethod method : {SpectralMethod::Slots, SpectralMethod::Gram}) {
            SpectralParams p;
            p.method = method;
            const SpectralResult r = runSpectral(g, p);
            INFO("n1 " << n1 << " n2 " << n2 << " k " << k << " " << spectralMethodName(method));
            CHECK(r.method == method);
            CHECK(r.sigma1 == Approx(svd.singularValues()[0]).epsilon(1e-9));
            CHECK(r.sigma2 == Approx(svd.singularValues()[1]).epsilon(1e-6));
            CHECK(r.sigma_centred == Approx(svd_c.singularValues()[0]).epsilon(1e-9));
            CHECK(r.sigma_centred_upper >= svd_c.singularValues()[0]);
            if (method == SpectralMethod::Slots) {
                // Small dimensions: Lanczos spans the whole space, so the values are exact.
                CHECK(r.centred.exact);
                CHECK(r.centred.eps == 0);
            } else {
                // Proved by Cholesky, within a relative 1e-8 of the dense SVD's norm.
                CHECK(r.start_failure_probability == 0);
                CHECK(r.proof_attempts >= 1);
                CHECK(r.sigma_centred_upper <= svd_c.singularValues()[0] * (1 + 1e-8));
            }
            // Interlacing: sigma2(B) <= ||C|| <= sigma1(B).
            CHECK(r.sigma2 <= r.sigma_centred * (1 + 1e-9));
            CHECK(r.sigma_centred <= r.sigma1 * (1 + 1e-9));
        }
    }
}

TEST_CASE("spectral: probabilistic bound on a larger graph, and the Lanczos budget", "[spectral]") {
    SkillGraph g;
    sampleInto(g, 400, 20000, 8, SkillMeasure::uniform(400), 7);
    const Eigen::MatrixXd b = denseBiadjacency(g);
    Eigen::VectorXd deg = b.rowwise().sum();
    const Eigen::MatrixXd c = b - deg * Eigen::RowVectorXd::Ones(b.cols()) / 20000.0;
    const Eigen::MatrixXd cct = c * c.transpose();
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es(cct, Eigen::EigenvaluesOnly);
    const double truth = std::sqrt(es.eigenvalues()[399]);
    SpectralParams p;
    p.method = SpectralMethod::Slots;
    p.max_iterations = 150;  // below the dimension: the bound is probabilistic here
    const SpectralResult r = runSpectral(g, p);
    CHECK_FALSE(r.centred.exact);
    CHECK(r.centred.iterations == std::min<uint32_t>(150, lanczosProductsFor(400, 0.01, 1e-6)));
    CHECK(r.centred.eps <= 0.01 + 1e-12);
    CHECK(r.sigma_centred <= truth * (1 + 1e-12));
    CHECK(r.sigma_centred == Approx(truth).epsilon(1e-3));
    CHECK(r.sigma_centred_upper >= truth);
    CHECK(r.sigma_centred_upper <= truth * 1.01);
    // Mean degree 400 and N1/N2 = 0.02: the bulk edge of C C^T is near dbar (1 + sqrt(N1/N2))^2, and
    // sigma1^2 is near k dbar (B B^T 1 = k deg).
    CHECK(r.sigma_centred * r.sigma_centred == Approx(400 * std::pow(1 + std::sqrt(0.02), 2)).epsilon(0.05));
    CHECK(r.sigma1 == Approx(std::sqrt(8.0 * 400)).epsilon(0.02));

    // The Gram method on the same graph: a proved bound inside the slot method's interval
    // [Ritz value, probabilistic upper bound], and within 1e-8 of the dense eigensolver's value.
    SpectralParams gp;
    gp.method = SpectralMethod::Gram;
    const SpectralResult gram = runSpectral(g, gp);
    CHECK(gram.method == SpectralMethod::Gram);
    CHECK(gram.sigma_centred_upper >= truth);
    CHECK(gram.sigma_centred_upper <= truth * (1 + 1e-8));
    CHECK(gram.sigma_centred_upper >= r.sigma_centred);
    CHECK(gram.sigma_centred_upper <= r.sigma_centred_upper);
    CHECK(gram.sigma1 == Approx(r.sigma1).epsilon(1e-9));
    CHECK(gram.centred.eps < 1e-8);
    // Auto picks Gram at this size, and the slot method when told to or above kGramMaxSkills.
    CHECK(spectralMethodFor({}, 400) == SpectralMethod::Gram);
    CHECK(spectralMethodFor({}, kGramMaxSkills + 1) == SpectralMethod::Slots);
    CHECK(spectralMethodFor(p, 400) == SpectralMethod::Slots);
    SpectralParams tight;
    tight.memory_budget_bytes =
        3e6;  // a 0.3 MB Lanczos basis fits; two 400 x 400 matrices and a full basis (3.9 MB) do not
    CHECK(spectralMethodFor(tight, 400) == SpectralMethod::Slots);
    for (SpectralMethod m : {SpectralMethod::Auto, SpectralMethod::Slots, SpectralMethod::Gram})
        CHECK(spectralMethodFromName(spectralMethodName(m)) == m);
    CHECK_FALSE(spectralMethodFromName("dense"));
}

TEST_CASE("spectral: eps formula, validation, memory budget, slicing", "[spectral]") {
    CHECK(lanczosEps(1e4, 1, 1e-6) == 1.0);
    const uint32_t q = lanczosProductsFor(1e4, 0.01, 1e-6);
    CHECK(lanczosEps(1e4, q, 1e-6) <= 0.01);
    CHECK(lanczosEps(1e4, q - 1, 1e-6) > 0.01);
    // 1.648 sqrt(n) exp(-sqrt(eps) (2(q-1) - 1)) = delta at the returned eps.
    const double eps = lanczosEps(1e4, 120, 1e-6);
    CHECK(1.648 * 100 * std::exp(-std::sqrt(eps) * (2 * 119 - 1)) == Approx(1e-6).epsilon(1e-9));

    SkillGraph g;
    sampleInto(g, 100, 2000, 4, SkillMeasure::uniform(100), 1);
    SpectralParams bad;
    bad.start_failure_probability = 0;
    CHECK_THROWS_AS(SpectralJob(g, bad), std::invalid_argument);
    bad = {};
    bad.max_iterations = 1;
    CHECK_THROWS_AS(SpectralJob(g, bad), std::invalid_argument);
    bad = {};
    bad.memory_budget_bytes = 1000;
    CHECK_THROWS_AS(SpectralJob(g, bad), MemoryBudgetError);

    // Sliced in small steps the result is the same as in one go.
    SpectralJob sliced(g, {});
    int steps = 0;
    double last_progress = 0;
    while (sliced.step(1)) {
        ++steps;
        CHECK(sliced.progress() >= last_progress);
        last_progress = sliced.progress();
    }
    REQUIRE(sliced.state() == JobState::Done);
    CHECK(steps > 10);
    const SpectralResult whole = runSpectral(g);
    CHECK(sliced.result().sigma_centred == whole.sigma_centred);
    CHECK(sliced.result().sigma2 == whole.sigma2);
    SpectralJob cancelled(g, {});
    cancelled.step(1);
    cancelled.cancel();
    CHECK(cancelled.state() == JobState::Cancelled);
}

TEST_CASE("mixing lemma: exhaustive check on a tiny graph", "[spectral]") {
    for (uint64_t seed : {1, 2, 3, 4, 5}) {
        SkillGraph g;
        sampleInto(g, 4, 10, 3, SkillMeasure::uniform(4), seed);
        const double sigma = runSpectral(g).sigma_centred_upper;
        double worst = 0;
        for (uint32_t xm = 1; xm < 16; ++xm) {
            for (uint32_t ym = 1; ym < 1024; ++ym) {
                double e = 0, degx = 0;
                for (uint32_t s = 0; s < 4; ++s)
                    if (xm >> s & 1) degx += g.degree[s];
                for (uint64_t t = 0; t < 10; ++t)
                    if (ym >> t & 1)
                        for (uint32_t j = 0; j < 3; ++j) e += (xm >> g.slot(t, j)) & 1;
                const double x = __builtin_popcount(xm), y = __builtin_popcount(ym);
                worst = std::max(worst, std::fabs(e - degx * y / 10.0) / std::sqrt(x * y));
            }
        }
        CHECK(worst <= sigma);
    }
}
