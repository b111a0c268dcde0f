// The binomial distribution of the skill graph: a skill's degree is Bin(k N2, mu1(s)) and its count of
// failed edges under a random failure set is Bin(degree, theta) (THEORY 2.5, 3.3). Degrees reach 1e12,
// where summing log-gamma terms loses digits, so both functions keep about 1e-13 relative accuracy
// for every n up to 2^53 (tests/core/test_binomial.cpp against 50-digit references).
#pragma once

#include <cstdint>

namespace slingshot {

// P[Bin(n, p) = j]; 0 for j > n. p in [0, 1], n <= 2^53 (std::invalid_argument otherwise).
double binomialPmf(uint64_t n, double p, uint64_t j);

// P[Bin(n, p) >= m]: 1 for m = 0, 0 for m > n. Same domain as binomialPmf. Values below about
// 1e-300 may come back as 0 or with fewer digits (they underflow).
double binomialUpperTail(uint64_t n, double p, uint64_t m);

}  // namespace slingshot
