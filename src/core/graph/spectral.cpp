#include "core/graph/spectral.h"

#include "core/base/rng.h"
#include "core/graph/gram_matrix.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace slingshot {

namespace {

constexpr double kKwConstant = 1.648;  // Kuczynski & Wozniakowski 1992, Thm 4.2(b)
// A new Lanczos direction this small against the operator's scale means the Krylov space is invariant.
constexpr double kBreakdownRel = 1e-12;

enum Run { kTop = 0, kDeflated = 1, kCentred = 2 };
// Cholesky attempts of the Gram method: the margin above the Ritz value grows tenfold each time; the
// last uses the trace, which a positive semidefinite matrix's top eigenvalue never exceeds.
constexpr int kProofAttempts = 12;
constexpr double kMinProofMargin = 1e-10;  // relative to the Ritz value
const char* const kRunNames[3] = {"sigma1", "sigma2 (deflated)", "centred norm"};

double dot(const std::vector<double>& a, const std::vector<double>& b) {
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
}

void removeComponent(std::vector<double>& v, const std::vector<double>& unit) {
    const double c = dot(v, unit);
    for (size_t i = 0; i < v.size(); ++i) v[i] -= c * unit[i];
}

void removeMean(std::vector<double>& v) {
    if (v.empty()) return;
    const double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
    for (double& x : v) x -= mean;
}

// Standard normal entries (Box-Muller), so the start vector is uniform on the sphere after scaling.
std::vector<double> gaussianVector(uint32_t n, uint64_t seed, uint64_t substream) {
    Rng rng(seed, RngStream::SpectralStart, substream);
    std::vector<double> v(n);
    const double two_pi = 6.283185307179586;
    for (uint32_t i = 0; i < n; i += 2) {
        const double u1 = 1.0 - rng.uniform01();  // (0, 1]: log is finite
        const double u2 = rng.uniform01();
        const double r = std::sqrt(-2.0 * std::log(u1));
        v[i] = r * std::cos(two_pi * u2);
        if (i + 1 < n) v[i + 1] = r * std::sin(two_pi * u2);
    }
    return v;
}

// z_t = sum of x over piece t's slots minus `shift`, then y[s] += z_t for each slot: y += B (B^T x - shift 1).
template <class Id>
void productBlock(const Id* slots, uint32_t k, uint64_t first, uint64_t last, const double* x, double shift,
                  double* y) {
    for (uint64_t t = first; t < last; ++t) {
        const Id* s = slots + t * k;
        double z = -shift;
        for (uint32_t j = 0; j < k; ++j) z += x[s[j]];
        for (uint32_t j = 0; j < k; ++j) y[s[j]] += z;
    }
}

struct TopPair {
    double value = 0;
    double residual = 0;
    Eigen::VectorXd vector;  // in the Lanczos basis
};

// Lanczos with full reorthogonalisation (two classical Gram-Schmidt passes), so the Ritz values
// behave as in exact arithmetic, which the probabilistic bound assumes.
class Lanczos {
public:
    void start(std::vector<double> v0, uint32_t planned, uint32_t dim, std::vector<double>& basis) {
        basis_ = &basis;
        n_ = v0.size();
        planned_ = std::min(planned, dim);
        alpha_.clear();
        beta_.clear();
        scale_ = 0;
        steps_ = 0;
        invariant_ = false;
        const double norm = std::sqrt(dot(v0, v0));
        if (planned_ == 0 || !(norm > 0)) {
            invariant_ = true;  // nothing to explore: the operator is zero on this space
            return;
        }
        for (size_t i = 0; i < n_; ++i) basis[i] = v0[i] / norm;
        dim_ = dim;
    }
    const double* current() const { return basis_->data() + size_t(steps_) * n_; }
    // w = Op(current()); extends the tridiagonal matrix by one step.
    void absorb(std::vector<double>& w) {
        std::vector<double>& V = *basis_;
        const double* v = current();
        const double a = std::inner_product(w.begin(), w.end(), v, 0.0);
        for (size_t i = 0; i < n_; ++i) w[i] -= a * v[i];
        if (steps_ > 0) {
            const double* prev = v - n_;
            for (size_t i = 0; i < n_; ++i) w[i] -= beta_.back() * prev[i];
        }
        for (int pass = 0; pass < 2; ++pass) {
            for (uint32_t j = 0; j <= steps_; ++j) {
                const double* q = V.data() + size_t(j) * n_;
                const double c = std::inner_product(w.begin(), w.end(), q, 0.0);
                for (size_t i = 0; i < n_; ++i) w[i] -= c * q[i];
            }
        }
        alpha_.push_back(a);
        const double b = std::sqrt(dot(w, w));
        scale_ = std::max({scale_, std::fabs(a), b});
        ++steps_;
        if (b <= kBreakdownRel * scale_ || steps_ >= dim_) {
            invariant_ = true;
            return;
        }
        beta_.push_back(b);
        if (steps_ < planned_) {
            double* next = V.data() + size_t(steps_) * n_;
            for (size_t i = 0; i < n_; ++i) next[i] = w[i] / b;
        }
    }
    bool finished() const { return invariant_ || steps_ >= planned_; }
    bool invariant() const { return invariant_; }
    uint32_t steps() const { return steps_; }

