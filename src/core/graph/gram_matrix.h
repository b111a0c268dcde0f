// The Gram matrix G = B B^T of a sampled skill graph (N1 x N1, dense): piece t adds 1 to G[s][s'] for
// every ordered pair of its k slots (multi-edges count, as in B), so one pass over the pieces forms
// it, and its entries are integers below 2^53: G is exact. Products with G (or with the centred
// C C^T = G - deg deg^T / N2) are dense matrix-vector products, and a Cholesky factorisation of
// mu I - A proves that A's largest eigenvalue is at most mu, with no failure probability.
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <vector>

namespace slingshot {

class GramMatrix {
public:
    explicit GramMatrix(uint32_t n1);
    static double bytesFor(uint32_t n1) { return 8.0 * double(n1) * double(n1); }

    // Adds pieces [first, last) of a slot array (k ids a piece) to the upper triangle.
    template <class Id>
    void addPieces(const Id* slots, uint32_t k, uint64_t first, uint64_t last) {
        for (uint64_t t = first; t < last; ++t) {
            const Id* s = slots + t * k;
            for (uint32_t i = 0; i < k; ++i)
                for (uint32_t j = 0; j < k; ++j)
                    if (s[i] <= s[j]) g_(s[i], s[j]) += 1;  // (j, i) adds to the lower triangle
        }
    }
    // Once every piece is added: the lower triangle from the upper.
    void finish();

    uint32_t size() const { return uint32_t(g_.rows()); }
    const Eigen::MatrixXd& matrix() const { return g_; }
    // G becomes C C^T = G - deg deg^T / n2 (deg: N1 skill degrees), each entry rounded once; returns a
    // bound on each entry's rounding error.
    double centre(const uint32_t* degree, uint64_t n2);
    // Rows [first, last) of y = G x (x and y of length N1).
    void multiplyRows(const double* x, double* y, uint32_t first, uint32_t last) const;

private:
    Eigen::MatrixXd g_;
};

// Proves lambda_max(A) <= mu for a symmetric A by a blocked Cholesky factorisation of mu I - A, run in
// slices of column blocks. A floating-point Cholesky that completes on (mu - margin) I - A proves
// mu I - A positive definite when the margin covers its rounding (Rump 2006, BIT 46, Cor. 2.4:
// margin >= gamma/(1 - 2 gamma) trace, gamma = (n+1)u/(1-(n+1)u)) and the rounding of A itself
// (`entry_error`, a bound on each entry's error, times n).
class EigenvalueBoundProof {
public:
    static constexpr uint32_t kBlock = 16;  // columns a step: a trailing update of N1^2 x 16 stays within a frame

    EigenvalueBoundProof(const Eigen::MatrixXd& a, double mu, double entry_error);
    // Factors the next column block; false once finished.
    bool step();
    bool finished() const { return done_; }
    // Meaningful once finished: true if the factorisation completed, so lambda_max(A) <= mu.
    bool proved() const { return proved_; }
    uint32_t blocks() const { return uint32_t((m_.rows() + kBlock - 1) / kBlock); }

private:
    Eigen::MatrixXd m_;
    Eigen::Index next_ = 0;
    bool done_ = false, proved_ = false;
};

}  // namespace slingshot
