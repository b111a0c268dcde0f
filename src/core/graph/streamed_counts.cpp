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

StreamedCountJob::StreamedCountJob(SimulationParams p, uint64_t first_block, uint64_t last_block)
    : p_(std::move(p)), first_(first_block), last_(last_block) {
    validateSimulation(p_);
    if (p_.slots != SlotStorage::Streamed) throw std::invalid_argument("a share of blocks is for streamed runs");
    if (!(first_ < last_ && last_ <= pieceBlockCount(p_.n2)))
        throw std::invalid_argument("blocks [" + std::to_string(first_) + ", " + std::to_string(last_) +
                                    ") are not blocks of this graph (" + std::to_string(pieceBlockCount(p_.n2)) + ")");
    requireWithinBudget("this share of the simulation", estimateSimulationBytes(p_), p_.memory_budget_bytes);
    JobStage stage;
    stage.name = "sampling the skill graph, counting failed edges";
    stage.block_items = 1;
    stage.begin = [this] {
        measure_ = measureOf(p_.measure, p_.n1);
        failures_ = std::make_unique<BlockFailures>(p_.failure, p_.n2, p_.theta, p_.seed, first_, last_);
        counter_ = std::make_unique<StreamedCounter>(p_, *measure_, *failures_);
        return last_ - first_;
    };
    stage.block = [this](uint64_t a, uint64_t b) {
        for (uint64_t i = a; i < b; ++i) counter_->countBlock(first_ + i);
    };
    stage.end = [this] {
        counts_ = std::move(counter_->counts());
        counter_.reset();
        failures_.reset();
    };
    addStage(std::move(stage));
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
