#include "core/theory/scaling_fit.h"

#include "core/base/rng.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace slingshot {

namespace {

// Parameters in the LSE form: (e, alpha_0, beta_0, a, b) with E = e^e, A = e^alpha_0, B = e^beta_0.
using Params = Eigen::Matrix<double, 5, 1>;
constexpr int kE = 0, kA = 1, kB = 2, kExpA = 3, kExpB = 4;

struct Data {
    Eigen::VectorXd log_n, log_d, log_l;
};

double huber(double r, double delta) {
    const double a = std::fabs(r);
    return a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
}

// Residuals log L_pred - log L_obs and, if wanted, their Jacobian (softmax weights of the LSE terms).
void residuals(const Params& p, const Data& d, Eigen::VectorXd& r, Eigen::MatrixXd* jac) {
    const Eigen::Index n = d.log_n.size();
    r.resize(n);
    if (jac) jac->resize(n, 5);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double t0 = p[kE];
        const double t1 = p[kA] - p[kExpA] * d.log_n[i];
        const double t2 = p[kB] - p[kExpB] * d.log_d[i];
        const double top = std::max({t0, t1, t2});
        const double w0 = std::exp(t0 - top), w1 = std::exp(t1 - top), w2 = std::exp(t2 - top);
        const double sum = w0 + w1 + w2;
        r[i] = top + std::log(sum) - d.log_l[i];
        if (jac) {
            (*jac)(i, kE) = w0 / sum;
            (*jac)(i, kA) = w1 / sum;
            (*jac)(i, kB) = w2 / sum;
            (*jac)(i, kExpA) = -w1 / sum * d.log_n[i];
            (*jac)(i, kExpB) = -w2 / sum * d.log_d[i];
        }
    }
}

double objective(const Params& p, const Data& d, double delta) {
    Eigen::VectorXd r;
    residuals(p, d, r, nullptr);
    double f = 0;
    for (Eigen::Index i = 0; i < r.size(); ++i) f += huber(r[i], delta);
    return std::isfinite(f) ? f : std::numeric_limits<double>::infinity();
}

struct RunResult {
    Params p;
    double f;
    uint32_t iterations;
};

// Levenberg-Marquardt on the Huber objective written as a sum of squares: rho_i = sign(r) sqrt(2 h(r_i)),
// d rho / d r = h'(r) / rho (1 inside the quadratic zone). Marquardt's diagonal scaling handles the
// different units of the intercepts and the exponents.
RunResult levenbergMarquardt(Params p, const Data& d, double delta, uint32_t max_iterations) {
    double f = objective(p, d, delta);
    double lambda = 1e-3;
    uint32_t it = 0;
    Eigen::VectorXd r;
    Eigen::MatrixXd jr;
    for (; it < max_iterations && std::isfinite(f); ++it) {
        residuals(p, d, r, &jr);
        Eigen::VectorXd rho(r.size());
        for (Eigen::Index i = 0; i < r.size(); ++i) {
            const double a = std::fabs(r[i]);
            if (a <= delta) {
                rho[i] = r[i];
            } else {
                const double root = std::sqrt(2 * delta * a - delta * delta);
                rho[i] = std::copysign(root, r[i]);
                jr.row(i) *= delta / root;
            }
        }
        const Eigen::Matrix<double, 5, 5> h = jr.transpose() * jr;
        const Params g = jr.transpose() * rho;
        bool accepted = false;
        Params step;
        double f_new = f;
        while (lambda <= 1e16) {
            Eigen::Matrix<double, 5, 5> a = h;
            for (int j = 0; j < 5; ++j) a(j, j) += lambda * std::max(h(j, j), 1e-12);
            step = a.ldlt().solve(-g);
            f_new = objective(p + step, d, delta);
            if (step.allFinite() && f_new < f) {
                accepted = true;
                break;
            }
            lambda *= 10;
        }
        if (!accepted) break;  // no descent at any damping: a (local) minimum
        p += step;
        const double decrease = f - f_new;
        f = f_new;
        lambda = std::max(lambda / 10, 1e-15);
        if (decrease <= 1e-15 * (f + 1e-300) && step.norm() <= 1e-10 * (1 + p.norm())) {
            ++it;
            break;
        }
    }
    return {p, f, it};
}

