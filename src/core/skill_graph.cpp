#include "core/skill_graph.h"

namespace slingshot {

namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

template <class Id>
void samplePieces(Id* slots, uint32_t* degree, uint32_t k, uint64_t begin, uint64_t end, const SkillMeasure& mu,
                  WordStream& words, const BoundedDraw& column, uint64_t* lanes) {
    Id* row = slots + begin * k;
    for (uint64_t piece = begin; piece < end; ++piece, row += k) {
        uint64_t h = lanes[piece & 3];
        for (uint32_t j = 0; j < k; ++j) {
            const uint32_t s = mu.draw(words, column);
            row[j] = static_cast<Id>(s);
            ++degree[s];
            h = (h ^ s) * kFnvPrime;
        }
        lanes[piece & 3] = h;
    }
}

}  // namespace

GraphSampler::GraphSampler(SkillGraph& graph, const SkillMeasure& measure, uint64_t seed)
    : graph_(graph), measure_(measure), words_(Rng(seed, RngStream::GraphSlots)), column_(measure.columnDraw()) {
    const uint64_t n_slots = graph.n2 * graph.k;
    if (graph.narrow()) {
        graph.slots32.release();
        graph.slots16.allocate("skill graph slots", n_slots);
    } else {
        graph.slots16.release();
        graph.slots32.allocate("skill graph slots", n_slots);
    }
    graph.degree.allocate("skill degrees", graph.n1);
    graph.degree.fill(0);
    for (auto& lane : lanes_) lane = kFnvOffset;
}

void GraphSampler::sampleUntil(uint64_t end_piece) {
    if (end_piece > graph_.n2) end_piece = graph_.n2;
    if (end_piece <= next_piece_) return;
    graph_.withSlots([&](auto* slots) {
        samplePieces(slots, graph_.degree.data(), graph_.k, next_piece_, end_piece, measure_, words_, column_, lanes_);
    });
    next_piece_ = end_piece;
}

uint64_t GraphSampler::slotsHash() const {
    uint64_t h = kFnvOffset;
    for (uint64_t lane : lanes_) {
        for (int byte = 0; byte < 8; ++byte) h = (h ^ ((lane >> (8 * byte)) & 0xFF)) * kFnvPrime;
    }
    return h;
}

}  // namespace slingshot