    TopPair top() const {
        TopPair p;
        if (steps_ == 0) return p;
        const Eigen::Index m = steps_;
        Eigen::VectorXd diag = Eigen::Map<const Eigen::VectorXd>(alpha_.data(), m);
        Eigen::VectorXd sub(m - 1);
        for (Eigen::Index i = 0; i + 1 < m; ++i) sub[i] = beta_[size_t(i)];
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> es;
        es.computeFromTridiagonal(diag, sub, Eigen::ComputeEigenvectors);
        p.value = es.eigenvalues()[m - 1];
        p.vector = es.eigenvectors().col(m - 1);
        // ||Op V y - theta V y|| = beta_m |y_m|; beta_m is 0 once the space is invariant.
        const double next_beta = invariant_ ? 0.0 : beta_.back();
        p.residual = next_beta * std::fabs(p.vector[m - 1]);
        return p;
    }
    // The Ritz vector V y in R^n (unit).
    std::vector<double> ritzVector(const Eigen::VectorXd& y) const {
        std::vector<double> u(n_, 0.0);
        for (uint32_t j = 0; j < steps_; ++j) {
            const double* q = basis_->data() + size_t(j) * n_;
            for (size_t i = 0; i < n_; ++i) u[i] += y[j] * q[i];
        }
        const double norm = std::sqrt(dot(u, u));
        if (norm > 0)
            for (double& x : u) x /= norm;
        return u;
    }

private:
    std::vector<double>* basis_ = nullptr;
    size_t n_ = 0;
    uint32_t planned_ = 0, dim_ = 0, steps_ = 0;
    std::vector<double> alpha_, beta_;
    double scale_ = 0;
    bool invariant_ = false;
};

}  // namespace

double lanczosEps(double n, uint32_t products, double delta) {
    // With q = products - 1 products beyond the start, the failure bound is C sqrt(n) exp(-sqrt(eps)(2q-1)).
    if (products < 2 || !(delta > 0) || !(n >= 1)) return 1.0;
    const double log_ratio = std::log(kKwConstant * std::sqrt(n) / delta);
    if (log_ratio <= 0) return 0.0;
    const double root = log_ratio / (2.0 * (products - 1) - 1.0);
    return std::min(1.0, root * root);
}

uint32_t lanczosProductsFor(double n, double eps, double delta) {
    if (!(eps > 0 && eps < 1) || !(delta > 0 && delta < 1) || !(n >= 1))
        throw std::invalid_argument("lanczosProductsFor: needs eps and delta in (0, 1) and n >= 1");
    const double log_ratio = std::max(0.0, std::log(kKwConstant * std::sqrt(n) / delta));
    const double needed = std::ceil((log_ratio / std::sqrt(eps) + 3.0) / 2.0);
    return static_cast<uint32_t>(std::min(needed, 1e9));
}

