#include "core/graph/gram_matrix.h"
#include "core/graph/skill_graph.h"
#include "simulation_fixtures.h"

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace slingshot;
using slingshot::testing::sampleInto;

TEST_CASE("gram matrix: one pass over the pieces gives B B^T exactly, and its centred form", "[gram_matrix]") {
    SkillGraph g;
    sampleInto(g, 40, 3000, 6, SkillMeasure::uniform(40), 3);
    Eigen::MatrixXd b = Eigen::MatrixXd::Zero(40, 3000);
    for (uint64_t t = 0; t < g.n2; ++t)
        for (uint32_t j = 0; j < g.k; ++j) b(g.slot(t, j), Eigen::Index(t)) += 1;
    GramMatrix gram(40);
    // In three uneven blocks, as a job slices it.
    g.withSlots([&](const auto* slots) {
        gram.addPieces(slots, g.k, 0, 7);
        gram.addPieces(slots, g.k, 7, 2000);
        gram.addPieces(slots, g.k, 2000, 3000);
    });
    gram.finish();
    const Eigen::MatrixXd bbt = b * b.transpose();
    CHECK((gram.matrix() - bbt).cwiseAbs().maxCoeff() == 0);  // integers: exact
    std::vector<double> x(40), y(40);
    for (int i = 0; i < 40; ++i) x[size_t(i)] = std::sin(i + 1.0);
    gram.multiplyRows(x.data(), y.data(), 0, 25);
    gram.multiplyRows(x.data(), y.data(), 25, 40);
    const Eigen::VectorXd expect = bbt * Eigen::Map<Eigen::VectorXd>(x.data(), 40);
    for (int i = 0; i < 40; ++i) CHECK(y[size_t(i)] == Approx(expect[i]).epsilon(1e-14));

    const Eigen::VectorXd deg = b.rowwise().sum();
    const double error = gram.centre(g.degree.data(), g.n2);
    const Eigen::MatrixXd cct = bbt - deg * deg.transpose() / 3000.0;
    CHECK((gram.matrix() - cct).cwiseAbs().maxCoeff() <= error);
    CHECK(error < 1e-9);
    CHECK((gram.matrix() * Eigen::VectorXd::Ones(40)).cwiseAbs().maxCoeff() < 1e-6);  // C^T 1 = 0
}

TEST_CASE("eigenvalue bound proof: holds just above the top eigenvalue, fails just below", "[gram_matrix]") {
    // A = Q diag(lambda) Q^T with known eigenvalues, Q from a QR of a fixed matrix; 150 x 150 so the
    // factorisation runs in several column blocks.
    const int n = 150;
    Eigen::MatrixXd m(n, n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) m(i, j) = std::sin(1.0 + i * 7.0 + j * 3.0);
    const Eigen::MatrixXd q = Eigen::HouseholderQR<Eigen::MatrixXd>(m).householderQ();
    Eigen::VectorXd lambda(n);
    for (int i = 0; i < n; ++i) lambda[i] = 1000.0 * (i + 1) / n;  // top 1000, simple
    const Eigen::MatrixXd a = q * lambda.asDiagonal() * q.transpose();
    const auto run = [&](double mu) {
        EigenvalueBoundProof proof(a, mu, 0);
        int steps = 0;
        while (proof.step()) ++steps;
        CHECK(proof.finished());
        return proof.proved();
    };
    CHECK(run(1000 * (1 + 1e-9)));
    CHECK(run(2000));
    CHECK_FALSE(run(1000 * (1 - 1e-9)));
    CHECK_FALSE(run(999));
    CHECK_FALSE(run(0));
    EigenvalueBoundProof blocks(a, 2000, 0);
    CHECK(blocks.blocks() == 10);  // 9 x 16 + 6 columns
    // The margin for rounding: a bound on entry errors shifts the proof up by n times it.
    CHECK_FALSE([&] {
        EigenvalueBoundProof p(a, 1000 * (1 + 1e-9), 1e-6);  // 150 x 1e-6 = 1.5e-4 > 1e-6
        while (p.step()) {
        }
        return p.proved();
    }());
}