std::vector<Params> startGrid() {
    // Hoffmann et al.'s grid: e in {-1, -.5, 0, .5, 1}, alpha_0, beta_0 in {0, 5, .., 25}, a, b in {0, .5, .., 2}.
    std::vector<Params> grid;
    for (double e : {-1.0, -0.5, 0.0, 0.5, 1.0})
        for (double a0 = 0; a0 <= 25; a0 += 5)
            for (double b0 = 0; b0 <= 25; b0 += 5)
                for (double a = 0; a <= 2; a += 0.5)
                    for (double b = 0; b <= 2; b += 0.5) {
                        Params p;
                        p << e, a0, b0, a, b;
                        grid.push_back(p);
                    }
    return grid;
}

Data dataOf(const std::vector<ScalingPoint>& points) {
    Data d;
    const Eigen::Index n = Eigen::Index(points.size());
    d.log_n.resize(n);
    d.log_d.resize(n);
    d.log_l.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        d.log_n[i] = std::log(points[size_t(i)].n_params);
        d.log_d[i] = std::log(points[size_t(i)].d_tokens);
        d.log_l[i] = std::log(points[size_t(i)].loss);
    }
    return d;
}

// A constant that underflowed to 0 in exp() (the fit drove its logarithm far below any other term)
// starts from the smallest normal double's logarithm, which gives the same losses.
Params paramsOf(const ScalingLaw& law) {
    const auto logOf = [](double v) { return std::log(std::max(v, std::numeric_limits<double>::min())); };
    Params p;
    p << logOf(law.E), logOf(law.A), logOf(law.B), law.a, law.b;
    return p;
}

ScalingLaw lawOf(const Params& p) {
    return {"fit", std::exp(p[kE]), std::exp(p[kA]), std::exp(p[kB]), p[kExpA], p[kExpB]};
}

ScalingFitErrors standardErrors(const Params& p, const Data& d, const ScalingLaw& law) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    ScalingFitErrors se{nan, nan, nan, nan, nan};
    Eigen::VectorXd r;
    Eigen::MatrixXd j;
    residuals(p, d, r, &j);
    const Eigen::Index n = r.size();
    // Cov = s^2 (J^T J)^-1 with s^2 = |r|^2 / (n - 5): the least-squares approximation at the optimum.
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(j, Eigen::ComputeThinV);
    const auto& sv = svd.singularValues();
    if (sv[4] <= 1e-12 * sv[0] || n <= 5) return se;
    const double s2 = r.squaredNorm() / double(n - 5);
    const Eigen::MatrixXd v = svd.matrixV();
    Params var;
    for (int k = 0; k < 5; ++k) var[k] = s2 * (v.row(k).array().square() / sv.array().square().transpose()).sum();
    // Delta method for E = e^e, A = e^alpha_0, B = e^beta_0.
    se.E = law.E * std::sqrt(var[kE]);
    se.A = law.A * std::sqrt(var[kA]);
    se.B = law.B * std::sqrt(var[kB]);
    se.a = std::sqrt(var[kExpA]);
    se.b = std::sqrt(var[kExpB]);
    return se;
}

}  // namespace

void validateScalingPoints(const std::vector<ScalingPoint>& points) {
    if (points.size() < kMinFitPoints)
        throw std::invalid_argument("fit: " + std::to_string(points.size()) + " points given; at least " +
                                    std::to_string(kMinFitPoints) + " are needed for the 5 parameters E, A, B, a, b");
    for (size_t i = 0; i < points.size(); ++i) {
        const ScalingPoint& p = points[i];
        for (double v : {p.n_params, p.d_tokens, p.loss})
            if (!std::isfinite(v) || v <= 0)
                throw std::invalid_argument("fit: point " + std::to_string(i + 1) +
                                            " has a value that is not a finite number > 0");
    }
    bool n_varies = false, d_varies = false;
    for (const ScalingPoint& p : points) {
        n_varies = n_varies || p.n_params != points.front().n_params;
        d_varies = d_varies || p.d_tokens != points.front().d_tokens;
    }
    if (!n_varies)
        throw std::invalid_argument("fit: every point has the same N, so A and a cannot be told apart from E");
    if (!d_varies)
        throw std::invalid_argument("fit: every point has the same D, so B and b cannot be told apart from E");
}

