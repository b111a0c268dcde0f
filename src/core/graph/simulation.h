// One simulation run: sample a skill graph, choose failed pieces, measure competence of
// skills and optionally of k'-tuples. A resumable job: the CLI runs it to the end, the page steps it
// inside frames. The constructor validates and checks the memory estimate; nothing large is allocated
// before the first step.
#pragma once

#include "core/base/job.h"
#include "core/base/memory_budget.h"
#include "core/graph/adversary.h"
#include "core/graph/competence.h"
#include "core/graph/failures.h"
#include "core/graph/skill_graph.h"
#include "core/graph/skill_measure.h"
#include "core/graph/tuple_competence.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slingshot {

struct MeasureSpec {
    enum class Kind { Uniform, Zipf, Weights };
    Kind kind = Kind::Uniform;
    double zipf_s = 1.0;          // for Zipf
    std::vector<double> weights;  // for Weights: one per skill
    bool operator==(const MeasureSpec&) const = default;
};

struct SimulationParams {
    uint32_t n1 = 1000;    // skills
    uint64_t n2 = 100000;  // text pieces
    uint32_t k = 8;        // skill slots per piece
    double theta = 0.1;    // measure of failed pieces
    FailureMode failure = FailureMode::Random;
    double c = 0.8;       // competence level of frac_below_c
    uint32_t kprime = 0;  // 0 = no tuples, else 2 or 3
    TupleReading tuples = TupleReading::T2;
    uint64_t t2_pieces = 0;  // k'-pieces for T2 (0 = N2)
    MeasureSpec measure;
    uint64_t seed = 1;
    uint32_t grid_points = 100;  // curve at c = j / grid_points
    double memory_budget_bytes = kDefaultMemoryBudgetBytes;
    uint64_t max_pieces = kMaxPiecesNative;
    AdversaryParams adversary;  // theta, c, seed are taken from above
    // Streamed: slots are drawn chunk by chunk and dropped after their edges are counted, block by
    // block (same hash, degrees and competence; memory independent of N2; up to kMaxPiecesStreamed
    // pieces). Not with tuples or the adversary; graph() then stays empty (streamedCounts() has the
    // degrees).
    SlotStorage slots = SlotStorage::Kept;
    // Every field: two equal parameter sets make the same run.
    bool operator==(const SimulationParams&) const = default;
};

// Whether anything reads the run's slots after their edges are counted (tuples, the adversary): a run
// that does not may stream its graph (SlotStorage::Streamed) with the same result.
inline bool readsSlotsLater(const SimulationParams& p) {
    return p.kprime != 0 || p.failure == FailureMode::Adversarial;
}

// The skill measure a spec names, for N1 skills.
SkillMeasure measureOf(const MeasureSpec& spec, uint32_t n1);

// Throws std::invalid_argument naming the parameter and its range.
void validateSimulation(const SimulationParams& p);
// Peak bytes of the run (graph, failure flags, counts, adversary and tuple work arrays); a streamed
// run counted by `workers` workers at once holds a counter per worker.
double estimateSimulationBytes(const SimulationParams& p, unsigned workers = 1);

struct SimulationResult {
    uint64_t slots_hash = 0;
    double mean_degree = 0;  // k N2 / N1
    uint64_t failed = 0;     // |Y|
    double theta_realized = 0;
    CompetenceSummary skills;
    std::optional<AdversaryReport> adversary;
    std::optional<TupleReport> tuples;
};

// A sampled graph with its slots hash, which a later run on the same graph (sameGraph) takes instead
// of sampling it again: only N1, N2, k, the measure and the seed make the graph.
struct SampledGraph {
    SimulationParams sampled_by;
    SkillGraph graph;
    uint64_t slots_hash = 0;
};
bool sameGraph(const SimulationParams& a, const SimulationParams& b);

class BlockFailures;
struct StreamedCounts;

class SimulationJob : public Job {
public:
    // Throws std::invalid_argument (bad input) or MemoryBudgetError (estimate above the budget).
    // `sampled`, when it is this run's graph (sameGraph, slots kept), replaces the sampling stage: the
    // same hash, degrees and results, without drawing the slots again.
    explicit SimulationJob(SimulationParams params, std::shared_ptr<const SampledGraph> sampled = nullptr);
    ~SimulationJob() override;

    const SimulationParams& params() const { return p_; }
    // Complete once state() == JobState::Done; parts fill in as stages finish.
    const SimulationResult& result() const { return result_; }
    // The skills' part of result() (failures, competence, the adversary's report) and failedEdges()
    // are final; only the tuples' stages may still run.
    bool skillsReady() const { return skills_ready_; }
    // The sampled data, for views (valid after the sampling stage; no slots when streamed).
    const SkillGraph& graph() const { return graph_->graph; }
    // The run's graph for later runs: once sampled (or taken), and only with slots kept; else null.
    std::shared_ptr<const SampledGraph> sampledGraph() const { return have_graph_ ? graph_ : nullptr; }
    // Whether the graph was taken from `sampled` rather than drawn.
    bool reusedGraph() const { return reused_graph_; }
    const FailureSet& failures() const { return failures_; }
    const BigArray<uint32_t>& failedEdges() const { return failed_edges_; }
    const SkillMeasure& measure() const { return *measure_; }
    // A streamed run's per-skill counts once Done (null for kept runs).
    const StreamedCounts* streamedCounts() const { return streamed_counts_.get(); }

private:
    // The stages, in the order the constructor adds them.
    void addStreamedStage();
    void addSamplingStage();
    void addFailureStages();
    void addCompetenceStage();
    void addTupleStages();
    uint64_t piecesPerBlock() const;  // about 4 x kJobBlockItems slots a block
    void allocateFailedEdges();

    SimulationParams p_;
    std::optional<SkillMeasure> measure_;
    std::shared_ptr<SampledGraph> drawn_;        // the graph this run draws (null when it took one)
    std::shared_ptr<const SampledGraph> graph_;  // the graph it runs on: drawn_ or the one it took
    bool have_graph_ = false, reused_graph_ = false, skills_ready_ = false;
    FailureSet failures_;
    BigArray<uint32_t> failed_edges_;
    std::unique_ptr<GraphSampler> sampler_;
    std::unique_ptr<BlockFailures> block_failures_;  // kept runs' failure stage
    std::unique_ptr<StreamedCounts> streamed_counts_;
    std::unique_ptr<AdversarySearch> adversary_;
    std::unique_ptr<TupleCounter> tuples_;
    SimulationResult result_;
};

}  // namespace slingshot
