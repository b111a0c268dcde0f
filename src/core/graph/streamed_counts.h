// A streamed simulation counted block by block (piece_blocks.h): per skill, its edges and its failed
// edges, summed over any set of blocks in 64-bit integers, so the counts of disjoint sets of blocks
// (threads, MPI ranks, page workers) add up exactly to those of the whole graph. Memory is independent
// of N2: a worker holds one block's failure flags, one chunk of slots and per-skill counts.
#pragma once

#include "core/base/job.h"
#include "core/base/task_runner.h"
#include "core/graph/failures.h"
#include "core/graph/simulation.h"
#include "core/graph/skill_graph.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace slingshot {

struct StreamedCounts {
    std::vector<uint64_t> degree;        // per skill: slots drawing it
    std::vector<uint64_t> failed_edges;  // per skill: slots of failed pieces drawing it
    uint64_t failed = 0;                 // failed pieces
    uint64_t slots_hash = 0;             // sum of the blocks' hash terms, mod 2^64 (GraphSampler)
    uint64_t blocks = 0;                 // blocks counted

    explicit StreamedCounts(uint32_t n1 = 0) : degree(n1, 0), failed_edges(n1, 0) {}
    // Adds another set of blocks' counts (exact).
    void add(const StreamedCounts& other);
};

// One worker: samples whole blocks and their failures and counts them.
class StreamedCounter {
public:
    // `p` valid and streamed, with Random or Independent failures; `failures` covers every block this
    // counter will be given. Allocates the worker's buffers (MemoryBudgetError on failure).
    StreamedCounter(const SimulationParams& p, const SkillMeasure& measure, const BlockFailures& failures);
    void countBlock(uint64_t block);
    // The counts of every block counted so far (may be moved from; the counter is then spent).
    StreamedCounts& counts();

    // Bytes one counter holds, for memory estimates.
    static double bytesFor(uint32_t n1, uint64_t n2, uint32_t k);

private:
    void flush();

    const SimulationParams& p_;
    const BlockFailures& failures_;
    SkillGraph local_;  // n1, n2, k and 32-bit degrees since the last flush; no slots
    GraphSampler sampler_;
    BigArray<uint8_t> flags_;
    BigArray<uint32_t> failed_edges_;  // since the last flush
    uint64_t slots_since_flush_ = 0;
    StreamedCounts counts_;
};

// Blocks [first_block, last_block) counted by the runner's workers, one counter per worker, summed.
StreamedCounts countStreamedBlocks(const SimulationParams& p, const SkillMeasure& measure, uint64_t first_block,
                                   uint64_t last_block, TaskRunner& runner);

// The one job stage that counts blocks [first_block, last_block) of a streamed run, a block per step
// (each block's failure flags first: their streams do not depend on the graph, so each chunk's failed
// edges are counted while it is still in cache), and hands the counts to `done`. SimulationJob runs it
// over every block, StreamedCountJob over a share; `p` and `measure` must outlive the stage.
JobStage blockCountStage(const SimulationParams& p, const SkillMeasure& measure, uint64_t first_block,
                         uint64_t last_block, std::function<void(StreamedCounts)> done);

// Blocks [first_block, last_block) of a streamed run as one resumable job, a block per step: one
// worker's share when the page spreads a run over its workers.
class StreamedCountJob : public Job {
public:
    // Throws std::invalid_argument unless `p` is a valid streamed run and the blocks are in range.
    StreamedCountJob(SimulationParams p, uint64_t first_block, uint64_t last_block);
    ~StreamedCountJob() override;
    const SimulationParams& params() const { return p_; }
    // Complete once state() == JobState::Done.
    const StreamedCounts& counts() const { return counts_; }

private:
    SimulationParams p_;
    std::optional<SkillMeasure> measure_;
    StreamedCounts counts_;
};

// The run's result from the counts of all its blocks (the same fields as a kept run's).
SimulationResult streamedResult(const SimulationParams& p, const SkillMeasure& measure, const StreamedCounts& counts);

}  // namespace slingshot
