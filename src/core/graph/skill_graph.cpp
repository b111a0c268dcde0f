#include "core/graph/skill_graph.h"

#include "core/graph/bounded_words.h"
#include "core/graph/piece_blocks.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <type_traits>

namespace slingshot {

namespace {

constexpr uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001B3ULL;

// Slots are drawn in chunks of whole pieces small enough to stay in L1 cache (at most kChunkSlots);
// each chunk is written first, then read again for the degrees and the hash (and by a streamed run's
// visitor). Two short loops keep their state in registers, where one fused loop (generator, bound,
// four hash lanes, degrees) ran out of registers and spilled every iteration.
constexpr uint64_t kChunkSlots = 4096;
uint64_t chunkPieces(uint32_t k) { return std::max<uint64_t>(1, kChunkSlots / k); }

// Degrees and hash lanes for slots [first, end), already written to `chunk` (slot `first` at chunk[0]).
// The hash lane of slot i is i mod 4, so four multiply chains overlap; the lanes are in locals over
// whole groups of four. Within a chunk the loops use 32-bit counts and a moving pointer (measured
// faster natively than 64-bit indices).
template <class Id>
void tallySlots(const Id* chunk, uint64_t first, uint64_t end, uint32_t* degree, uint64_t* lanes) {
    uint64_t i = first;
    auto one = [&](uint64_t at) {
        const uint32_t s = chunk[at - first];
        ++degree[s];
        lanes[at & 3] = (lanes[at & 3] ^ s) * kFnvPrime;
    };
    for (; i < end && (i & 3) != 0; ++i) one(i);
    uint64_t h0 = lanes[0], h1 = lanes[1], h2 = lanes[2], h3 = lanes[3];
    const Id* p = chunk + (i - first);
    const uint32_t groups = static_cast<uint32_t>((end - i) / 4);
    for (uint32_t g = 0; g < groups; ++g, p += 4) {
        const uint32_t s0 = p[0], s1 = p[1], s2 = p[2], s3 = p[3];
        ++degree[s0];
        ++degree[s1];
        ++degree[s2];
        ++degree[s3];
        h0 = (h0 ^ s0) * kFnvPrime;
        h1 = (h1 ^ s1) * kFnvPrime;
        h2 = (h2 ^ s2) * kFnvPrime;
        h3 = (h3 ^ s3) * kFnvPrime;
    }
    i += 4 * uint64_t(groups);
    lanes[0] = h0;
    lanes[1] = h1;
    lanes[2] = h2;
    lanes[3] = h3;
    for (; i < end; ++i) one(i);
}

// Uniform: the slots are Lemire draws on the word stream (high half of each 64-bit draw, then the low
// half), a rejected word simply being skipped. A group of draws is made first (the generator alone, one
// tight dependency chain), then the bound is applied to all their words without branches, as vector
// code (boundWords). A group with a rejected word (probability < 2 N1 / 2^32 per slot) is
// redone word by word from the same words, so the slots are those of word-by-word draws however the
// calls are split.
constexpr uint64_t kGroupDraws = 256;

// n words (n even) in stream order: high half of each draw, then its low half. On little-endian
// targets one 64-bit store of the draw with its halves swapped writes both (measured 72 -> 54 ms
// per 4e7 draws in wasm, 43 -> 41 natively).
inline void fillWords(WordStream& words, uint32_t* group, uint32_t n) {
    for (uint32_t j = 0; j < n; j += 2) {
        const uint64_t r = words.nextPair();
        if constexpr (std::endian::native == std::endian::little) {
            const uint64_t swapped = std::rotl(r, 32);
            std::memcpy(group + j, &swapped, sizeof swapped);
        } else {
            group[j] = static_cast<uint32_t>(r >> 32);
            group[j + 1] = static_cast<uint32_t>(r);
        }
    }
}

// Both kernels fill slots[0, end) of one chunk.
template <class Id>
void drawUniform(Id* slots, uint64_t end, WordStream& stream, const BoundedDraw& column_draw) {
    WordStream words = stream;
    const BoundedDraw column = column_draw;
    const uint32_t bound = column.bound();
    const uint32_t reject_below = column.rejectBelow();
    uint32_t group[2 * kGroupDraws];
    uint64_t i = 0;
    while (i + 2 <= end) {
        if (words.pending()) {  // a half-word left by the last call or by a redone group
            slots[i++] = static_cast<Id>(column(words));
            continue;
        }
        const uint32_t n = static_cast<uint32_t>(2 * std::min(kGroupDraws, (end - i) / 2));
        fillWords(words, group, n);
        Id* out = slots + i;
        if (boundWords(group, n, bound, reject_below, out)) [[unlikely]] {
            uint32_t used = 0;
            for (uint32_t t = 0; t < n; ++t) {
                uint32_t v;
                while (!column.tryWord(used < n ? group[used] : words.next32(), v)) ++used;
                ++used;
                out[t] = static_cast<Id>(v);
            }
        }
        i += n;
    }
    if (i < end) slots[i] = static_cast<Id>(column(words));  // may leave a half-word for the next call
    stream = words;
}

// A measure with an alias table: per slot a column word (Lemire on N1, rejected words skipped), then
// a word against the column's keep threshold. As for the uniform case, a group's words are drawn first
// and the group is redone word by word if a column word was rejected.
template <class Id>
void drawAlias(Id* slots, uint64_t end, const SkillMeasure& mu, WordStream& stream, const BoundedDraw& column_draw) {
    WordStream words = stream;
    const BoundedDraw column = column_draw;
    const uint64_t bound = column.bound();
    const uint32_t reject_below = column.rejectBelow();
    const uint32_t* keep = mu.keepBelow();
    const uint32_t* alias = mu.aliasOf();
    uint32_t group[2 * kGroupDraws];
    for (uint64_t i = 0; i < end;) {
        const uint32_t n = static_cast<uint32_t>(std::min(kGroupDraws, end - i));
        uint32_t w = 0;
        if (words.pending()) group[w++] = words.next32();
        const uint32_t paired_words = (2 * n - w) & ~1u;  // the words that fill whole draws
        fillWords(words, group + w, paired_words);
        w += paired_words;
        if (w < 2 * n) group[w] = words.next32();  // leaves the low half pending
        Id* out = slots + i;
        uint32_t rejected = 0;
        for (uint32_t t = 0; t < n; ++t) {
            const uint64_t m = group[2 * t] * bound;
            const uint32_t s = static_cast<uint32_t>(m >> 32);
            rejected |= static_cast<uint32_t>(m) < reject_below;
            // s or alias[s] selected with a mask: a branch here is taken at random and mispredicts.
            const uint32_t to_alias = 0u - static_cast<uint32_t>(group[2 * t + 1] >= keep[s]);
            out[t] = static_cast<Id>(s ^ ((s ^ alias[s]) & to_alias));
        }
        if (rejected) [[unlikely]] {
            uint32_t used = 0;
            auto next = [&] { return used < 2 * n ? group[used++] : words.next32(); };
            for (uint32_t t = 0; t < n; ++t) {
                uint32_t s;
                while (!column.tryWord(next(), s)) {
                }
                out[t] = static_cast<Id>(next() < keep[s] ? s : alias[s]);
            }
        }
        i += n;
    }
    stream = words;
}

}  // namespace

double SkillGraph::bytesFor(uint32_t n1, uint64_t n2, uint32_t k, SlotStorage storage) {
    const double id_bytes = n1 <= kNarrowIdMaxSkills ? 2.0 : 4.0;
    const double slots = storage == SlotStorage::Kept ? double(n2) * k : double(chunkPieces(k) * k);
    return slots * id_bytes + 4.0 * n1;
}

GraphSampler::GraphSampler(SkillGraph& graph, const SkillMeasure& measure, uint64_t seed, SlotStorage storage)
    : graph_(graph),
      measure_(measure),
      seed_(seed),
      words_(Rng(seed, RngStream::GraphSlots)),
      column_(measure.columnDraw()),
      chunk_pieces_(chunkPieces(graph.k)) {
    const uint64_t n_slots = graph.n2 * graph.k;
    const bool narrow = graph.narrow();
    if (storage == SlotStorage::Streamed) {
        graph.slots16.release();
        graph.slots32.release();
        if (narrow)
            chunk16_.allocate("slot chunk", chunk_pieces_ * graph.k);
        else
            chunk32_.allocate("slot chunk", chunk_pieces_ * graph.k);
    } else if (narrow) {
        // A graph sampled again with the same shape keeps its arrays: writing memory the process already
        // has is about twice as fast as the first touch of fresh pages.
        graph.slots32.release();
        if (graph.slots16.size() != n_slots) graph.slots16.allocate("skill graph slots", n_slots);
    } else {
        graph.slots16.release();
        if (graph.slots32.size() != n_slots) graph.slots32.allocate("skill graph slots", n_slots);
    }
    if (graph.degree.size() != graph.n1) graph.degree.allocate("skill degrees", graph.n1);
    graph.degree.fill(0);
    seekBlock(0);
}

void GraphSampler::seekBlock(uint64_t block) {
    next_piece_ = block * kPiecesPerBlock;
    words_ = WordStream(Rng(seed_, RngStream::GraphSlots, block));
    for (auto& lane : lanes_) lane = kFnvOffset;
}

void GraphSampler::finishBlock() {
    uint64_t h = kFnvOffset;
    for (uint64_t lane : lanes_) {
        for (int byte = 0; byte < 8; ++byte) h = (h ^ ((lane >> (8 * byte)) & 0xFF)) * kFnvPrime;
    }
    const uint64_t block = (next_piece_ - 1) / kPiecesPerBlock;
    if (block > 0) {
        uint64_t mix = h ^ (block * 0xD6E8FEB86659FD93ULL);
        h = splitmix64Next(mix);
    }
    hash_sum_ += h;
}

void GraphSampler::sampleUntil(uint64_t end_piece, const ChunkVisitor& visit) {
    if (end_piece > graph_.n2) end_piece = graph_.n2;
    const bool streamed = !chunk16_.empty() || !chunk32_.empty();
    const uint64_t k = graph_.k;
    auto run = [&](auto* kept, auto* buffer) {
        using Id = std::remove_pointer_t<decltype(kept)>;
        while (next_piece_ < end_piece) {
            const uint64_t block_end = (next_piece_ / kPiecesPerBlock + 1) * kPiecesPerBlock;
            const uint64_t stop = std::min(end_piece, block_end);
            for (uint64_t piece = next_piece_; piece < stop; piece += chunk_pieces_) {
                const uint64_t pieces = std::min(chunk_pieces_, stop - piece);
                const uint64_t first = piece * k, count = pieces * k;
                Id* out = streamed ? buffer : kept + first;
                if (measure_.isUniform())
                    drawUniform<Id>(out, count, words_, column_);
                else
                    drawAlias<Id>(out, count, measure_, words_, column_);
                // Lanes by slot index within the block (a block's slot count is a multiple of 4).
                const uint64_t in_block = (piece % kPiecesPerBlock) * k;
                tallySlots<Id>(out, in_block, in_block + count, graph_.degree.data(), lanes_);
                if (visit) {
                    SlotChunk chunk;
                    if constexpr (std::is_same_v<Id, uint16_t>)
                        chunk.slots16 = out;
                    else
                        chunk.slots32 = out;
                    chunk.first_piece = piece;
                    chunk.pieces = static_cast<uint32_t>(pieces);
                    visit(chunk);
                }
            }
            next_piece_ = stop;
            if (stop == block_end || stop == graph_.n2) {
                finishBlock();
                if (stop < graph_.n2) seekBlock(stop / kPiecesPerBlock);
            }
        }
    };
    if (graph_.narrow())
        run(graph_.slots16.data(), chunk16_.data());
    else
        run(graph_.slots32.data(), chunk32_.data());
}

}  // namespace slingshot
