// The random-graph guarantees of Thm 8 / Thm 14 / Cor 13 (THEORY §3, §4); how tight they are:
// tightness.h. theta = measure of failed pieces, c = competence level, tau = 1 - c, beta = tau/theta,
// k = skills per piece (real, >= 0+), k' = tuple size, rho = N1/N2 (0 = asymptotic).
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace slingshot {

// F(alpha; theta, beta, k, rho) = H(theta) + rho H(alpha) - k theta KL(beta alpha || alpha), alpha in
// [0, 1/beta]. F < 0 means: w.h.p. at most an alpha fraction of skills have failure >= beta theta.
double exponentF(double alpha, double theta, double beta, double k, double rho = 0);

// alpha* = inf{alpha in (0, 1/beta) : F(alpha) < 0}; +inf when Thm 8 gives no guarantee
// (including beta <= 1 and theta outside (0, 1)). F is concave in alpha (H concave, KL jointly
// convex), so F(0+) = H(theta) > 0 leaves one sign change: a guarantee exists iff F(1/beta) < 0 and
// Brent on [0, 1/beta] finds it. Throws std::invalid_argument for k <= 0, rho < 0 or NaN.
double alphaStar(double theta, double beta, double k, double rho = 0);

// The same quantity by the literal §3.2 algorithm: log grid of `grid_points` over [1e-12, 1/beta]
// (1/beta included), first sign change, then Brent. Kept as a cross-check of alphaStar.
double alphaStarScan(double theta, double beta, double k, double rho = 0, int grid_points = 4000);

// Thm 8 beats Markov iff beta > beta_min = exp(H(theta) / (k theta)) (rho = 0).
double betaMin(double theta, double k);

// Markov (free, from the mean identity): fraction with competence >= c is >= 1 - theta/(1-c).
double markovFrac(double theta, double c);

// Guaranteed fraction of skills with competence >= c: 1 - min(1, alpha*, 1/beta); 0 if tau <= theta;
// 1 if theta <= 0; 0 if theta >= 1. c in [0, 1].
double fracCompetent(double theta, double c, double k, double rho = 0);

enum class TupleModel {
    T2,       // k'-pieces, union accounting theta' = min(1, k' theta): Cor 13 holds exactly (default)
    T2Exact,  // k'-pieces, exact accounting theta' = 1 - (1 - theta)^k'
    T1,       // block split: degree k/k', same theta
    P,        // route P: (fracCompetent(theta, c^{1/k'}, k))^k'
};

std::string_view tupleModelName(TupleModel m);  // "t2" | "t2exact" | "t1" | "p"
// The inverse of tupleModelName; nullopt for any other text.
std::optional<TupleModel> tupleModelFromName(std::string_view name);

// Everything behind one guaranteed fraction, for display. For k' = 1 all models coincide.
struct BoundDetail {
    double theta_eff;    // failure measure the theorem sees (theta' for T2)
    double k_eff;        // degree the theorem sees (k/k' for T1)
    double c_eff;        // competence level the theorem sees (c^{1/k'} for P)
    double rho_eff;      // rho^k' for T2, rho for P and single skills
    double beta;         // tau_eff / theta_eff; +inf when theta_eff = 0
    double alpha_star;   // +inf: Thm 8 gives nothing ("Markov only")
    double alpha_bound;  // min(1, alpha*, 1/beta) at the effective parameters
    double frac;         // guaranteed fraction of skills / k'-tuples with competence >= c
    // Markov's guarantee for the same skills / k'-tuples (from the mean alone; never above frac):
    // at the effective parameters, raised to k' for route P as frac is.
    double markov_frac;
    // T1 with k' > k: a piece of k skills holds no block of k' skills, so no k'-tuple has an edge and
    // nothing is guaranteed (frac = markov_frac = 0, alpha_bound = 1).
    bool no_blocks = false;
};

// T1 with k' > k: a piece of k slots holds no block of k' skills (BoundDetail::no_blocks).
bool tuplesWithoutBlocks(TupleModel model, double k, int kprime);

// kprime >= 1. rho > 0 is defined for k' = 1, T2/T2Exact (rho^k') and P (rho per skill); with T1
// and k' > 1 it needs N1 separately, so it throws std::invalid_argument.
BoundDetail boundDetail(double theta, double c, double k, int kprime, TupleModel model, double rho = 0);
double fracTuples(TupleModel model, double theta, double c, double k, int kprime, double rho = 0);
double fracTuplesT2(double theta, double c, double k, int kprime, bool exact = false);
double fracTuplesT1(double theta, double c, double k, int kprime);
double fracTuplesP(double theta, double c, double k, int kprime);

struct CurvePoint {
    double c, frac;
};

// The performance curve over c = i / points, i = 0 .. points-1 (c in [0, 1)); points >= 2.
void performanceCurve(double theta, double k, int kprime, TupleModel model, double rho, std::span<CurvePoint> out);
std::vector<CurvePoint> performanceCurve(double theta, double k, int kprime, TupleModel model, double rho, int points);

}  // namespace slingshot
