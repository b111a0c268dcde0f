#include "query/seed_range_text.h"

#include <charconv>
#include <stdexcept>
#include <string>

namespace slingshot {

namespace {

uint64_t seedOf(std::string_view text, std::string_view whole) {
    uint64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end)
        throw std::invalid_argument("seeds \"" + std::string(whole) +
                                    "\" must be A..B with whole numbers A <= B (for example 1..8)");
    if (v > kMaxSeed) throw std::invalid_argument("seeds must be at most 2^53 = " + std::to_string(kMaxSeed));
    return v;
}

}  // namespace

SeedRange parseSeedRange(std::string_view text) {
    const size_t dots = text.find("..");
    SeedRange r;
    r.first = seedOf(text.substr(0, dots), text);
    r.last = dots == std::string_view::npos ? r.first : seedOf(text.substr(dots + 2), text);
    if (r.last < r.first)
        throw std::invalid_argument("seeds " + std::string(text) + ": the last seed is below the first");
    if (r.last - r.first >= kMaxEnsembleSeeds)
        throw std::invalid_argument("seeds " + std::string(text) + ": at most " + std::to_string(kMaxEnsembleSeeds) +
                                    " seeds in one ensemble");
    return r;
}

}  // namespace slingshot