std::string_view spectralMethodName(SpectralMethod m) {
    switch (m) {
        case SpectralMethod::Slots: return "slots";
        case SpectralMethod::Gram: return "gram";
        case SpectralMethod::Auto: break;
    }
    return "auto";
}

std::optional<SpectralMethod> spectralMethodFromName(std::string_view name) {
    for (SpectralMethod m : {SpectralMethod::Auto, SpectralMethod::Slots, SpectralMethod::Gram})
        if (spectralMethodName(m) == name) return m;
    return std::nullopt;
}

namespace {

uint32_t plannedProducts(const SpectralParams& p, SpectralMethod method, uint32_t n1) {
    // Gram runs every Lanczos to its residual tolerance: the bound is proved, not drawn from a count.
    const uint32_t wanted =
        method == SpectralMethod::Gram ? n1 : lanczosProductsFor(double(n1), p.target_eps, p.start_failure_probability);
    return std::min({p.max_iterations, wanted, n1});
}

double methodBytes(const SpectralParams& p, SpectralMethod method, uint32_t n1) {
    const double basis = SpectralJob::workBytes(n1, plannedProducts(p, method, n1) + 2);
    // The matrix, then its centred form and the factorisation side by side.
    return method == SpectralMethod::Gram ? basis + 2 * GramMatrix::bytesFor(n1) : basis;
}

}  // namespace

SpectralMethod spectralMethodFor(const SpectralParams& p, uint32_t n1) {
    if (p.method != SpectralMethod::Auto) return p.method;
    const bool fits = methodBytes(p, SpectralMethod::Gram, n1) <= p.memory_budget_bytes;
    return n1 <= kGramMaxSkills && fits ? SpectralMethod::Gram : SpectralMethod::Slots;
}

double SpectralJob::bytesFor(const SpectralParams& p, uint32_t n1) {
    return methodBytes(p, spectralMethodFor(p, n1), n1);
}

double SpectralJob::workBytes(uint32_t n1, uint32_t iterations) {
    // Basis (iterations + 1 vectors), then x, y, w and u1.
    return 8.0 * double(n1) * (double(iterations) + 5.0);
}

struct SpectralJob::Impl {
    const SkillGraph& g;
    const SpectralParams& p;
    SpectralResult& out;
    uint32_t planned = 0;
    std::vector<double> basis, x, y, u1;
    double shift = 0;
    Lanczos lanczos;
    bool started[3] = {false, false, false};
    bool done[3] = {false, false, false};
    SpectralMethod method = SpectralMethod::Slots;
    std::unique_ptr<GramMatrix> gram;             // Gram: B B^T, then (after the Lanczos runs) C C^T
    std::unique_ptr<EigenvalueBoundProof> proof;  // the attempt under way
    double entry_error = 0;                       // bound on each entry's rounding in C C^T
    double proof_mu = 0;
    bool proved = false;

    Impl(const SkillGraph& graph, const SpectralParams& params, SpectralResult& result)
        : g(graph), p(params), out(result) {}

    uint32_t dimension(int run) const { return run == kTop ? g.n1 : g.n1 - 1; }

    void startRun(int run) {
        started[run] = true;
        basis.assign(size_t(planned + 1) * g.n1, 0.0);
        std::vector<double> v0 = gaussianVector(g.n1, p.seed, uint64_t(run));
        if (run == kDeflated) removeComponent(v0, u1);
        if (run == kCentred) removeMean(v0);
        lanczos.start(std::move(v0), planned, dimension(run), basis);
        if (lanczos.finished()) finishRun(run);
    }

    uint64_t beginProduct(int run) {
        if (!started[run]) startRun(run);
        if (done[run]) return 0;
        const double* v = lanczos.current();
        x.assign(v, v + g.n1);
        if (run == kDeflated) removeComponent(x, u1);
        shift = 0;
        if (run == kCentred) {
            double s = 0;
            for (uint32_t i = 0; i < g.n1; ++i) s += double(g.degree[i]) * x[i];
            shift = s / double(g.n2);
        }
        y.assign(g.n1, 0.0);
        return method == SpectralMethod::Gram ? g.n1 : g.n2;
    }

