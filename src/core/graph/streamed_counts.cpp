#include "core/graph/streamed_counts.h"

#include "core/graph/competence.h"
#include "core/graph/piece_blocks.h"

#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

namespace slingshot {

void StreamedCounts::add(const StreamedCounts& other) {
    for (size_t s = 0; s < degree.size(); ++s) {
        degree[s] += other.degree[s];
        failed_edges[s] += other.failed_edges[s];
    }
    failed += other.failed;
    slots_hash += other.slots_hash;
    blocks += other.blocks;
}

namespace {

SkillGraph shapeOf(const SimulationParams& p) {
    SkillGraph g;
    g.n1 = p.n1;
    g.n2 = p.n2;
    g.k = p.k;
    return g;
}

}  // namespace

double StreamedCounter::bytesFor(uint32_t n1, uint64_t n2, uint32_t k) {
    const double flags = double(n2 < kPiecesPerBlock ? n2 : kPiecesPerBlock);
    // Sampler (chunk + 32-bit degrees), flags, 32-bit failed edges, 64-bit totals of both.
    return SkillGraph::bytesFor(n1, n2, k, SlotStorage::Streamed) + flags + 4.0 * n1 + 16.0 * n1;
}

StreamedCounter::StreamedCounter(const SimulationParams& p, const SkillMeasure& measure, const BlockFailures& failures)
    : p_(p),
      failures_(failures),
      local_(shapeOf(p)),
      sampler_(local_, measure, p.seed, SlotStorage::Streamed),
      counts_(p.n1) {
    flags_.allocate("failure flags of one block", p.n2 < kPiecesPerBlock ? p.n2 : kPiecesPerBlock);
    failed_edges_.allocate("failed edges per skill", p.n1);
    failed_edges_.fill(0);
}

void StreamedCounter::countBlock(uint64_t block) {
    // A 32-bit count cannot overflow before its skill has 2^32 slots, so flushing before 2^32 slots in
    // all keeps the kernels on 32-bit counters.
    const uint64_t pieces = blockPieceCount(p_.n2, block);
    if (slots_since_flush_ + pieces * p_.k > std::numeric_limits<uint32_t>::max()) flush();
    counts_.failed += failures_.fill(block, flags_.data());
    const uint64_t first_piece = block * kPiecesPerBlock;
    sampler_.seekBlock(block);
    sampler_.sampleUntil(first_piece + pieces, [this, first_piece](const SlotChunk& chunk) {
        accumulateFailedEdges(chunk, p_.k, flags_.data() + (chunk.first_piece - first_piece), failed_edges_.data());
    });
    slots_since_flush_ += pieces * p_.k;
    ++counts_.blocks;
}

void StreamedCounter::flush() {
    for (uint32_t s = 0; s < p_.n1; ++s) {
        counts_.degree[s] += local_.degree[s];
        counts_.failed_edges[s] += failed_edges_[s];
    }
    local_.degree.fill(0);
    failed_edges_.fill(0);
    slots_since_flush_ = 0;
}

StreamedCounts& StreamedCounter::counts() {
    flush();
    counts_.slots_hash = sampler_.slotsHash();
    return counts_;
}

StreamedCounts countStreamedBlocks(const SimulationParams& p, const SkillMeasure& measure, uint64_t first_block,
                                   uint64_t last_block, TaskRunner& runner) {
    const BlockFailures failures(p.failure, p.n2, p.theta, p.seed, first_block, last_block);
    std::vector<std::unique_ptr<StreamedCounter>> counters(runner.workers());
    runner.run(last_block - first_block, [&](unsigned worker, uint64_t i) {
        if (!counters[worker]) counters[worker] = std::make_unique<StreamedCounter>(p, measure, failures);
        counters[worker]->countBlock(first_block + i);
    });
    // The first worker's counts become the total (no second set of per-skill arrays).
    StreamedCounts total(0);
    for (auto& c : counters) {
        if (!c) continue;
        if (total.degree.empty())
            total = std::move(c->counts());
        else
            total.add(c->counts());
        c.reset();
    }
    if (total.degree.empty()) total = StreamedCounts(p.n1);
    return total;
}

JobStage blockCountStage(const SimulationParams& p, const SkillMeasure& measure, uint64_t first_block,
                         uint64_t last_block, std::function<void(StreamedCounts)> done) {
    struct Work {
        std::unique_ptr<BlockFailures> failures;
        std::unique_ptr<StreamedCounter> counter;
    };
    auto work = std::make_shared<Work>();
    JobStage stage;
    stage.name = "sampling the skill graph, counting failed edges";
    stage.block_items = 1;
    stage.begin = [&p, &measure, first_block, last_block, work] {
        work->failures = std::make_unique<BlockFailures>(p.failure, p.n2, p.theta, p.seed, first_block, last_block);
        work->counter = std::make_unique<StreamedCounter>(p, measure, *work->failures);
        return last_block - first_block;
    };
    stage.block = [first_block, work](uint64_t a, uint64_t b) {
        for (uint64_t i = a; i < b; ++i) work->counter->countBlock(first_block + i);
    };
    stage.end = [work, done = std::move(done)] {
        done(std::move(work->counter->counts()));
        work->counter.reset();
        work->failures.reset();
    };
    return stage;
}

StreamedCountJob::StreamedCountJob(SimulationParams p, uint64_t first_block, uint64_t last_block) : p_(std::move(p)) {
    validateSimulation(p_);
    if (p_.slots != SlotStorage::Streamed) throw std::invalid_argument("a share of blocks is for streamed runs");
    if (!(first_block < last_block && last_block <= pieceBlockCount(p_.n2)))
        throw std::invalid_argument("blocks [" + std::to_string(first_block) + ", " + std::to_string(last_block) +
                                    ") are not blocks of this graph (" + std::to_string(pieceBlockCount(p_.n2)) + ")");
    requireWithinBudget("this share of the simulation", estimateSimulationBytes(p_), p_.memory_budget_bytes);
    measure_ = measureOf(p_.measure, p_.n1);
    addStage(
        blockCountStage(p_, *measure_, first_block, last_block, [this](StreamedCounts c) { counts_ = std::move(c); }));
}

StreamedCountJob::~StreamedCountJob() = default;

SimulationResult streamedResult(const SimulationParams& p, const SkillMeasure& measure, const StreamedCounts& counts) {
    SimulationResult r;
    r.slots_hash = counts.slots_hash;
    r.mean_degree = double(p.k) * double(p.n2) / double(p.n1);
    r.failed = counts.failed;
    r.theta_realized = double(counts.failed) / double(p.n2);
    r.skills = summarizeSkills(p.n1, counts.degree.data(), counts.failed_edges.data(), p.c, p.grid_points, &measure);
    return r;
}

}  // namespace slingshot
