// From excess loss to the failure measure theta of text pieces (THEORY §2.3, §2.4, §2.7).
// The map is uncertain [U]: Cor 13 needs it linear, so `Linear` with c_map = 1 is the default.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace slingshot {

enum class ThetaMap {
    Linear,   // theta = c_map * excess (the paper's reading under Assumption 2)
    Pinsker,  // theta = sqrt(2 * excess): Theorem 3 worst case, a non-paper variant
};

std::string_view thetaMapName(ThetaMap map);  // "linear" | "pinsker"
// The inverse of thetaMapName; nullopt for any other text.
std::optional<ThetaMap> thetaMapFromName(std::string_view name);

struct ThetaValue {
    double theta;  // in [0, 1)
    bool clipped;  // the raw map reached 1 or more and was cut to just below 1
};

// excess_nats >= 0 (nats/token) and, for Linear, c_map > 0; std::invalid_argument otherwise.
// c_map is ignored by Pinsker.
ThetaValue thetaFromExcessChecked(double excess_nats, ThetaMap map, double c_map);
double thetaFromExcess(double excess_nats, ThetaMap map, double c_map);
bool thetaClipped(double excess_nats, ThetaMap map, double c_map);

// Theorem 3: a binary cloze question at a position with excess entropy eps (nats) is answered
// wrongly with probability at most sqrt(2 eps) (Pinsker; may exceed 1, then it says nothing).
double clozeErrorBound(double eps_nats);

struct CMapPreset {
    double value;
    std::string_view label;
};

// The named c_map values of §2.7: 1 (default), 1.1, 2, 2.2.
std::span<const CMapPreset> cmapPresets();

}  // namespace slingshot
