// The theory's curves beside a measured competence curve, on one grid of competence levels
// c = j / kOverlaySteps, j = 0 .. kOverlaySteps, for a graph of N1 skills and N2 pieces of k slots:
// the Competence and Tightness views draw them (each picks the side of c it shows).
#pragma once

#include "core/theory/bounds.h"

#include <cstdint>
#include <vector>

namespace slingshot {

inline constexpr int kOverlaySteps = 200;

struct OverlayParams {
    double theta = 0.1;  // measure of failed pieces
    int k = 8;           // skill slots per piece
    uint64_t n1 = 1000;  // skills (finite size rho = N1 / N2, typical degree k N2 / N1)
    uint64_t n2 = 100000;
    int kprime = 2;  // tuple size of the T2 curve
    bool operator==(const OverlayParams&) const = default;
};

struct OverlayCurves {
    OverlayParams params;
    double rho = 0;        // N1 / N2
    long long degree = 1;  // round(k N2 / N1), at least 1: the degree of a typical skill
    std::vector<double> c;
    // Fractions of skills (counted; the measure is uniform) at each c:
    std::vector<double> thm8_competent;    // guaranteed with competence >= c, N2 -> inf (fracCompetent)
    std::vector<double> finite_competent;  // the same at finite size rho
    std::vector<double> worst_failing;     // exact worst case alpha_A: competence <= c (tau = 1 - c)
    std::vector<double> random_failing;    // expected under a random failure set: competence <= c
    std::vector<double> markov_competent;  // Markov's guarantee, competence >= c
    // Fraction of k'-tuples guaranteed competence >= c under T2 (Thm 14 with theta' = k' theta).
    std::vector<double> tuples_t2_competent;
};

// The same at one competence level c in [0, 1] (a read-out beside the curves), with Thm 8's detail.
struct OverlayPoint {
    OverlayParams params;
    double c = 0;
    long long degree = 1;  // as OverlayCurves::degree
    BoundDetail thm8;      // N2 -> inf: alpha*, beta, min(1, alpha*, 1/beta) and the fraction
    double finite_competent = 0, worst_failing = 0, random_failing = 0, markov_competent = 0;
    double tuples_t2_competent = 0;
};

// Throws std::invalid_argument for theta outside [0, 1], k < 1, N1 or N2 of 0, kprime < 1 (and, for
// overlayAt, c outside [0, 1]).
OverlayCurves overlayCurves(const OverlayParams& p);
OverlayPoint overlayAt(const OverlayParams& p, double c);

}  // namespace slingshot
