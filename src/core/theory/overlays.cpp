#include "core/theory/overlays.h"

#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {
namespace {

void check(const OverlayParams& p) {
    if (!(p.theta >= 0 && p.theta <= 1)) throw std::invalid_argument("overlays: theta must be in [0, 1]");
    if (p.k < 1 || p.n1 == 0 || p.n2 == 0 || p.kprime < 1)
        throw std::invalid_argument("overlays: k, N1, N2 and k' must be at least 1");
}

double rhoOf(const OverlayParams& p) { return double(p.n1) / double(p.n2); }

long long degreeOf(const OverlayParams& p) {
    return std::max(1LL, std::llround(double(p.k) * double(p.n2) / double(p.n1)));
}

}  // namespace

OverlayCurves overlayCurves(const OverlayParams& p) {
    check(p);
    OverlayCurves o;
    o.params = p;
    const double k = double(p.k);
    o.rho = rhoOf(p);
    o.degree = degreeOf(p);
    const size_t n = kOverlaySteps + 1;
    for (auto* v : {&o.c, &o.thm8_competent, &o.finite_competent, &o.worst_failing, &o.random_failing,
                    &o.markov_competent, &o.tuples_t2_competent})
        v->resize(n);
    for (size_t j = 0; j < n; ++j) {
        const double c = double(j) / kOverlaySteps, tau = 1 - c;
        o.c[j] = c;
        o.thm8_competent[j] = fracCompetent(p.theta, c, k);
        o.finite_competent[j] = fracCompetent(p.theta, c, k, o.rho);
        o.worst_failing[j] = greedyAdversaryAlpha(p.theta, tau, p.k);
        o.random_failing[j] = randomYFraction(p.theta, tau, o.degree);
        o.markov_competent[j] = markovFrac(p.theta, c);
        o.tuples_t2_competent[j] = fracTuplesT2(p.theta, c, k, p.kprime);
    }
    return o;
}

OverlayPoint overlayAt(const OverlayParams& p, double c) {
    check(p);
    if (!(c >= 0 && c <= 1)) throw std::invalid_argument("overlays: c must be in [0, 1]");
    const double k = double(p.k), tau = 1 - c;
    OverlayPoint o;
    o.params = p;
    o.c = c;
    o.degree = degreeOf(p);
    o.thm8 = boundDetail(p.theta, c, k, 1, TupleModel::T2, 0);
    o.finite_competent = fracCompetent(p.theta, c, k, rhoOf(p));
    o.worst_failing = greedyAdversaryAlpha(p.theta, tau, p.k);
    o.random_failing = randomYFraction(p.theta, tau, o.degree);
    o.markov_competent = markovFrac(p.theta, c);
    o.tuples_t2_competent = fracTuplesT2(p.theta, c, k, p.kprime);
    return o;
}

}  // namespace slingshot
