#include "core/graph/simulation.h"

#include "core/graph/piece_blocks.h"
#include "core/graph/streamed_counts.h"

#include <cmath>
#include <stdexcept>

namespace slingshot {

namespace {

std::string numberText(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    return std::to_string(v);
}

void requireRange(const char* name, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi))
        throw std::invalid_argument(std::string(name) + ": " + numberText(v) + " is out of range; allowed: [" +
                                    numberText(lo) + ", " + numberText(hi) + "]");
}

}  // namespace

void validateSimulation(const SimulationParams& p) {
    requireRange("max_pieces", double(p.max_pieces), 1, double(kMaxPiecesNative));
    requireRange("n1", p.n1, 1, kMaxSkills);
    if (p.slots == SlotStorage::Streamed)
        requireRange("n2", double(p.n2), 1, double(kMaxPiecesStreamed));
    else if (!(p.n2 >= 1 && p.n2 <= p.max_pieces))
        throw std::invalid_argument("n2: " + numberText(double(p.n2)) + " is out of range; allowed: [1, " +
                                    numberText(double(p.max_pieces)) +
                                    "] when the slots are kept (tuples, the adversary, views); a streamed run "
                                    "(no tuples, no adversary) takes up to " +
                                    numberText(double(kMaxPiecesStreamed)));
    requireRange("k", p.k, 1, kMaxSlotsPerPiece);
    requireRange("theta", p.theta, 0, 1);
    requireRange("c", p.c, 0, 1);
    requireRange("grid_points", p.grid_points, 1, 1000);
    if (p.kprime != 0 && p.kprime != 2 && p.kprime != 3)
        throw std::invalid_argument("kprime: " + std::to_string(p.kprime) + " is not allowed; allowed: 2 or 3");
    if (p.kprime != 0 && p.tuples == TupleReading::S && p.kprime > p.k)
        throw std::invalid_argument("kprime: the S reading needs kprime <= k (co-occurring skills of one piece)");
    requireRange("t2_pieces", double(p.t2_pieces), 0, double(p.max_pieces));
    if (p.slots == SlotStorage::Streamed && readsSlotsLater(p))
        throw std::invalid_argument("a streamed graph keeps no slots: tuples and the adversarial search need them");
    if (!(p.memory_budget_bytes > 0) || !std::isfinite(p.memory_budget_bytes))
        throw std::invalid_argument("memory budget: must be a positive number of bytes");
    switch (p.measure.kind) {
        case MeasureSpec::Kind::Uniform: break;
        case MeasureSpec::Kind::Zipf: requireRange("zipf exponent s", p.measure.zipf_s, 0, 10); break;
        case MeasureSpec::Kind::Weights:
            if (p.measure.weights.size() != p.n1)
                throw std::invalid_argument("weights: " + std::to_string(p.measure.weights.size()) +
                                            " values given, one per skill needed (n1 = " + std::to_string(p.n1) + ")");
            break;
    }
}

double estimateSimulationBytes(const SimulationParams& p, unsigned workers) {
    if (p.slots == SlotStorage::Streamed) {
        const double alias = SkillMeasure::tableBytes(p.n1, p.measure.kind == MeasureSpec::Kind::Uniform);
        // Each worker's counter (the first one's counts become the total) and the split of the failure
        // count (one per block).
        return workers * StreamedCounter::bytesFor(p.n1, p.n2, p.k) + alias + 8.0 * double(pieceBlockCount(p.n2));
    }
    double bytes = SkillGraph::bytesFor(p.n1, p.n2, p.k, p.slots);
    bytes += double(p.n2);  // failure flags
    bytes += 4.0 * p.n1;    // failed edges per skill
    bytes += SkillMeasure::tableBytes(p.n1, p.measure.kind == MeasureSpec::Kind::Uniform);
    if (p.failure == FailureMode::Adversarial) bytes += AdversarySearch::workBytes(p.n1, p.n2);
    if (p.kprime) {
        TupleParams t;
        t.kprime = p.kprime;
        t.reading = p.tuples;
        t.t2_pieces = p.t2_pieces;
        bytes += TupleCounter::bytesFor(p.n1, p.k, p.n2, t);
    }
    return bytes;
}

void SimulationJob::allocateFailedEdges() {
    failed_edges_.allocate("failed edges per skill", p_.n1);
    failed_edges_.fill(0);
}

SkillMeasure measureOf(const MeasureSpec& spec, uint32_t n1) {
    switch (spec.kind) {
        case MeasureSpec::Kind::Zipf: return SkillMeasure::zipf(n1, spec.zipf_s);
        case MeasureSpec::Kind::Weights: return SkillMeasure::weights(spec.weights);
        case MeasureSpec::Kind::Uniform: break;
    }
    return SkillMeasure::uniform(n1);
}

bool sameGraph(const SimulationParams& a, const SimulationParams& b) {
    return a.n1 == b.n1 && a.n2 == b.n2 && a.k == b.k && a.measure == b.measure && a.seed == b.seed &&
           a.slots == SlotStorage::Kept && b.slots == SlotStorage::Kept;
}

