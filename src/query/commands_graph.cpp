// The sampled-graph commands: `simulate` (one skill graph, failed pieces, competence of skills and
// k'-tuples against the theorems) and `certify` (a spectral certificate for one sampled graph,
// beside Thm 8, the exact worst case alpha_A and the simulated adversary on the same graph).
#include "core/graph/certificate.h"
#include "core/graph/ensemble_bands.h"
#include "core/graph/piece_blocks.h"
#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"
#include "core/graph/streamed_counts.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "query/command_support.h"
#include "query/commands.h"
#include "query/graph_args.h"
#include "query/number_text.h"
#include "query/parallel_runs.h"
#include "query/seed_range_text.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot {

namespace {

std::vector<std::string> failureModeNames() {
    std::vector<std::string> names;
    for (FailureMode m : kFailureModes) names.emplace_back(failureModeName(m));
    return names;
}

// The first fields of both answers: the graph's shape, the failure measure and the level.
Json graphShapeJson(const SimulationParams& p) {
    return {{"n1", p.n1}, {"n2", p.n2}, {"k", p.k}, {"theta", p.theta}, {"c", p.c}};
}

Json lanczosJson(const LanczosSummary& s) {
    return {
        {"ritz", s.ritz}, {"residual", s.residual}, {"iterations", s.iterations}, {"eps", s.eps}, {"exact", s.exact}};
}

Json curveJson(const std::vector<CompetencePoint>& points) {
    Json curve = Json::array();
    for (const auto& p : points) curve.push_back({{"c", p.c}, {"frac", p.frac}});
    return curve;
}

SimulationParams paramsFrom(const Args& a) {
    SimulationParams p = graphParamsFrom(a);
    // The choices were validated against the engine's names.
    p.failure = *failureModeFromName(a.choice("failure"));
    p.kprime = a.has("kprime") ? static_cast<uint32_t>(a.integer("kprime")) : 0;
    p.tuples = *tupleReadingFromName(a.choice("tuples"));
    p.t2_pieces = static_cast<uint64_t>(a.integer("t2-pieces"));
    p.grid_points = static_cast<uint32_t>(a.integer("grid"));
    if (!readsSlotsLater(p)) p.slots = SlotStorage::Streamed;
    return p;
}

// What a reader must know to read the answer against the theorems.
Json simulationNotes(const SimulationParams& p, const SimulationResult& r, const SkillMeasure& measure) {
    Json notes = Json::array();
    if (!measure.isUniform())
        notes.push_back(
            "mu1 is not uniform: the bounds are on the measure of skills, so compare them with "
            "measure_frac_at_most_c; frac_at_most_c counts skills");
    if (!measure.isUniform() && p.failure == FailureMode::Adversarial)
        notes.push_back(
            "the adversary picks failures that push the most skills (by count) to failure >= 1 - c, so "
            "measure_frac_at_most_c is not a worst case for the measure; it targets rare, cheap skills");
    if (!measure.isUniform() && r.tuples)
        notes.push_back("tuple fractions count k'-tuples, while the T2 bound is on their product measure");
    if (r.tuples && r.tuples->total_tuples > 0) {
        const TupleReport& t = *r.tuples;
        const double without = double(t.summary.isolated) / t.total_tuples;
        char total[32];
        std::snprintf(total, sizeof total, "%.0f", t.total_tuples);
        if (without > 0.1)
            notes.push_back(std::to_string(t.summary.isolated) + " of " + total + " " + std::to_string(p.kprime) +
                            "-tuples have no edge (" +
                            (p.tuples == TupleReading::T2
                                 ? "no k'-piece holds them; more --t2-pieces give them edges"
                                 : "no piece holds them together; more pieces N2 give them edges") +
                            ") and are left out of the tuple fractions");
    }
    return notes;
}

// One simulation's result with what was measured about the run.
struct SimulationRun {
    SimulationResult result;
    SkillMeasure measure;
    double elapsed_ms = 0;
    double memory_estimate_bytes = 0;  // on one thread
    Json parallel;                     // streamed runs: threads, ranks and this process's memory
};

SimulationRun simulateKept(const SimulationParams& p) {
    const auto job = runJob<SimulationJob>(p);
    return {job->result(), job->measure(), job->elapsedMs(), estimateSimulationBytes(p), nullptr};
}

// Streamed: this process's share of the blocks on its runner's threads, summed over the ranks.
SimulationRun simulateStreamed(const SimulationParams& p) {
    const auto start = std::chrono::steady_clock::now();
    const ParallelRuns& parallel = parallelRuns();
    SequentialRunner one;
    TaskRunner& runner = parallel.runner ? *parallel.runner : one;
    const BlockShare share = blockShare(pieceBlockCount(p.n2), parallel.rank, parallel.ranks);
    // Counters are made by the workers that get blocks, at most one per block.
    const unsigned workers = static_cast<unsigned>(std::min<uint64_t>(runner.workers(), share.last - share.first));
    const double process_bytes = estimateSimulationBytes(p, std::max(1u, workers));
    try {
        validateSimulation(p);
        requireWithinBudget("this simulation", process_bytes, p.memory_budget_bytes);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    } catch (const MemoryBudgetError& e) {
        throw QueryError(e.what());
    }
    SimulationRun run{{}, measureOf(p.measure, p.n1), 0, estimateSimulationBytes(p), nullptr};
    StreamedCounts counts = share.first < share.last
                                ? countStreamedBlocks(p, run.measure, share.first, share.last, runner)
                                : StreamedCounts(p.n1);
    if (parallel.ranks > 1) parallel.reduce(counts);
    run.result = streamedResult(p, run.measure, counts);
    run.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    run.parallel = {{"threads", runner.workers()}, {"ranks", parallel.ranks}, {"memory_bytes_per_rank", process_bytes}};
    return run;
}

SimulationRun simulateOnce(const SimulationParams& p) {
    return p.slots == SlotStorage::Streamed ? simulateStreamed(p) : simulateKept(p);
}

Json bandJson(const SampleBand& b) {
    return {{"min", b.min}, {"lo", b.lo}, {"median", b.median}, {"hi", b.hi}, {"max", b.max}, {"mean", b.mean}};
}

// Pointwise bands along a curve's grid of c.
Json curveBandJson(const std::vector<double>& c, const std::vector<SampleBand>& bands) {
    Json out = Json::array();
    for (size_t j = 0; j < bands.size(); ++j) {
        Json row = {{"c", c[j]}};
        row.update(bandJson(bands[j]));
        out.push_back(row);
    }
    return out;
}

// `simulate --seeds A..B`: the same run for each seed, each seed's own numbers, and their spread.
Json runSeedEnsemble(const Args& a) {
    if (a.given("seed")) throw QueryError("--seed and --seeds are exclusive: --seeds A..B runs seeds A to B");
    SeedRange range;
    try {
        range = parseSeedRange(a.text("seeds"));
    } catch (const std::invalid_argument& e) {
        throw QueryError(std::string("--seeds: ") + e.what());
    }
    SimulationParams p = paramsFrom(a);
    std::vector<SimulationResult> results;
    Json per_seed = Json::array(), notes;
    std::string measure_text;
    bool uniform = true;
    double elapsed_ms = 0;
    for (uint64_t seed = range.first; seed <= range.last; ++seed) {
        p.seed = seed;
        const SimulationRun run = simulateOnce(p);
        const SimulationResult& r = run.result;
        Json row = {{"seed", seed},
                    {"slots_hash", hexHash(r.slots_hash)},
                    {"failed", r.failed},
                    {"theta_realized", r.theta_realized},
                    {"frac_at_most_c", r.skills.fracAtMostC()},
                    {"measure_frac_at_most_c", r.skills.measureFracAtMostC()}};
        if (r.tuples) row["tuples_frac_at_most_c"] = r.tuples->summary.fracAtMostC();
        if (r.adversary) row["adversary_best_x"] = r.adversary->best_x;
        row["elapsed_ms"] = run.elapsed_ms;
        elapsed_ms += run.elapsed_ms;
        per_seed.push_back(row);
        if (results.empty()) {
            notes = simulationNotes(p, r, run.measure);
            measure_text = run.measure.describe();
            uniform = run.measure.isUniform();
        }
        results.push_back(r);
    }
    std::vector<const SimulationResult*> runs;
    for (const SimulationResult& r : results) runs.push_back(&r);
    const EnsembleBands bands = ensembleBands(runs);

    Json out = graphShapeJson(p);
    out["failure"] = a.choice("failure");
    out["measure"] = measure_text;
    out["seeds"] = {{"first", range.first}, {"last", range.last}, {"count", range.count()}};
    out["band_level"] = kEnsembleBandLevel;
    Json summary;
    summary["frac_at_most_c"] = bandJson(bands.frac_at_most_c);
    summary["measure_frac_at_most_c"] = bandJson(bands.measure_frac_at_most_c);
    summary["theta_realized"] = bandJson(bands.theta_realized);
    if (bands.tuple_frac_at_most_c) summary["tuples_frac_at_most_c"] = bandJson(*bands.tuple_frac_at_most_c);
    out["summary"] = summary;
    const double rho = double(p.n1) / double(p.n2);
    out["bound_frac_at_most_c"] = 1.0 - fracCompetent(p.theta, p.c, p.k);
    out["bound_finite_frac_at_most_c"] = 1.0 - fracCompetent(p.theta, p.c, p.k, rho);
    out["per_seed"] = per_seed;
    out["curve_band"] = curveBandJson(bands.c, bands.curve);
    if (!uniform) out["measure_curve_band"] = curveBandJson(bands.c, bands.measure_curve);
    if (!bands.tuple_curve.empty()) out["tuples_curve_band"] = curveBandJson(bands.tuple_c, bands.tuple_curve);
    notes.push_back(
        "band: lo and hi are the empirical quantiles of rank ceil(0.05 M) and ceil(0.95 M) of the M seeds' values "
        "(no interpolation), so below 20 seeds they are the min and the max");
    out["notes"] = notes;
    out["elapsed_ms"] = elapsed_ms;
    return out;
}

Json runSimulate(const Args& a) {
    if (a.given("seeds")) return runSeedEnsemble(a);
    const SimulationParams p = paramsFrom(a);
    const SimulationRun run = simulateOnce(p);
    const SimulationResult& r = run.result;
    const SkillMeasure& measure = run.measure;

    Json out = graphShapeJson(p);
    out["failure"] = a.choice("failure");
    out["measure"] = measure.describe();
    out["seed"] = p.seed;
    out["slots_hash"] = hexHash(r.slots_hash);
    out["slots"] = p.slots == SlotStorage::Streamed ? "streamed" : "kept";
    out["blocks"] = pieceBlockCount(p.n2);
    out["memory_estimate_bytes"] = run.memory_estimate_bytes;
    out["mean_degree"] = r.mean_degree;
    out["failed"] = r.failed;
    out["theta_realized"] = r.theta_realized;
    out["skills_counted"] = r.skills.counted;
    out["isolated_skills"] = r.skills.isolated;
    out["weighted_mean_failure"] = r.skills.weightedMeanFailure();
    // By count of skills, and by their measure mu1: the theorems bound the measure of the skills with
    // competence at most c (failure >= 1 - c), so that is what the bounds below are compared with.
    out["frac_below_c"] = r.skills.fracBelowC();
    out["frac_at_most_c"] = r.skills.fracAtMostC();
    out["measure_frac_below_c"] = r.skills.measureFracBelowC();
    out["measure_frac_at_most_c"] = r.skills.measureFracAtMostC();
    // THEORY 3.2: min(1, alpha*, 1/beta) for the same theta, k, c: N2 -> infinity, and at this graph's
    // own rho = N1 / N2 (Thm 8's finite-size form).
    const double rho = double(p.n1) / double(p.n2);
    out["bound_frac_at_most_c"] = 1.0 - fracCompetent(p.theta, p.c, p.k);
    out["bound_finite_frac_at_most_c"] = 1.0 - fracCompetent(p.theta, p.c, p.k, rho);
    out["rho"] = rho;
    out["curve"] = curveJson(r.skills.curve());
    if (!measure.isUniform()) out["measure_curve"] = curveJson(r.skills.measureCurve());
    out["histogram"] = r.skills.histogram;
    if (r.adversary) {
        out["adversary"] = {{"best_x", r.adversary->best_x},
                            {"evaluations", r.adversary->evaluations},
                            {"refined_best", r.adversary->refined_best}};
    }
    if (r.tuples) {
        const TupleReport& t = *r.tuples;
        Json tj;
        tj["kprime"] = p.kprime;
        tj["reading"] = std::string(tupleReadingName(p.tuples));
        tj["kpieces"] = t.kpieces;
        if (p.tuples == TupleReading::T2) tj["failed_kpieces"] = t.failed_kpieces;
        tj["edges"] = t.edges;
        tj["total_tuples"] = t.total_tuples;
        tj["tuples_counted"] = t.summary.counted;
        tj["tuples_without_edges"] = t.summary.isolated;
        tj["frac_below_c"] = t.summary.fracBelowC();
        tj["frac_at_most_c"] = t.summary.fracAtMostC();
        // T2 is Thm 14 with theta' = k' theta (THEORY 4.2); S has no closed form.
        if (p.tuples == TupleReading::T2)
            tj["bound_frac_at_most_c"] = 1.0 - fracTuplesT2(p.theta, p.c, p.k, static_cast<int>(p.kprime));
        else
            tj["bound_frac_at_most_c"] = nullptr;
        tj["curve"] = curveJson(t.summary.curve());
        out["tuples"] = tj;
    }
    out["notes"] = simulationNotes(p, r, measure);
    // How the run was spread and how long it took: the only fields that differ between 1 thread,
    // many threads or MPI ranks.
    if (!run.parallel.is_null()) out["parallel"] = run.parallel;
    out["elapsed_ms"] = run.elapsed_ms;
    return out;
}

Json runCertify(const Args& a) {
    SimulationParams sim = graphParamsFrom(a);
    const bool adversary = a.choice("adversary") == "on";
    sim.failure = adversary ? FailureMode::Adversarial : FailureMode::Random;
    CertificateParams cp = certificateOf(sim);
    cp.spectral.start_failure_probability = a.number("delta");
    cp.spectral.target_eps = a.number("eps");
    cp.spectral.max_iterations = static_cast<uint32_t>(a.integer("max-iterations"));
    // The choice was validated against the engine's names. --delta and --eps belong to the slot method.
    cp.spectral.method = *spectralMethodFromName(a.choice("spectral"));
    const bool probabilistic = a.given("delta") || a.given("eps");
    if (probabilistic && cp.spectral.method == SpectralMethod::Gram)
        throw QueryError(
            "--delta and --eps are for --spectral slots (gram proves its bound; it has no failure "
            "probability)");
    if (probabilistic) cp.spectral.method = SpectralMethod::Slots;
    try {
        validateSimulation(sim);
    } catch (const std::invalid_argument& e) {
        throw QueryError(e.what());
    }
    if (estimateSimulationBytes(sim) >= sim.memory_budget_bytes)
        throw QueryError("this graph alone needs " + megabytesText(estimateSimulationBytes(sim)) + ", above --budget");

    // One after the other, so that each job's graph alone must fit the budget: the certificate keeps
    // only its certifier, then the simulation samples the same graph again for its failure set.
    const auto certificate = runJob<CertificateJob>(cp);
    const auto simulation = runJob<SimulationJob>(sim);
    const SimulationResult& s = simulation->result();
    const SpectralResult& r = certificate->result().spectral;
    const MixingCertificate cert = certificate->result().certifier->certify(sim.theta, sim.c);
    const double tau = 1.0 - sim.c;
    const double rho = double(sim.n1) / double(sim.n2);

    Json out = graphShapeJson(sim);
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
    out["spectral_method"] = std::string(spectralMethodName(r.method));
    out["start_failure_probability"] = r.start_failure_probability;
    if (r.method == SpectralMethod::Gram) out["proof_attempts"] = r.proof_attempts;
    out["lanczos"] = {
        {"top", lanczosJson(r.top)}, {"deflated", lanczosJson(r.deflated)}, {"centred", lanczosJson(r.centred)}};
    out["certified_max_skills"] = cert.max_skills;
    out["certified_frac_at_most_c"] = cert.frac;
    out["certified_frac_min_degree"] = cert.frac_min_degree;
    out["certified_limit"] = cert.limit;
    out["thm8_frac_at_most_c"] = 1.0 - fracCompetent(sim.theta, sim.c, sim.k);
    out["thm8_finite_frac_at_most_c"] = 1.0 - fracCompetent(sim.theta, sim.c, sim.k, rho);
    out["alpha_a"] = greedyAdversaryAlpha(sim.theta, tau, static_cast<int>(sim.k));
    out["markov_frac_at_most_c"] = tau > 0 ? std::min(1.0, sim.theta / tau) : 1.0;
    // By count, as the certificate counts skills, and by mu1, as Thm 8, alpha_A and Markov weigh them.
    const std::string failed = adversary ? "adversary" : "random";
    out[failed + "_frac_below_c"] = s.skills.fracBelowC();
    out[failed + "_frac_at_most_c"] = s.skills.fracAtMostC();
    out[failed + "_measure_frac_at_most_c"] = s.skills.measureFracAtMostC();
    out["elapsed_ms"] = simulation->elapsedMs() + certificate->elapsedMs();
    return out;
}

}  // namespace

