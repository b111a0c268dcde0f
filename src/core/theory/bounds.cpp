#include "core/theory/bounds.h"

#include "core/base/numerics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace slingshot {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void requireFinite(double v, const char* what) {
    if (!std::isfinite(v)) throw std::invalid_argument(std::string(what) + " must be finite");
}

void checkCommon(double theta, double k, double rho) {
    if (std::isnan(theta)) throw std::invalid_argument("theta must not be NaN");
    requireFinite(k, "k");
    requireFinite(rho, "rho");
    if (!(k > 0)) throw std::invalid_argument("k must be > 0");
    if (!(rho >= 0)) throw std::invalid_argument("rho must be >= 0");
}

void checkLevel(double c) {
    if (!(c >= 0 && c <= 1)) throw std::invalid_argument("competence level c must be in [0, 1]");
}

// F with theta-dependent terms hoisted out: Brent calls it tens of times per alpha*.
struct Exponent {
    double h_theta, k_theta, beta, log_beta, rho;
    Exponent(double theta, double beta_, double k, double rho_)
        : h_theta(binaryEntropy(theta)), k_theta(k * theta), beta(beta_), log_beta(std::log(beta_)), rho(rho_) {}

    double operator()(double alpha) const {
        if (!(alpha > 0)) return h_theta;  // F(0+) = H(theta)
        const double q = beta * alpha;
        // KL(q || alpha) with q = beta alpha: q ln beta + (1 - q) ln((1 - q)/(1 - alpha)); q = 1 at 1/beta.
        const double kl = q * log_beta + (q < 1 ? (1 - q) * (std::log1p(-q) - std::log1p(-alpha)) : 0.0);
        const double skills = rho > 0 ? rho * binaryEntropy(alpha) : 0.0;
        return h_theta + skills - k_theta * kl;
    }
};

// tau <= theta, with ties as the reader means them: c is written in decimal, so tau = 1 - c carries a
// rounding error of an ulp or so (1 - 0.7 = 0.30000000000000004 > 0.3). Within a relative 1e-12 of
// theta, tau counts as theta: every skill can be failed, nothing is guaranteed (not 2e-16).
bool failureReachesLevel(double tau, double theta) { return tau <= theta * (1 + 1e-12); }

bool hasTheorem(double theta, double beta) { return theta > 0 && theta < 1 && beta > 1 && std::isfinite(beta); }

}  // namespace

double exponentF(double alpha, double theta, double beta, double k, double rho) {
    checkCommon(theta, k, rho);
    if (!(beta >= 1) || !(alpha >= 0 && alpha * beta <= 1) || !(theta >= 0 && theta <= 1))
        return std::numeric_limits<double>::quiet_NaN();
    return Exponent(theta, beta, k, rho)(alpha);
}

double alphaStar(double theta, double beta, double k, double rho) {
    checkCommon(theta, k, rho);
    if (std::isnan(beta)) throw std::invalid_argument("beta must not be NaN");
    if (!hasTheorem(theta, beta)) return kInf;
    const Exponent f(theta, beta, k, rho);
    const double top = 1 / beta;
    const double f_top = f(top);
    if (!(f_top < 0)) return kInf;  // concave F with F(0+) > 0 and F(1/beta) >= 0 stays >= 0
    // Relative tolerance only: alpha* ~ theta goes down to 1e-300, far below any absolute one.
    return brentRoot(f, 0.0, top, f.h_theta, f_top, RootTolerance{.abs = 0, .rel = 1e-14});
}

double alphaStarScan(double theta, double beta, double k, double rho, int grid_points) {
    checkCommon(theta, k, rho);
    if (grid_points < 2) throw std::invalid_argument("grid_points must be >= 2");
    if (!hasTheorem(theta, beta)) return kInf;
    const Exponent f(theta, beta, k, rho);
    const double lo = 1e-12, top = 1 / beta;
    if (top <= lo) return kInf;
    const double step = std::log(top / lo) / grid_points;
    double prev_alpha = 0.0, prev_f = f.h_theta;
    for (int i = 0; i <= grid_points; ++i) {
        const double alpha = i == grid_points ? top : lo * std::exp(step * i);
        const double value = f(alpha);
        if (value < 0) return brentRoot(f, prev_alpha, alpha, prev_f, value);
        prev_alpha = alpha;
        prev_f = value;
    }
    return kInf;
}

double betaMin(double theta, double k) {
    checkCommon(theta, k, 0);
    if (!(theta > 0 && theta < 1)) throw std::invalid_argument("betaMin needs theta in (0, 1)");
    return std::exp(binaryEntropy(theta) / (k * theta));
}

double markovFrac(double theta, double c) {
    checkLevel(c);
    if (std::isnan(theta)) throw std::invalid_argument("theta must not be NaN");
    if (theta <= 0) return 1.0;
    const double tau = 1 - c;
    if (failureReachesLevel(tau, theta)) return 0.0;
    return 1 - theta / tau;
}

