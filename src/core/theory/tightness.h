// How tight the guarantees of bounds.h are (§3.3): the exact asymptotic adversary and the typical
// (uniformly random) failure set, each as a fraction of skills below competence 1 - tau.
#pragma once

namespace slingshot {

// Exact asymptotic worst case (§3.3): the largest skill measure a whose skills can all be pushed
// to failure >= tau by a failure set of measure theta, k integer in [1, 10000].
double greedyAdversaryAlpha(double theta, double tau, int k);

// Typical (uniformly random) failure set: fraction of skills of degree `degree` with failure >= tau,
// P[Bin(degree, theta) >= m] for the smallest count m with m / degree >= tau (as doubles compare).
// degree in [1, 2^53).
double randomYFraction(double theta, double tau, long long degree);

}  // namespace slingshot
