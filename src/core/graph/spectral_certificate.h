// The mixing-lemma certificate for one sampled skill graph (THEORY 8). For every skill set X and
// piece set Y,
//   |e(X, Y) - deg(X) |Y| / N2| <= sigma sqrt(|X| |Y|),   sigma = ||B - deg 1^T / N2||_2,
// where e counts slots (multi-edges included) and deg(X) sums the degrees of X. If every skill of X
// has failure >= tau = 1 - c under a Y of m pieces, then
//   tau deg(X) <= e(X, Y) <= deg(X) m / N2 + sigma sqrt(|X| m)   and   e(X, Y) <= k m.
// deg(X) is at least the sum of the |X| smallest degrees and both conditions only get harder as |X|
// grows, so the largest |X| passing both bounds how many skills ANY such Y can push to competence <= c.
#pragma once

#include "core/graph/skill_graph.h"
#include "core/theory/bounds.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slingshot {

struct MixingCertificate {
    uint64_t failed_pieces = 0;  // m = round(theta N2)
    double theta_realized = 0;   // m / N2
    double tau = 0;              // 1 - c
    double sigma = 0;            // the deviation constant used
    uint64_t counted = 0;        // skills with at least one edge (competence defined)
    uint64_t isolated = 0;       // skills without edges (excluded, as in every fraction)
    uint32_t min_degree = 0;     // over counted skills
    uint64_t max_skills = 0;     // largest |X| passing both conditions
    double frac = 1;             // max_skills / counted: bound on the fraction with competence <= c
    double frac_min_degree = 1;  // the coarser closed form sigma^2 m / ((tau - m/N2) d_min)^2 / counted, <= 1
    std::string limit;           // "none" (tau <= m/N2), "mixing", "edge budget" or "all skills"
};

class MixingCertifier {
public:
    // Everything a certifier holds, to rebuild it elsewhere (the page sends it from a worker).
    struct Parts {
        double sigma = 0;
        uint64_t n2 = 0;
        uint32_t k = 0;
        uint64_t isolated = 0;
        uint32_t min_degree = 0;
        std::vector<double> prefix;  // prefix[x] = sum of the x smallest positive degrees
    };

    // sigma: an upper bound on ||B - deg 1^T / N2||_2 (SpectralResult::sigma_centred_upper). Sorts the
    // degrees once; each certify() is then a binary search. Throws std::invalid_argument for sigma < 0/NaN.
    MixingCertifier(const SkillGraph& graph, double sigma);

    explicit MixingCertifier(Parts parts);
    Parts parts() const { return {sigma_, n2_, k_, isolated_, min_degree_, prefix_}; }

    // theta in [0, 1], c in [0, 1] (std::invalid_argument otherwise).
    MixingCertificate certify(double theta, double c) const;
    // Guaranteed fraction of skills with competence > c, 1 - frac, at c = i / points, i = 0 .. points-1
    // (the grid of performanceCurve); points >= 2.
    std::vector<CurvePoint> curve(double theta, int points) const;

private:
    double sigma_;
    uint64_t n2_;
    uint32_t k_;
    uint64_t isolated_ = 0;
    uint32_t min_degree_ = 0;
    std::vector<double> prefix_;  // prefix_[x] = sum of the x smallest positive degrees
};

}  // namespace slingshot
