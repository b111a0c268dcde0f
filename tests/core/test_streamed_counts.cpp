// Streamed runs counted block by block (src/core/graph/streamed_counts): any partition of the blocks
// among workers gives the kept run's hash, degrees, failures and competence; degrees over several
// blocks still follow Binomial(k N2, mu1(s)).
#include "core/graph/piece_blocks.h"
#include "core/graph/streamed_counts.h"
#include "simulation_fixtures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace slingshot;

namespace {

SimulationParams multiBlockRun(uint64_t n2, FailureMode failure, bool zipf) {
    SimulationParams p;
    p.n1 = 500;
    p.n2 = n2;
    p.k = 3;
    p.theta = 0.2;
    p.c = 0.75;
    p.failure = failure;
    p.seed = 77;
    if (zipf) {
        p.measure.kind = MeasureSpec::Kind::Zipf;
        p.measure.zipf_s = 1.1;
    }
    return p;
}

// Workers take tasks in an order of their own (every third task from the back to worker 2, ...), as
// threads would; one worker's calls stay sequential.
class ScrambledRunner final : public TaskRunner {
public:
    unsigned workers() const override { return 3; }
    void run(uint64_t tasks, const std::function<void(unsigned, uint64_t)>& task) override {
        for (uint64_t j = tasks; j-- > 0;) task(static_cast<unsigned>((j * 7 + 1) % 3), j);
    }
};

void requireSameCounts(const StreamedCounts& a, const StreamedCounts& b) {
    REQUIRE(a.slots_hash == b.slots_hash);
    REQUIRE(a.failed == b.failed);
    REQUIRE(a.blocks == b.blocks);
    REQUIRE(a.degree == b.degree);
    REQUIRE(a.failed_edges == b.failed_edges);
}

}  // namespace

TEST_CASE("streamed counts: every partition of the blocks gives the kept run, uniform and Zipf", "[streamed_counts]") {
    for (uint64_t n2 : {2 * kPiecesPerBlock, 2 * kPiecesPerBlock + 12345})
        for (FailureMode failure : {FailureMode::Random, FailureMode::Independent})
            for (bool zipf : {false, true}) {
                INFO("n2=" << n2 << " failure=" << failureModeName(failure) << " zipf=" << zipf);
                SimulationParams p = multiBlockRun(n2, failure, zipf);
                const SkillMeasure mu = measureOf(p.measure, p.n1);
                SimulationJob kept(p);
                kept.runToEnd();
                REQUIRE(kept.state() == JobState::Done);

                p.slots = SlotStorage::Streamed;
                const uint64_t blocks = pieceBlockCount(n2);
                SequentialRunner one;
                const StreamedCounts whole = countStreamedBlocks(p, mu, 0, blocks, one);
                ScrambledRunner three;
                requireSameCounts(countStreamedBlocks(p, mu, 0, blocks, three), whole);
                // As MPI ranks would split them: contiguous ranges, summed.
                for (uint64_t cut = 1; cut < blocks; ++cut) {
                    StreamedCounts parts = countStreamedBlocks(p, mu, 0, cut, one);
                    parts.add(countStreamedBlocks(p, mu, cut, blocks, three));
                    requireSameCounts(parts, whole);
                }
                for (uint32_t s = 0; s < p.n1; ++s) REQUIRE(whole.degree[s] == kept.graph().degree[s]);

                const SimulationResult r = streamedResult(p, mu, whole);
                const SimulationResult& k = kept.result();
                CHECK(r.slots_hash == k.slots_hash);
                CHECK(r.failed == k.failed);
                CHECK(r.skills.histogram == k.skills.histogram);
                CHECK(r.skills.measure_histogram == k.skills.measure_histogram);
                CHECK(r.skills.at_most_c == k.skills.at_most_c);
                CHECK(r.skills.failed_edge_sum == uint64_t(p.k) * r.failed);
                if (failure == FailureMode::Random) CHECK(r.failed == exactFailureCount(p.theta, n2));

                SimulationJob streamed(p);
                streamed.runToEnd();
                REQUIRE(streamed.state() == JobState::Done);
                CHECK(streamed.result().slots_hash == k.slots_hash);
                CHECK(streamed.result().skills.histogram == k.skills.histogram);
            }
}

TEST_CASE("streamed counts: degrees over several blocks follow Binomial(k N2, mu1(s))", "[streamed_counts]") {
    SimulationParams p = multiBlockRun(3 * kPiecesPerBlock + 1, FailureMode::Independent, true);
    p.slots = SlotStorage::Streamed;
    const SkillMeasure mu = measureOf(p.measure, p.n1);
    SequentialRunner one;
    const StreamedCounts c = countStreamedBlocks(p, mu, 0, pieceBlockCount(p.n2), one);
    double chi2 = 0;
    int cells = 0;
    const double total = double(p.k) * double(p.n2);
    for (uint32_t s = 0; s < p.n1; ++s) {
        const double e = total * mu.probability(s);
        chi2 += (double(c.degree[s]) - e) * (double(c.degree[s]) - e) / e;
        ++cells;
    }
    const double dof = cells - 1;
    CHECK(std::fabs((chi2 - dof) / std::sqrt(2 * dof)) < 4);
    // Independent failures: |Y| ~ Binomial(N2, theta).
    const double sd = std::sqrt(double(p.n2) * p.theta * (1 - p.theta));
    CHECK(std::fabs(double(c.failed) - p.theta * double(p.n2)) < 5 * sd);
}

TEST_CASE("streamed counts: seeds give different graphs, blocks different hash terms", "[streamed_counts]") {
    SimulationParams p = multiBlockRun(2 * kPiecesPerBlock, FailureMode::Random, false);
    p.slots = SlotStorage::Streamed;
    const SkillMeasure mu = measureOf(p.measure, p.n1);
    SequentialRunner one;
    const StreamedCounts a = countStreamedBlocks(p, mu, 0, 2, one);
    const StreamedCounts b0 = countStreamedBlocks(p, mu, 0, 1, one);
    const StreamedCounts b1 = countStreamedBlocks(p, mu, 1, 2, one);
    CHECK(b0.slots_hash != b1.slots_hash);
    CHECK(a.slots_hash == b0.slots_hash + b1.slots_hash);
    p.seed = 78;
    CHECK(countStreamedBlocks(p, mu, 0, 2, one).slots_hash != a.slots_hash);
}
