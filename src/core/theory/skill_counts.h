// Counting skills and k'-sets (THEORY §5.3, §5.4): the Zipf measure of a skill's rank, and how few
// of all k'-sets a training set can hold (paucity of stimulus).
#pragma once

namespace slingshot {

// Zipf skill measure mu(r) = r^{-s} / sum_{i<=n1} i^{-s}, rank r in [1, n1], s >= 0.
double zipfMeasure(long long n1, double s, long long rank);

// §5.4: n_train pieces of k skills hold at most n_train C(k, k') distinct k'-sets out of C(n1, k').
struct StimulusCount {
    double seen_fraction_bound;  // min(1, n_train C(k,k') / C(n1,k'))
    double log10_sets_total;     // log10 C(n1, k')
    double sets_per_piece;       // C(k, k')
};
// k <= n1, 1 <= kprime <= n1, n_train >= 0. A k' above k fits in no piece: nothing is seen.
StimulusCount stimulusCount(long long n1, int k, int kprime, double n_train);

}  // namespace slingshot
