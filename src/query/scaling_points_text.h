// (N, D, L) points as text: what a reader pastes into the fit (CLI --points/--csv, the page's box)
// and the example points shown there.
#pragma once

#include "core/theory/scaling_fit.h"

#include <string>
#include <string_view>
#include <vector>

namespace slingshot {

// "N,D,L" rows separated by newlines or ';'. A first row that is not numeric is a header; blank rows
// and rows starting with '#' are skipped. Throws std::invalid_argument naming the row, e.g.
// "line 4: 'abc' is not a number (D)". Values must be finite and > 0.
std::vector<ScalingPoint> parseScalingPoints(std::string_view text);

// "N,D,L" with a header row, one point per line: N and D to 6 significant digits, L to 5 (short
// enough to read in a text box; the rounding is far below the noise of real runs).
std::string formatScalingPoints(const std::vector<ScalingPoint>& points);

}  // namespace slingshot
