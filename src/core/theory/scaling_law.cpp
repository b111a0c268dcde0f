#include "core/theory/scaling_law.h"

#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot {

ScalingLaw hoffmann2022() { return {"hoffmann2022", 1.69, 406.4, 410.7, 0.34, 0.28}; }

ScalingLaw besiroglu2024() { return {"besiroglu2024", 1.8172, 482.01, 2085.43, 0.3478, 0.3658}; }

std::optional<ScalingLaw> scalingPreset(std::string_view name) {
    if (name == "hoffmann2022") return hoffmann2022();
    if (name == "besiroglu2024") return besiroglu2024();
    return std::nullopt;
}

std::vector<std::string> scalingPresetNames() { return {"hoffmann2022", "besiroglu2024"}; }

void validateScalingLaw(const ScalingLaw& law) {
    const bool ok = std::isfinite(law.E) && std::isfinite(law.A) && std::isfinite(law.B) && std::isfinite(law.a) &&
                    std::isfinite(law.b) && law.E >= 0 && law.A >= 0 && law.B >= 0 && law.a > 0 && law.b > 0;
    if (!ok) throw std::invalid_argument("scaling law needs finite E, A, B >= 0 and a, b > 0");
}

static void requirePositive(double v, const char* what) {
    if (!(v > 0) || !std::isfinite(v)) throw std::invalid_argument(std::string(what) + " must be finite and > 0");
}

double excessLoss(const ScalingLaw& law, double n_params, double d_tokens) {
    requirePositive(n_params, "n_params");
    requirePositive(d_tokens, "d_tokens");
    return law.A * std::pow(n_params, -law.a) + law.B * std::pow(d_tokens, -law.b);
}

double loss(const ScalingLaw& law, double n_params, double d_tokens) {
    return law.E + excessLoss(law, n_params, d_tokens);
}

static double optimalScale(const ScalingLaw& law) {
    if (!(law.A > 0 && law.B > 0)) throw std::invalid_argument("compute-optimal split needs A, B > 0");
    return std::pow(law.a * law.A / (law.b * law.B), 1.0 / (law.a + law.b));
}

ModelSize computeOptimal(const ScalingLaw& law, double compute_flops) {
    requirePositive(compute_flops, "compute_flops");
    const double nd_product = compute_flops / 6.0;  // N * D at the optimum
    const double g = optimalScale(law);
    const double n = g * std::pow(nd_product, law.b / (law.a + law.b));
    return {n, nd_product / n};
}

double computeOptimalTokens(const ScalingLaw& law, double n_params) {
    requirePositive(n_params, "n_params");
    const double g = optimalScale(law);
    return std::pow(n_params / g, (law.a + law.b) / law.b) / n_params;
}

}  // namespace slingshot
