// Engine values as every front door writes them (CLI, Slingshot.query, the page's read-outs).
#pragma once

#include <cstdint>
#include <string>

namespace slingshot {

// A 64-bit hash as "0x" and 16 lower-case hex digits (the slots hash of a sampled graph).
std::string hexHash(uint64_t v);
// %g of a number (six significant digits by default): short enough for a sentence in a note.
std::string shortNumber(double v, int significant_digits = 6);

}  // namespace slingshot
