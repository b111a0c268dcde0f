#include "core/skill_graph.h"

#include <type_traits>

namespace slingshot {

namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

// Slots are visited in storage order; the hash lane of slot i is i mod 4 so four multiply chains
// overlap. The stream, the bound and the lanes are copied into locals: stores to the slot and degree
// arrays could otherwise alias them and force a reload per slot (measured 2x slower).
template <class Id, bool kAlias>
void samplePieces(Id* slots, uint32_t* degree, uint64_t first_slot, uint64_t end_slot, const SkillMeasure& mu,
                  WordStream& stream, const BoundedDraw& column_draw, uint64_t* lanes_io) {
    WordStream words = stream;
    const BoundedDraw column = column_draw;
    const uint32_t* keep = mu.keepBelow();
    const uint32_t* alias = mu.aliasOf();
    uint64_t lanes[4] = {lanes_io[0], lanes_io[1], lanes_io[2], lanes_io[3]};
    auto put = [&](uint64_t i, uint32_t s) {
        slots[i] = static_cast<Id>(s);
        ++degree[s];
        lanes[i & 3] = (lanes[i & 3] ^ s) * kFnvPrime;
    };
    uint64_t i = first_slot;
    if constexpr (!kAlias) {
        // Uniform: both halves of one draw give two slots; a rare rejected half hands the rest of the
        // pair back to the word-by-word path so the word sequence is the same as without this path.
        while (i + 1 < end_slot) {
            if (words.pending()) {  // a half-word left by the previous call or by a rejection
                put(i, column(words));
                ++i;
                continue;
            }
            const uint64_t r = words.nextPair();
            uint32_t s0, s1;
            if (!column.tryWord(static_cast<uint32_t>(r >> 32), s0)) {
                words.pushLow(static_cast<uint32_t>(r));
                s0 = column(words);
                s1 = column(words);
            } else if (!column.tryWord(static_cast<uint32_t>(r), s1)) {
                s1 = column(words);
            }
            put(i, s0);
            put(i + 1, s1);
            i += 2;
        }
    }
    for (; i < end_slot; ++i) {
        uint32_t s = column(words);
        if constexpr (kAlias) s = words.next32() < keep[s] ? s : alias[s];
        put(i, s);
    }
    for (int lane = 0; lane < 4; ++lane) lanes_io[lane] = lanes[lane];
    stream = words;
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
        using Id = std::remove_pointer_t<decltype(slots)>;
        if (measure_.isUniform())
            samplePieces<Id, false>(slots, graph_.degree.data(), next_piece_ * graph_.k, end_piece * graph_.k,
                                    measure_, words_, column_, lanes_);
        else
            samplePieces<Id, true>(slots, graph_.degree.data(), next_piece_ * graph_.k, end_piece * graph_.k,
                                   measure_, words_, column_, lanes_);
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
