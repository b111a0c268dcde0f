#include "core/theory/cloze.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace slingshot {

std::string_view thetaMapName(ThetaMap map) { return map == ThetaMap::Pinsker ? "pinsker" : "linear"; }

std::optional<ThetaMap> thetaMapFromName(std::string_view name) {
    if (name == "linear") return ThetaMap::Linear;
    if (name == "pinsker") return ThetaMap::Pinsker;
    return std::nullopt;
}

ThetaValue thetaFromExcessChecked(double excess_nats, ThetaMap map, double c_map) {
    if (!(excess_nats >= 0) || !std::isfinite(excess_nats))
        throw std::invalid_argument("excess loss must be finite and >= 0 nats");
    double raw;
    if (map == ThetaMap::Pinsker) {
        raw = std::sqrt(2 * excess_nats);
    } else {
        if (!(c_map > 0) || !std::isfinite(c_map)) throw std::invalid_argument("c_map must be finite and > 0");
        raw = c_map * excess_nats;
    }
    // theta = 1 would mean every piece fails; keep theta inside [0, 1) and say so.
    if (raw >= 1) return {std::nextafter(1.0, 0.0), true};
    return {raw, false};
}

double thetaFromExcess(double excess_nats, ThetaMap map, double c_map) {
    return thetaFromExcessChecked(excess_nats, map, c_map).theta;
}

bool thetaClipped(double excess_nats, ThetaMap map, double c_map) {
    return thetaFromExcessChecked(excess_nats, map, c_map).clipped;
}

double clozeErrorBound(double eps_nats) {
    if (!(eps_nats >= 0)) throw std::invalid_argument("excess entropy must be >= 0 nats");
    return std::sqrt(2 * eps_nats);
}

std::span<const CMapPreset> cmapPresets() {
    static constexpr std::array<CMapPreset, 4> presets{{
        {1.0, "1: error fraction = excess loss"},
        {1.1, "1.1: Assumption 2 factor"},
        {2.0, "2: Markov at piece loss 1/2"},
        {2.2, "2.2: both factors"},
    }};
    return presets;
}

}  // namespace slingshot