CommandSpec simulateCommand() {
    CommandSpec c;
    c.name = "simulate";
    c.summary = "sample a skill graph, fail text pieces, measure competence of skills (and k'-tuples)";
    using K = ParamKind;
    c.params = {
        graphParam("n1"),
        graphParam("n2").range(1, double(kMaxPiecesStreamed)),  // streamed runs go beyond kept ones
        graphParam("k"),
        graphParam("theta"),
        Param("failure", "how failed pieces are chosen", K::Choice).choices(failureModeNames()).byDefault("random"),
        graphParam("c"),
        Param("kprime", "tuple size k' (omit for single skills only)", K::Integer).range(2, 3),
        Param("tuples", "k'-tuple reading: t2 = concatenated k'-pieces, s = co-occurrence in one piece", K::Choice)
            .choices({std::string(tupleReadingName(TupleReading::T2)), std::string(tupleReadingName(TupleReading::S))})
            .byDefault("t2"),
        Param("t2-pieces", "number of k'-pieces for t2 (0 = N2)", K::Integer)
            .range(0, double(kMaxPiecesNative))
            .byDefault("0"),
        graphParam("measure"),
        graphParam("zipf-s"),
        graphParam("seed"),
        Param("seeds",
              "an ensemble: the run for each seed A..B (both included, at most " + std::to_string(kMaxEnsembleSeeds) +
                  "), each seed's numbers and their band",
              K::Text),
        Param("grid", "curve points: c = j/grid, j = 0..grid", K::Integer).range(1, 1000).byDefault("100"),
        graphParam("budget"),
    };
    c.run = runSimulate;
    return c;
}

