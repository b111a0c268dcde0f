// A range of seeds as the front doors write it ("A..B", both ends included; a single "A" is one
// seed), for ensembles: the same run repeated with seeds A, A+1, ..., B.
#pragma once

#include <cstdint>
#include <string_view>

namespace slingshot {

inline constexpr uint64_t kMaxEnsembleSeeds = 1024;
inline constexpr uint64_t kMaxSeed = 9007199254740992ull;  // 2^53: exact as a JSON number

struct SeedRange {
    uint64_t first = 1, last = 1;
    uint64_t count() const { return last - first + 1; }
};

// Throws std::invalid_argument naming the problem: not two whole numbers joined by "..", B < A, an
// end above 2^53, or more than kMaxEnsembleSeeds seeds.
SeedRange parseSeedRange(std::string_view text);

}  // namespace slingshot