double fracCompetent(double theta, double c, double k, double rho) {
    return boundDetail(theta, c, k, 1, TupleModel::T2, rho).frac;
}

std::string_view tupleModelName(TupleModel m) {
    switch (m) {
        case TupleModel::T2: return "t2";
        case TupleModel::T2Exact: return "t2exact";
        case TupleModel::T1: return "t1";
        case TupleModel::P: return "p";
    }
    return "t2";
}

std::optional<TupleModel> tupleModelFromName(std::string_view name) {
    for (TupleModel m : {TupleModel::T2, TupleModel::T2Exact, TupleModel::T1, TupleModel::P})
        if (tupleModelName(m) == name) return m;
    return std::nullopt;
}

bool tuplesWithoutBlocks(TupleModel model, double k, int kprime) { return model == TupleModel::T1 && kprime > k; }

BoundDetail boundDetail(double theta, double c, double k, int kprime, TupleModel model, double rho) {
    checkCommon(theta, k, rho);
    checkLevel(c);
    if (kprime < 1) throw std::invalid_argument("kprime must be >= 1");
    BoundDetail d{theta, k, c, rho, 0, kInf, 1, 0, 0};
    const double clamped = std::clamp(theta, 0.0, 1.0);  // theta <= 0 and >= 1 are §3.2 edge cases
    if (kprime > 1) {
        switch (model) {
            case TupleModel::T2:
                d.theta_eff = std::min(1.0, kprime * clamped);
                d.rho_eff = std::pow(rho, kprime);
                break;
            case TupleModel::T2Exact:
                d.theta_eff = -std::expm1(kprime * std::log1p(-clamped));
                d.rho_eff = std::pow(rho, kprime);
                break;
            case TupleModel::T1:
                if (rho > 0) throw std::invalid_argument("rho > 0 with T1 tuples needs N1; use rho = 0");
                d.k_eff = k / kprime;
                d.no_blocks = tuplesWithoutBlocks(model, k, kprime);
                break;
            case TupleModel::P: d.c_eff = std::pow(c, 1.0 / kprime); break;
        }
    }
    if (d.no_blocks) {
        d.alpha_bound = 1;
        d.frac = d.markov_frac = 0;
        return d;
    }
    const double tau = 1 - d.c_eff;
    d.beta = d.theta_eff > 0 ? tau / d.theta_eff : kInf;
    if (d.theta_eff > 0 && d.theta_eff < 1 && !failureReachesLevel(tau, d.theta_eff)) {
        d.alpha_star = alphaStar(d.theta_eff, d.beta, d.k_eff, d.rho_eff);
        d.alpha_bound = std::min({1.0, d.alpha_star, d.theta_eff / tau});  // theta/tau = 1/beta, rounded as Markov
    } else {
        d.alpha_bound = d.theta_eff <= 0 ? 0.0 : 1.0;
    }
    const double single = 1 - d.alpha_bound;
    const bool product = model == TupleModel::P && kprime > 1;
    d.frac = product ? std::pow(single, kprime) : single;
    const double markov = markovFrac(std::clamp(d.theta_eff, 0.0, 1.0), d.c_eff);
    d.markov_frac = product ? std::pow(markov, kprime) : markov;
    return d;
}

double fracTuples(TupleModel model, double theta, double c, double k, int kprime, double rho) {
    return boundDetail(theta, c, k, kprime, model, rho).frac;
}

double fracTuplesT2(double theta, double c, double k, int kprime, bool exact) {
    return fracTuples(exact ? TupleModel::T2Exact : TupleModel::T2, theta, c, k, kprime);
}

double fracTuplesT1(double theta, double c, double k, int kprime) {
    return fracTuples(TupleModel::T1, theta, c, k, kprime);
}

double fracTuplesP(double theta, double c, double k, int kprime) {
    return fracTuples(TupleModel::P, theta, c, k, kprime);
}

void performanceCurve(double theta, double k, int kprime, TupleModel model, double rho, std::span<CurvePoint> out) {
    if (out.size() < 2) throw std::invalid_argument("a performance curve needs >= 2 points");
    const double n = static_cast<double>(out.size());
    for (size_t i = 0; i < out.size(); ++i) {
        const double c = static_cast<double>(i) / n;
        out[i] = {c, fracTuples(model, theta, c, k, kprime, rho)};
    }
}

std::vector<CurvePoint> performanceCurve(double theta, double k, int kprime, TupleModel model, double rho, int points) {
    if (points < 2) throw std::invalid_argument("a performance curve needs >= 2 points");
    std::vector<CurvePoint> out(static_cast<size_t>(points));
    performanceCurve(theta, k, kprime, model, rho, out);
    return out;
}

}  // namespace slingshot