ScalingFit fitScalingLaw(const std::vector<ScalingPoint>& points, const ScalingFitOptions& options) {
    validateScalingPoints(points);
    if (!(options.huber_delta > 0) || options.lm_starts < 1 || options.max_iterations < 1)
        throw std::invalid_argument("fit: huber delta must be > 0, starts and iterations >= 1");
    const Data d = dataOf(points);
    const Eigen::Index n = d.log_n.size();

    // Score every grid start, then refine the best ones (ties broken by grid order: deterministic).
    const std::vector<Params> grid = startGrid();
    std::vector<std::pair<double, size_t>> scored;
    scored.reserve(grid.size());
    for (size_t i = 0; i < grid.size(); ++i) scored.push_back({objective(grid[i], d, options.huber_delta), i});
    const size_t runs = std::min<size_t>(options.lm_starts, grid.size());
    std::partial_sort(scored.begin(), scored.begin() + std::ptrdiff_t(runs), scored.end());

    RunResult best{grid[scored[0].second], std::numeric_limits<double>::infinity(), 0};
    for (size_t i = 0; i < runs; ++i) {
        const RunResult r = levenbergMarquardt(grid[scored[i].second], d, options.huber_delta, options.max_iterations);
        if (r.f < best.f) best = r;
    }

    ScalingFit fit;
    fit.law = lawOf(best.p);
    fit.se = standardErrors(best.p, d, fit.law);
    fit.huber_loss = best.f;
    Eigen::VectorXd r;
    residuals(best.p, d, r, nullptr);
    fit.rms_log_residual = std::sqrt(r.squaredNorm() / double(n));
    fit.max_abs_log_residual = r.cwiseAbs().maxCoeff();
    fit.iterations = best.iterations;
    fit.grid_starts = uint32_t(grid.size());
    fit.lm_runs = uint32_t(runs);
    fit.n_points = points.size();
    return fit;
}

FitBootstrap::FitBootstrap(const std::vector<ScalingPoint>& points, const ScalingFit& fit, uint64_t seed,
                           const ScalingFitOptions& options)
    : options_(options), rng_(std::make_unique<Rng>(seed, RngStream::FitBootstrap)) {
    validateScalingPoints(points);
    const Params start = paramsOf(fit.law);
    if (!start.allFinite()) throw std::invalid_argument("fit: a bootstrap needs a fit with finite constants");
    start_.assign(start.data(), start.data() + 5);
    const Data d = dataOf(points);
    const Eigen::Index n = d.log_n.size();
    Eigen::VectorXd r;
    residuals(start, d, r, nullptr);
    // Which residuals stand for the noise. With noise well above the Huber delta the fit acts as least
    // absolute deviations: it passes through about five points (residuals inside the quadratic zone)
    // and leaves the rest at the noise's size, so those are the pool. Otherwise (least squares) all
    // residuals, which shrink by about sqrt((n - 5) / n) when five parameters are fitted, scaled back.
    for (Eigen::Index i = 0; i < n; ++i)
        if (std::fabs(r[i]) > options.huber_delta) pool_.push_back(r[i]);
    if (2 * pool_.size() < size_t(n)) {
        pool_.assign(r.data(), r.data() + n);
        for (double& v : pool_) v *= std::sqrt(double(n) / double(n - 5));
    }
    log_n_.assign(d.log_n.data(), d.log_n.data() + n);
    log_d_.assign(d.log_d.data(), d.log_d.data() + n);
    predicted_.resize(size_t(n));
    for (Eigen::Index i = 0; i < n; ++i) predicted_[size_t(i)] = d.log_l[i] + r[i];
}

FitBootstrap::~FitBootstrap() = default;

ScalingLaw FitBootstrap::next() {
    const Eigen::Index n = Eigen::Index(predicted_.size());
    Data resampled;
    resampled.log_n = Eigen::Map<const Eigen::VectorXd>(log_n_.data(), n);
    resampled.log_d = Eigen::Map<const Eigen::VectorXd>(log_d_.data(), n);
    resampled.log_l.resize(n);
    for (Eigen::Index i = 0; i < n; ++i)
        resampled.log_l[i] = predicted_[size_t(i)] - pool_[rng_->below(uint32_t(pool_.size()))];
    const Params start = Eigen::Map<const Params>(start_.data());
    return lawOf(levenbergMarquardt(start, resampled, options_.huber_delta, options_.max_iterations).p);
}

std::vector<ScalingLaw> bootstrapScalingFit(const std::vector<ScalingPoint>& points, const ScalingFit& fit,
                                            uint32_t replicas, uint64_t seed, const ScalingFitOptions& options) {
    FitBootstrap bootstrap(points, fit, seed, options);
    std::vector<ScalingLaw> laws;
    laws.reserve(replicas);
    for (uint32_t j = 0; j < replicas; ++j) laws.push_back(bootstrap.next());
    return laws;
}

}  // namespace slingshot
