// Paucity of stimulus along the scaling law (§5.4 with §5.1): a model of N parameters trains on
// D(N) tokens, that is n_train = D / tokens_per_piece text pieces, which show at most a
// seen_fraction_bound of all k'-sets; beside it the fraction of k'-tuples Thm 14 guarantees
// competent at theta(N). What the Stimulus view draws and `stimulus --n` answers.
#pragma once

#include "core/theory/emergence.h"

#include <span>
#include <vector>

namespace slingshot {

struct StimulusAt {
    double n_params = 0, d_tokens = 0, n_train = 0;
    ThetaValue theta{};
    double seen_fraction_bound = 0;  // min(1, n_train C(k, k') / C(N1, k'))
    double log10_sets_total = 0;     // log10 C(N1, k')
    double guaranteed_fraction = 0;  // k'-tuples with competence >= c (the model's tuple reading)
    // Tuples guaranteed competent that no training piece can have shown together, at least.
    double unseen_competent_fraction_min = 0;
};

// k = m.k (whole), N1 >= k, k' in [1, N1], tokens_per_piece > 0, n_params > 0; std::invalid_argument
// otherwise.
StimulusAt stimulusAt(const EmergenceModel& m, long long n1, int kprime, double tokens_per_piece, double n_params);

struct StimulusSweep {
    std::vector<double> n_params;  // log-spaced, from .. to inclusive
    struct Curve {
        int kprime;
        std::vector<StimulusAt> points;
    };
    std::vector<Curve> curves;  // per k'
};

// points >= 2, 0 < from < to.
StimulusSweep sweepStimulus(const EmergenceModel& m, long long n1, std::span<const int> kprimes,
                            double tokens_per_piece, double from, double to, int points);

}  // namespace slingshot