    void block(uint64_t first, uint64_t last) {
        if (method == SpectralMethod::Gram) {
            gram->multiplyRows(x.data(), y.data(), uint32_t(first), uint32_t(last));
            return;
        }
        g.withSlots([&](const auto* slots) { productBlock(slots, g.k, first, last, x.data(), shift, y.data()); });
    }

    // Gram: C C^T x = G x - deg (deg . x) / N2, the centring the slot pass applies inside each piece.
    void centreGramProduct() {
        for (uint32_t i = 0; i < g.n1; ++i) y[i] -= double(g.degree[i]) * shift;
    }

    uint64_t beginProof(int attempt) {
        if (proved || !done[kCentred]) return 0;
        if (attempt == 0) {
            entry_error = gram->centre(g.degree.data(), g.n2);
        }
        const double ritz = out.centred.ritz;
        const Eigen::MatrixXd& a = gram->matrix();
        if (attempt + 1 < kProofAttempts) {
            const double rel = std::max(kMinProofMargin, ritz > 0 ? out.centred.residual / ritz : 0.0);
            proof_mu = std::max(ritz, 0.0) * (1 + rel * std::pow(10.0, attempt));
            if (!(proof_mu > 0)) proof_mu = kMinProofMargin * std::max(1.0, a.diagonal().cwiseAbs().maxCoeff());
        } else {
            proof_mu = std::max(ritz, a.diagonal().sum()) * (1 + 1e-6);
        }
        proof = std::make_unique<EigenvalueBoundProof>(a, proof_mu, entry_error);
        ++out.proof_attempts;
        return proof->blocks();
    }

    void proofBlock(uint64_t first, uint64_t last) {
        for (uint64_t i = first; i < last; ++i) proof->step();
    }

    void endProof(int attempt) {
        if (!proof) return;
        proved = proof->finished() && proof->proved();
        proof.reset();
        if (proved || attempt + 1 == kProofAttempts) {
            const double ritz = out.centred.ritz;
            out.sigma_centred_upper = proved ? std::sqrt(proof_mu) : std::numeric_limits<double>::infinity();
            out.centred.eps = proved && ritz > 0 ? proof_mu / ritz - 1 : 1;
            gram.reset();
        }
    }

    void endProduct(int run) {
        if (done[run]) return;
        if (run == kDeflated) removeComponent(y, u1);
        if (run == kCentred && method == SpectralMethod::Gram) centreGramProduct();
        if (run == kCentred) removeMean(y);  // exact sums are 0; this removes rounding drift
        lanczos.absorb(y);
        bool stop = lanczos.finished();
        const uint32_t m = lanczos.steps();
        // Residual checks cost O(m^3); early steps every time, later every 8th.
        if (!stop && (run != kCentred || method == SpectralMethod::Gram) && (m <= 64 || m % 8 == 0)) {
            const TopPair t = lanczos.top();
            stop = t.residual <= p.residual_tol * std::max(t.value, 0.0);
        }
        if (stop) finishRun(run);
    }

    void finishRun(int run) {
        done[run] = true;
        const TopPair t = lanczos.top();
        LanczosSummary s;
        s.ritz = std::max(0.0, t.value);
        s.residual = t.residual;
        s.iterations = lanczos.steps();
        s.exact = lanczos.invariant();
        s.eps = s.exact                          ? 0.0
                : method == SpectralMethod::Gram ? 1.0  // until the proof
                                                 : lanczosEps(double(g.n1), s.iterations, p.start_failure_probability);
        const double sigma = std::sqrt(s.ritz);
        if (run == kTop) {
            out.top = s;
            out.sigma1 = sigma;
            u1 = lanczos.steps() ? lanczos.ritzVector(t.vector) : std::vector<double>(g.n1, 0.0);
        } else if (run == kDeflated) {
            out.deflated = s;
            out.sigma2 = sigma;
        } else {
            out.centred = s;
            out.sigma_centred = sigma;
            // Rounding in the products and the tridiagonal solve: a relative 1e-9 margin covers it.
            // Gram: the proof stages set the bound.
            if (method == SpectralMethod::Slots)
                out.sigma_centred_upper = s.eps < 1 ? std::sqrt(s.ritz / (1.0 - s.eps) * (1.0 + 1e-9))
                                                    : std::numeric_limits<double>::infinity();
            basis.clear();
            basis.shrink_to_fit();
        }
    }
};

