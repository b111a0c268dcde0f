#include "core/graph/gram_matrix.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace slingshot {

GramMatrix::GramMatrix(uint32_t n1) : g_(Eigen::MatrixXd::Zero(n1, n1)) {}

void GramMatrix::finish() { g_.triangularView<Eigen::StrictlyLower>() = g_.transpose(); }

double GramMatrix::centre(const uint32_t* degree, uint64_t n2) {
    const Eigen::Index n = g_.rows();
    double largest = 0;
    for (Eigen::Index j = 0; j < n; ++j)
        for (Eigen::Index i = 0; i < n; ++i) {
            const double outer = double(degree[i]) * double(degree[j]) / double(n2);
            largest = std::max({largest, outer, g_(i, j)});
            g_(i, j) -= outer;
        }
    // Two roundings of the outer product and one of the difference, each at most u of the largest.
    return 3 * std::numeric_limits<double>::epsilon() / 2 * largest;
}

void GramMatrix::multiplyRows(const double* x, double* y, uint32_t first, uint32_t last) const {
    const Eigen::Index n = g_.rows();
    Eigen::Map<const Eigen::VectorXd> xv(x, n);
    Eigen::Map<Eigen::VectorXd> yv(y + first, Eigen::Index(last - first));
    yv.noalias() = g_.middleRows(first, Eigen::Index(last - first)) * xv;
}

EigenvalueBoundProof::EigenvalueBoundProof(const Eigen::MatrixXd& a, double mu, double entry_error) {
    const Eigen::Index n = a.rows();
    m_ = -a;
    m_.diagonal().array() += mu;
    const double u = std::numeric_limits<double>::epsilon() / 2;
    const double gamma = double(n + 1) * u / (1 - double(n + 1) * u);
    const double trace = std::max(0.0, m_.diagonal().sum());
    // Twice the proof's margin for the factorisation, and A's own entry errors (norm <= n max error).
    const double margin = 2 * gamma / (1 - 2 * gamma) * trace + double(n) * entry_error;
    m_.diagonal().array() -= margin;
}

bool EigenvalueBoundProof::step() {
    if (done_) return false;
    const Eigen::Index n = m_.rows();
    const Eigen::Index b = std::min<Eigen::Index>(kBlock, n - next_);
    const Eigen::Index rest = n - next_ - b;
    Eigen::LLT<Eigen::MatrixXd> diag(m_.block(next_, next_, b, b));
    if (diag.info() != Eigen::Success) {
        done_ = true;
        proved_ = false;
        return false;
    }
    if (rest > 0) {
        // Panel L21 = M21 L11^-T, then the trailing update M22 -= L21 L21^T (lower triangle).
        Eigen::MatrixXd panel = m_.block(next_ + b, next_, rest, b);
        diag.matrixU().solveInPlace<Eigen::OnTheRight>(panel);
        m_.block(next_ + b, next_ + b, rest, rest).selfadjointView<Eigen::Lower>().rankUpdate(panel, -1.0);
    }
    next_ += b;
    if (next_ >= n) {
        done_ = true;
        proved_ = true;
    }
    return !done_;
}

}  // namespace slingshot
