#include "core/theory/stimulus_sweep.h"

#include "core/theory/bounds.h"
#include "core/theory/skill_counts.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace slingshot {

StimulusAt stimulusAt(const EmergenceModel& m, long long n1, int kprime, double tokens_per_piece, double n_params) {
    validateModel(m);
    if (!(tokens_per_piece > 0) || !std::isfinite(tokens_per_piece))
        throw std::invalid_argument("tokens per piece must be finite and > 0");
    if (m.k != std::floor(m.k)) throw std::invalid_argument("k must be a whole number of skills per piece");
    StimulusAt s;
    s.n_params = n_params;
    s.d_tokens = tokensFor(m, n_params);
    s.n_train = s.d_tokens / tokens_per_piece;
    s.theta = thetaAt(m, n_params);
    const StimulusCount count = stimulusCount(n1, static_cast<int>(m.k), kprime, s.n_train);
    s.seen_fraction_bound = count.seen_fraction_bound;
    s.log10_sets_total = count.log10_sets_total;
    s.guaranteed_fraction = fracTuples(m.tuples, s.theta.theta, m.c, m.k, kprime);
    s.unseen_competent_fraction_min = std::max(0.0, s.guaranteed_fraction - s.seen_fraction_bound);
    return s;
}

StimulusSweep sweepStimulus(const EmergenceModel& m, long long n1, std::span<const int> kprimes,
                            double tokens_per_piece, double from, double to, int points) {
    if (points < 2) throw std::invalid_argument("a sweep needs >= 2 points");
    if (!(from > 0 && from < to) || !std::isfinite(to)) throw std::invalid_argument("from must be below to, both > 0");
    StimulusSweep out;
    out.n_params.resize(static_cast<size_t>(points));
    for (int j = 0; j < points; ++j)
        out.n_params[static_cast<size_t>(j)] = from * std::pow(to / from, static_cast<double>(j) / (points - 1));
    for (int kp : kprimes) {
        StimulusSweep::Curve c{kp, {}};
        for (double n : out.n_params) c.points.push_back(stimulusAt(m, n1, kp, tokens_per_piece, n));
        out.curves.push_back(std::move(c));
    }
    return out;
}

}  // namespace slingshot