SimulationJob::SimulationJob(SimulationParams params, std::shared_ptr<const SampledGraph> sampled)
    : p_(std::move(params)) {
    validateSimulation(p_);
    requireWithinBudget("this simulation", estimateSimulationBytes(p_), p_.memory_budget_bytes);
    measure_ = measureOf(p_.measure, p_.n1);
    if (sampled && sameGraph(sampled->sampled_by, p_)) {
        graph_ = std::move(sampled);
        have_graph_ = reused_graph_ = true;
        result_.slots_hash = graph_->slots_hash;
        result_.mean_degree = double(p_.k) * double(p_.n2) / double(p_.n1);
    } else {
        drawn_ = std::make_shared<SampledGraph>();
        drawn_->sampled_by = p_;
        drawn_->graph.n1 = p_.n1;
        drawn_->graph.n2 = p_.n2;
        drawn_->graph.k = p_.k;
        graph_ = drawn_;
    }
    if (p_.slots == SlotStorage::Streamed) {
        addStreamedStage();
        return;
    }
    if (!reused_graph_) addSamplingStage();
    addFailureStages();
    addCompetenceStage();
    if (p_.kprime) addTupleStages();
}

SimulationJob::~SimulationJob() = default;

void SimulationJob::addStreamedStage() {
    JobStage stage = blockCountStage(p_, *measure_, 0, pieceBlockCount(p_.n2), [this](StreamedCounts counts) {
        streamed_counts_ = std::make_unique<StreamedCounts>(std::move(counts));
        result_ = streamedResult(p_, *measure_, *streamed_counts_);
        skills_ready_ = true;
    });
    stage.weight = 3;
    addStage(std::move(stage));
}

uint64_t SimulationJob::piecesPerBlock() const { return std::max<uint64_t>(1, 4 * kJobBlockItems / p_.k); }

void SimulationJob::addSamplingStage() {
    JobStage sample;
    sample.name = "sampling the skill graph";
    sample.weight = 3;
    sample.block_items = piecesPerBlock();
    sample.begin = [this] {
        sampler_ = std::make_unique<GraphSampler>(drawn_->graph, *measure_, p_.seed, p_.slots);
        return p_.n2;
    };
    sample.block = [this](uint64_t, uint64_t last) { sampler_->sampleUntil(last); };
    sample.end = [this] {
        result_.slots_hash = drawn_->slots_hash = sampler_->slotsHash();
        result_.mean_degree = double(p_.k) * double(p_.n2) / double(p_.n1);
        sampler_.reset();
        have_graph_ = true;
    };
    addStage(std::move(sample));
}

void SimulationJob::addFailureStages() {
    if (p_.failure != FailureMode::Adversarial) {
        JobStage pick;
        pick.name = "choosing failed pieces";
        pick.weight = 0.3;
        pick.block_items = kPiecesPerBlock;  // whole blocks: the stage's blocks start at multiples of it
        pick.begin = [this] {
            block_failures_ =
                std::make_unique<BlockFailures>(p_.failure, p_.n2, p_.theta, p_.seed, 0, pieceBlockCount(p_.n2));
            failures_.count = 0;
            failures_.failed.allocate("failure flags", p_.n2);
            return p_.n2;
        };
        pick.block = [this](uint64_t first, uint64_t last) {
            fillFailures(failures_, *block_failures_, p_.n2, first / kPiecesPerBlock, pieceBlockCount(last));
        };
        pick.end = [this] { block_failures_.reset(); };
        addStage(std::move(pick));
    } else {
        AdversaryParams a = p_.adversary;
        a.theta = p_.theta;
        a.c = p_.c;
        a.seed = p_.seed;
        adversary_ = std::make_unique<AdversarySearch>(graph_->graph, failures_, a);
        adversary_->planStages([this](JobStage s) {
            s.weight *= 0.5;
            s.block_items = piecesPerBlock();
            addStage(std::move(s));
        });
    }
}

void SimulationJob::addCompetenceStage() {
    JobStage competence;
    competence.name = "measuring competence";
    competence.weight = 0.5;
    competence.block_items = piecesPerBlock();
    competence.begin = [this]() -> uint64_t {
        if (adversary_) result_.adversary = adversary_->report();
        allocateFailedEdges();
        return p_.n2;
    };
    competence.block = [this](uint64_t first, uint64_t last) {
        accumulateFailedEdges(graph_->graph, failures_.failed.data(), first, last, failed_edges_.data());
    };
    competence.end = [this] {
        result_.skills = summarizeSkills(graph_->graph, failed_edges_.data(), p_.c, p_.grid_points, &*measure_);
        result_.failed = failures_.count;
        result_.theta_realized = double(failures_.count) / double(p_.n2);
        skills_ready_ = true;
    };
    addStage(std::move(competence));
}

void SimulationJob::addTupleStages() {
    TupleParams t;
    t.kprime = p_.kprime;
    t.reading = p_.tuples;
    t.t2_pieces = p_.t2_pieces;
    t.seed = p_.seed;
    t.c = p_.c;
    t.grid_points = p_.grid_points;
    tuples_ = std::make_unique<TupleCounter>(graph_->graph, failures_, t);
    tuples_->planStages([this](JobStage s) { addStage(std::move(s)); });
    JobStage report;
    report.name = "tuples: competence";
    report.weight = 0;
    report.begin = [this]() -> uint64_t {
        result_.tuples = tuples_->report();
        return 0;
    };
    addStage(std::move(report));
}

}  // namespace slingshot
