// Parametric scaling laws L(N, D) = E + A/N^a + B/D^b (THEORY §2.2), in nats per token.
// Only the excess loss L - E enters the emergence theory; E is kept for display.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slingshot {

struct ScalingLaw {
    std::string name;
    double E, A, B, a, b;  // entropy (nats/token), parameter and data terms, their exponents
};

ScalingLaw hoffmann2022();   // Chinchilla fit: E=1.69 A=406.4 B=410.7 a=0.34 b=0.28 (default)
ScalingLaw besiroglu2024();  // replication: E=1.8172 A=482.01 B=2085.43 a=0.3478 b=0.3658
std::optional<ScalingLaw> scalingPreset(std::string_view name);  // "hoffmann2022" | "besiroglu2024"
std::vector<std::string> scalingPresetNames();

// Throws std::invalid_argument unless E >= 0, A, B >= 0 and a, b > 0 (all finite).
void validateScalingLaw(const ScalingLaw& law);

// n_params > 0, d_tokens > 0, else std::invalid_argument.
double loss(const ScalingLaw& law, double n_params, double d_tokens);
double excessLoss(const ScalingLaw& law, double n_params, double d_tokens);  // L - E

struct ModelSize {
    double n_params, d_tokens;
};

// Exact minimiser of the excess loss under C = 6 N D (compute_flops > 0):
// N* = G (C/6)^{b/(a+b)}, D* = (C/6)/N*, G = (aA/(bB))^{1/(a+b)}. Needs A, B > 0.
ModelSize computeOptimal(const ScalingLaw& law, double compute_flops);

// The tokens D that make n_params compute-optimal (the inverse of computeOptimal along its frontier):
// D = (N/G)^{(a+b)/b} / N. n_params > 0; needs A, B > 0.
double computeOptimalTokens(const ScalingLaw& law, double n_params);

}  // namespace slingshot