CommandSpec certifyCommand() {
    using K = ParamKind;
    CommandSpec certify;
    certify.name = "certify";
    certify.summary =
        "spectral certificate for one sampled skill graph: no failure set of measure theta can push "
        "more than this fraction of skills to competence <= c";
    certify.params = {
        // The deflated singular value needs a second skill.
        graphParam("n1").range(2, kMaxSkills),
        graphParam("n2"),
        graphParam("k"),
        graphParam("seed"),
        graphParam("theta"),
        graphParam("c"),
        graphParam("measure"),
        graphParam("zipf-s"),
        Param("adversary", "also run the simulated adversary on the same graph", K::Choice)
            .choices({"on", "off"})
            .byDefault("on"),
        Param("spectral",
              "how ||C||_2 is bounded: gram (B B^T formed, the bound proved by Cholesky; N1^2 doubles), slots "
              "(Lanczos over the slot array, a bound failing with probability --delta), auto (gram up to N1 = " +
                  std::to_string(kGramMaxSkills) + " where it fits --budget; slots with --delta or --eps)",
              K::Choice)
            .choices({std::string(spectralMethodName(SpectralMethod::Auto)),
                      std::string(spectralMethodName(SpectralMethod::Gram)),
                      std::string(spectralMethodName(SpectralMethod::Slots))})
            .byDefault("auto"),
        Param("delta", "slots: probability, over the Lanczos start vector, that sigma_centred_upper fails")
            .range(0, 0.5)
            .openMin()
            .byDefault("1e-6"),
        Param("eps", "slots: relative error on sigma^2 the Lanczos bound must reach")
            .range(0, 0.5)
            .openMin()
            .byDefault("0.01"),
        Param("max-iterations", "Lanczos steps per run at most", K::Integer).range(2, 100000).byDefault("400"),
        graphParam("budget"),
    };
    certify.run = runCertify;
    return certify;
}

}  // namespace slingshot