SpectralJob::SpectralJob(const SkillGraph& graph, SpectralParams params) : p_(params) {
    if (!(p_.start_failure_probability > 0 && p_.start_failure_probability < 1))
        throw std::invalid_argument("start failure probability: must be in (0, 1)");
    if (!(p_.target_eps > 0 && p_.target_eps < 1)) throw std::invalid_argument("target eps: must be in (0, 1)");
    if (!(p_.residual_tol >= 0) || !std::isfinite(p_.residual_tol))
        throw std::invalid_argument("residual tolerance: must be a finite number >= 0");
    if (p_.max_iterations < 2 || p_.max_iterations > 100000)
        throw std::invalid_argument("max iterations: " + std::to_string(p_.max_iterations) +
                                    " is out of range; allowed: [2, 100000]");
    if (graph.n1 < 1 || graph.n2 < 1 || graph.k < 1) throw std::invalid_argument("spectral: empty skill graph");
    const SpectralMethod method = spectralMethodFor(p_, graph.n1);
    result_.method = method;
    result_.start_failure_probability = method == SpectralMethod::Gram ? 0.0 : p_.start_failure_probability;
    const uint32_t planned = plannedProducts(p_, method, graph.n1);
    requireWithinBudget(method == SpectralMethod::Gram ? "the spectral certificate (Gram matrix and Lanczos basis)"
                                                       : "the spectral certificate (Lanczos basis)",
                        methodBytes(p_, method, graph.n1), p_.memory_budget_bytes);

    impl_ = std::make_unique<Impl>(graph, p_, result_);
    impl_->planned = planned;
    impl_->method = method;
    const uint64_t pieces_per_block = std::max<uint64_t>(1, 4 * kJobBlockItems / graph.k);
    if (method == SpectralMethod::Gram) {
        JobStage form;
        form.name = "forming B B^T";
        form.weight = 4;
        form.block_items = std::max<uint64_t>(1, kJobBlockItems / graph.k);
        form.begin = [this] {
            impl_->gram = std::make_unique<GramMatrix>(impl_->g.n1);
            return impl_->g.n2;
        };
        form.block = [this](uint64_t first, uint64_t last) {
            impl_->g.withSlots([&](const auto* slots) { impl_->gram->addPieces(slots, impl_->g.k, first, last); });
        };
        form.end = [this] { impl_->gram->finish(); };
        addStage(std::move(form));
    }
    // A dense product is N1^2 multiply-adds: rows enough for about four blocks' worth of work.
    const uint64_t rows_per_block = std::max<uint64_t>(1, 4 * kJobBlockItems * 16 / std::max<uint32_t>(graph.n1, 1));
    for (int run : {kTop, kDeflated, kCentred}) {
        for (uint32_t step = 0; step < planned; ++step) {
            JobStage s;
            s.name = std::string("Lanczos: ") + kRunNames[run];
            s.weight = 1;
            s.block_items = method == SpectralMethod::Gram ? rows_per_block : pieces_per_block;
            s.begin = [this, run] { return impl_->beginProduct(run); };
            s.block = [this](uint64_t first, uint64_t last) { impl_->block(first, last); };
            s.end = [this, run] { impl_->endProduct(run); };
            addStage(std::move(s));
        }
    }
    if (method == SpectralMethod::Gram) {
        for (int attempt = 0; attempt < kProofAttempts; ++attempt) {
            JobStage s;
            s.name = "proving the bound (Cholesky)";
            s.weight = attempt == 0 ? 20 : 0;
            s.block_items = 1;
            s.begin = [this, attempt] { return impl_->beginProof(attempt); };
            s.block = [this](uint64_t first, uint64_t last) { impl_->proofBlock(first, last); };
            s.end = [this, attempt] { impl_->endProof(attempt); };
            addStage(std::move(s));
        }
    }
}

SpectralJob::~SpectralJob() = default;

}  // namespace slingshot
