// Fitting L(N, D) = E + A/N^a + B/D^b to a user's own runs. As Hoffmann et al. (2022) did:
// the LSE parametrisation log L = LSE(e, alpha_0 - a log N, beta_0 - b log D) with E = exp(e),
// A = exp(alpha_0), B = exp(beta_0), and the sum over points of the Huber loss (delta = 1e-3) of the
// log-loss residuals log L_pred - log L_obs. Every start of a grid is scored, and Levenberg-Marquardt
// runs from the best ones; the lowest loss wins. Standard errors come from the residual Jacobian.
#pragma once

#include "core/theory/scaling_law.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace slingshot {

struct ScalingPoint {
    double n_params;  // N, parameters
    double d_tokens;  // D, training tokens
    double loss;      // L, nats per token
};

inline constexpr size_t kMinFitPoints = 6;  // one more than the five parameters

// Throws std::invalid_argument unless there are >= kMinFitPoints points, all finite and > 0, with at
// least two different N and two different D.
void validateScalingPoints(const std::vector<ScalingPoint>& points);

struct ScalingFitOptions {
    double huber_delta = 1e-3;      // on log-loss residuals (Hoffmann et al.)
    uint32_t lm_starts = 16;        // Levenberg-Marquardt runs from the best-scoring grid starts
    uint32_t max_iterations = 500;  // per run
};

struct ScalingFitErrors {
    double E, A, B, a, b;  // standard errors; NaN when the Jacobian is rank deficient
};

struct ScalingFit {
    ScalingLaw law;  // named "fit"
    ScalingFitErrors se;
    double huber_loss = 0;        // sum of Huber losses at the optimum
    double rms_log_residual = 0;  // sqrt(mean (log L_pred - log L_obs)^2)
    double max_abs_log_residual = 0;
    uint32_t iterations = 0;   // Levenberg-Marquardt iterations of the winning run
    uint32_t grid_starts = 0;  // starts scored
    uint32_t lm_runs = 0;      // runs made
    size_t n_points = 0;
};

// Validates (validateScalingPoints), then fits. The law may still fail validateScalingLaw (a or b
// <= 0 when the data do not fall with N or D): check it before using the fit as a preset.
ScalingFit fitScalingLaw(const std::vector<ScalingPoint>& points, const ScalingFitOptions& options = {});

// Residual bootstrap: laws fitted (Levenberg-Marquardt from `fit`, no grid) to the fit's predicted
// log-losses minus residuals resampled with replacement. The pool: with noise well above the Huber
// delta (at least half the residuals outside its quadratic zone) the residuals outside it, as the fit
// then passes through about five points; otherwise all, scaled by sqrt(n/(n-5)). Their spread is the
// fit's uncertainty as the Huber loss sees it (the standard errors above assume least squares).
// Deterministic for a seed (stream RngStream::FitBootstrap). A replica's law may fail
// validateScalingLaw. `fit` must come from these points.
class Rng;
class FitBootstrap {
public:
    // Throws std::invalid_argument as validateScalingPoints does, or for a fit that is not finite.
    FitBootstrap(const std::vector<ScalingPoint>& points, const ScalingFit& fit, uint64_t seed,
                 const ScalingFitOptions& options = {});
    ~FitBootstrap();
    ScalingLaw next();  // the next replica

private:
    ScalingFitOptions options_;
    std::unique_ptr<Rng> rng_;
    std::vector<double> start_, pool_, log_n_, log_d_, predicted_;
};

// The first `replicas` laws of FitBootstrap(points, fit, seed).
std::vector<ScalingLaw> bootstrapScalingFit(const std::vector<ScalingPoint>& points, const ScalingFit& fit,
                                            uint32_t replicas, uint64_t seed, const ScalingFitOptions& options = {});

}  // namespace slingshot
