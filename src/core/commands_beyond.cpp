// Beyond the paper: `certify` (a spectral certificate for one sampled skill graph, beside
// Thm 8, the exact worst case alpha_A and the simulated adversary on the same graph) and `fit` (the
// user's own scaling law from (N, D, L) points).
#include "core/bounds.h"
#include "core/query.h"
#include "core/scaling_fit.h"
#include "core/simulation.h"
#include "core/simulation_args.h"
#include "core/spectral.h"
#include "core/spectral_certificate.h"

#include <cmath>
#include <cstdio>
#include <memory>
#include <stdexcept>

namespace slingshot {

namespace {

Json finiteOrNull(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

std::string hexHash(uint64_t v) {
    char text[19];
    std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(v));
    return text;
}

Json lanczosJson(const LanczosSummary& s) {
    return {{"ritz", s.ritz}, {"residual", s.residual}, {"iterations", s.iterations}, {"eps", s.eps}, {"exact", s.exact}};
}

// Runs a job to the end, turning engine errors into input errors.
template <class J, class... A>
std::unique_ptr<J> runJob(A&&... args) {
    std::unique_ptr<J> job;
    try {
        job = std::make_unique<J>(std::forward<A>(args)...);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    } catch (const MemoryBudgetError& e) {
        throw QueryError(e.what());
    }
    job->runToEnd();
    if (job->state() != JobState::Done) throw QueryError(job->error());
    return job;
}

Json runCertify(const Args& a) {
    SimulationParams sim = graphParamsFrom(a);
    const bool adversary = a.choice("adversary") == "on";
    sim.failure = adversary ? FailureMode::Adversarial : FailureMode::Random;
    const double budget = sim.memory_budget_bytes;
    SpectralParams sp;
    sp.seed = sim.seed;
    sp.start_failure_probability = a.number("delta");
    sp.target_eps = a.number("eps");
    sp.max_iterations = static_cast<uint32_t>(a.integer("max-iterations"));
    // The spectral job works on the simulation's graph, so both share the budget.
    try {
        validateSimulation(sim);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    }
    sp.memory_budget_bytes = budget - estimateSimulationBytes(sim);
    if (sp.memory_budget_bytes <= 0)
        throw QueryError("this graph alone needs " + megabytesText(estimateSimulationBytes(sim)) + ", above --budget");

    const auto simulation = runJob<SimulationJob>(sim);
    const auto spectral = runJob<SpectralJob>(simulation->graph(), sp);
    const SimulationResult& s = simulation->result();
    const SpectralResult& r = spectral->result();
    const MixingCertificate cert = MixingCertifier(simulation->graph(), r.sigma_centred_upper).certify(sim.theta, sim.c);
    const double tau = 1.0 - sim.c;
    const double rho = double(sim.n1) / double(sim.n2);

    Json out;
    out["n1"] = sim.n1;
    out["n2"] = sim.n2;
    out["k"] = sim.k;
    out["theta"] = sim.theta;
    out["c"] = sim.c;
    out["seed"] = sim.seed;
    out["measure"] = simulation->measure().describe();
    out["slots_hash"] = hexHash(s.slots_hash);
    out["mean_degree"] = s.mean_degree;
    out["min_degree"] = cert.min_degree;
    out["isolated_skills"] = cert.isolated;
    out["failed"] = cert.failed_pieces;
    out["sigma1"] = r.sigma1;
    out["sigma2"] = r.sigma2;
    out["sigma_centred"] = r.sigma_centred;
    out["sigma_centred_upper"] = finiteOrNull(r.sigma_centred_upper);
    out["start_failure_probability"] = r.start_failure_probability;
    out["lanczos"] = {{"top", lanczosJson(r.top)}, {"deflated", lanczosJson(r.deflated)}, {"centred", lanczosJson(r.centred)}};
    out["certified_max_skills"] = cert.max_skills;
    out["certified_frac_below_c"] = cert.frac;
    out["certified_frac_min_degree"] = cert.frac_min_degree;
    out["certified_limit"] = cert.limit;
    out["thm8_frac_below_c"] = 1.0 - fracCompetent(sim.theta, sim.c, sim.k);
    out["thm8_finite_frac_below_c"] = 1.0 - fracCompetent(sim.theta, sim.c, sim.k, rho);
    out["alpha_a"] = greedyAdversaryAlpha(sim.theta, tau, static_cast<int>(sim.k));
    out["markov_frac_below_c"] = tau > 0 ? std::min(1.0, sim.theta / tau) : 1.0;
    if (adversary) {
        out["adversary_frac_below_c"] = s.skills.fracBelowC();
        out["adversary_frac_at_most_c"] = s.skills.fracAtMostC();
    } else {
        out["random_frac_below_c"] = s.skills.fracBelowC();
        out["random_frac_at_most_c"] = s.skills.fracAtMostC();
    }
    out["elapsed_ms"] = simulation->elapsedMs() + spectral->elapsedMs();
    return out;
}

Json runFit(const Args& a) {
    if (a.has("points") == a.has("csv")) throw QueryError("fit: give exactly one of --points and --csv");
    std::vector<ScalingPoint> points;
    ScalingFit fit;
    try {
        points = parseScalingPoints(a.has("points") ? a.text("points") : a.text("csv"));
        ScalingFitOptions options;
        options.lm_starts = static_cast<uint32_t>(a.integer("starts"));
        fit = fitScalingLaw(points, options);
    } catch (const std::invalid_argument& e) {
        throw QueryError(std::string(a.has("points") ? "--points: " : "--csv: ") + e.what());
    }
    Json out;
    out["law"] = fit.law.name;
    out["E"] = fit.law.E;
    out["A"] = fit.law.A;
    out["B"] = fit.law.B;
    out["a"] = fit.law.a;
    out["b"] = fit.law.b;
    out["se"] = {{"E", finiteOrNull(fit.se.E)}, {"A", finiteOrNull(fit.se.A)}, {"B", finiteOrNull(fit.se.B)},
                 {"a", finiteOrNull(fit.se.a)}, {"b", finiteOrNull(fit.se.b)}};
    out["huber_loss"] = fit.huber_loss;
    out["rms_log_residual"] = fit.rms_log_residual;
    out["max_abs_log_residual"] = fit.max_abs_log_residual;
    out["iterations"] = fit.iterations;
    out["lm_runs"] = fit.lm_runs;
    out["grid_starts"] = fit.grid_starts;
    out["n_points"] = fit.n_points;
    try {
        validateScalingLaw(fit.law);
        out["usable_as_preset"] = true;
        out["preset_problem"] = nullptr;
    } catch (const std::invalid_argument& e) {
        out["usable_as_preset"] = false;
        out["preset_problem"] = e.what();
    }
    return out;
}

}  // namespace

void registerBeyondCommands(Registry& r) {
    using K = ParamKind;
    CommandSpec certify;
    certify.name = "certify";
    certify.summary = "spectral certificate for one sampled skill graph: no failure set of measure theta can push "
                      "more than this fraction of skills to competence <= c";
    certify.params = {
        Param("n1", "number of skills N1", K::Integer).range(2, kMaxSkills).byDefault("1000"),
        Param("n2", "number of text pieces N2", K::Integer).range(1, double(kMaxPiecesNative)).byDefault("100000"),
        Param("k", "skill slots per text piece", K::Integer).range(1, kMaxSlotsPerPiece).byDefault("8"),
        Param("seed", "random seed (graph, adversary ties, Lanczos start)", K::Integer)
            .range(0, 9007199254740992.0)
            .byDefault("1"),
        Param("theta", "measure of failed text pieces").range(0, 1).byDefault("0.1"),
        Param("c", "competence level (fraction of a skill's edges not failed)").range(0, 1).byDefault("0.8"),
        Param("measure", "skill measure mu1", K::Choice).choices({"uniform", "zipf"}).byDefault("uniform"),
        Param("zipf-s", "Zipf exponent s for --measure zipf").range(0, 10).byDefault("1"),
        Param("adversary", "also run the simulated adversary on the same graph", K::Choice)
            .choices({"on", "off"})
            .byDefault("on"),
        Param("delta", "probability, over the Lanczos start vector, that sigma_centred_upper fails")
            .range(0, 0.5)
            .openMin()
            .byDefault("1e-6"),
        Param("eps", "relative error on sigma^2 the Lanczos bound must reach").range(0, 0.5).openMin().byDefault("0.01"),
        Param("max-iterations", "Lanczos steps per run at most", K::Integer).range(2, 100000).byDefault("400"),
        Param("budget", "memory limit in bytes").range(0, 1e13).openMin().byDefault("1.5e9"),
    };
    certify.run = runCertify;
    r.add(std::move(certify));

    CommandSpec fit;
    fit.name = "fit";
    fit.summary = "fit L = E + A/N^a + B/D^b to (N, D, L) points (Huber loss on log L, Levenberg-Marquardt)";
    fit.params = {
        Param("points", "points as N,D,L;N,D,L;... (N parameters, D tokens, L nats/token)", K::Text),
        Param("csv", "points as CSV text, one N,D,L row per line, header optional", K::Text),
        Param("starts", "Levenberg-Marquardt runs from the best grid starts", K::Integer).range(1, 200).byDefault("16"),
    };
    fit.run = runFit;
    r.add(std::move(fit));
}

}  // namespace slingshot
