// Largest singular values of a sampled skill graph's biadjacency matrix B (N1 skills x N2 pieces,
// B[s][t] = how many of piece t's slots hold skill s), by Lanczos on N1 x N1 operators built from
// B B^T without forming them: one product is a pass over the slot array (gather, then scatter).
// Three runs, each a job stage per Lanczos step so the page can slice them:
//   top      B B^T                          -> sigma1 and its vector u1
//   deflated (I - u1 u1^T) B B^T (I - u1 u1^T) -> sigma2
//   centred  C C^T, C = B - deg 1^T / N2    -> ||C||_2, the constant of the mixing lemma (THEORY 8.1)
// The centred run also yields a certified upper bound on ||C||_2: Lanczos from a uniformly random
// start underestimates the top eigenvalue by a relative eps or more with probability at most
// 1.648 sqrt(n) exp(-sqrt(eps) (2q - 1)) after q products beyond the first (Kuczynski & Wozniakowski
// 1992, Thm 4.2), so lambda <= ritz / (1 - eps) except with that (chosen) probability.
#pragma once

#include "core/base/job.h"
#include "core/base/memory_budget.h"
#include "core/graph/skill_graph.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace slingshot {

// How the norms are found. Slots: Lanczos whose products are passes over the slot array, and a
// probabilistic upper bound. Gram: B B^T formed once (N1^2 doubles), Lanczos with dense products, and
// the upper bound proved by a Cholesky factorisation (gram_matrix.h): no failure probability, tighter.
// Auto: Gram where it fits (spectralMethodFor).
enum class SpectralMethod { Auto, Slots, Gram };
std::string_view spectralMethodName(SpectralMethod m);  // "auto" | "slots" | "gram"
std::optional<SpectralMethod> spectralMethodFromName(std::string_view name);

// Largest N1 the Gram method is chosen for by Auto.
inline constexpr uint32_t kGramMaxSkills = 2048;

struct SpectralParams {
    uint64_t seed = 1;                        // start vectors only (the graph is given)
    double start_failure_probability = 1e-6;  // delta: chance, over the start vector, that the bound fails
    double target_eps = 0.01;                 // relative error on sigma^2 the probabilistic bound must reach
    double residual_tol = 1e-9;               // top/deflated runs stop when residual <= tol * ritz
    uint32_t max_iterations = 400;            // per run; also capped by the dimension and the budget
    double memory_budget_bytes = kDefaultMemoryBudgetBytes;
    SpectralMethod method = SpectralMethod::Auto;
    bool operator==(const SpectralParams&) const = default;
};

// The method Auto resolves to for a graph of n1 skills: Gram when n1 <= kGramMaxSkills and its
// matrices fit the budget; a method other than Auto is returned as it is.
SpectralMethod spectralMethodFor(const SpectralParams& p, uint32_t n1);

struct LanczosSummary {
    double ritz = 0;          // top Ritz value (an eigenvalue estimate, never above the true one)
    double residual = 0;      // ||Op u - ritz u|| for the unit Ritz vector u
    uint32_t iterations = 0;  // operator products
    double eps = 1;           // relative error on ritz guaranteed with probability >= 1 - delta (0 if exact)
    bool exact = false;       // the Krylov space became invariant: ritz is the top eigenvalue (to rounding)
};

struct SpectralResult {
    double sigma1 = 0;                     // largest singular value of B
    double sigma2 = 0;                     // second largest (top run deflated by its Ritz vector)
    double sigma_centred = 0;              // ||B - deg 1^T / N2||_2 (Ritz estimate)
    double sigma_centred_upper = 0;        // certified: >= ||B - deg 1^T / N2||_2 with probability >= 1 - delta
    double start_failure_probability = 0;  // delta used (0 for Gram: the bound is proved)
    LanczosSummary top, deflated, centred;
    SpectralMethod method = SpectralMethod::Slots;  // the one used
    uint32_t proof_attempts = 0;                    // Gram: Cholesky factorisations tried
};

// eps after `products` operator products in dimension n at failure probability delta (1 = no bound).
double lanczosEps(double n, uint32_t products, double delta);
// Products needed to reach eps at failure probability delta in dimension n.
uint32_t lanczosProductsFor(double n, double eps, double delta);

class SpectralJob : public Job {
public:
    // `graph` must be sampled before the first step() and outlive the job. Throws std::invalid_argument
    // for bad parameters and MemoryBudgetError when the Lanczos basis does not fit the budget.
    SpectralJob(const SkillGraph& graph, SpectralParams params);
    ~SpectralJob() override;

    const SpectralParams& params() const { return p_; }
    // Complete once state() == JobState::Done.
    const SpectralResult& result() const { return result_; }

    // Bytes of the Lanczos basis and work vectors for N1 skills and `iterations` steps.
    static double workBytes(uint32_t n1, uint32_t iterations);
    // Bytes of the job for a graph of n1 skills under p (its method resolved, the Gram matrices included).
    static double bytesFor(const SpectralParams& p, uint32_t n1);

private:
    struct Impl;
    SpectralParams p_;
    std::unique_ptr<Impl> impl_;
    SpectralResult result_;
};

}  // namespace slingshot
