// The random skill graph of Defs 4-5 (THEORY 2.5): N2 text pieces, each with k skill slots drawn
// i.i.d. from mu1. Stored as one row-major N2 x k slot array (CSR with fixed row length), with
// 16-bit skill ids when N1 <= 65536 to halve memory traffic, and skill degrees counting multi-edges.
#pragma once

#include "core/base/memory_budget.h"
#include "core/base/rng.h"
#include "core/graph/skill_measure.h"

#include <cstdint>
#include <functional>

namespace slingshot {

inline constexpr uint32_t kMaxSkills = 1000000;
inline constexpr uint64_t kMaxPiecesNative = 100000000;         // with kept slots
inline constexpr uint64_t kMaxPiecesStreamed = 10000000000000;  // 1e13: counts per skill only
inline constexpr uint32_t kMaxSlotsPerPiece = 32;
inline constexpr uint32_t kNarrowIdMaxSkills = 65536;

// Where sampled slots go: into the graph's slot array (views, tuples, the adversary and the spectral
// certificate read it), or only through a small chunk buffer handed to a visitor, for runs that just
// count per skill (memory then independent of N2 x k; the graph's slot arrays stay empty).
enum class SlotStorage { Kept, Streamed };

struct SkillGraph {
    uint32_t n1 = 0;
    uint64_t n2 = 0;
    uint32_t k = 0;
    BigArray<uint16_t> slots16;  // used when narrow()
    BigArray<uint32_t> slots32;  // used otherwise
    BigArray<uint32_t> degree;   // per skill; degree sum = k * N2 (max 3.2e9 fits 32 bits)

    bool narrow() const { return n1 <= kNarrowIdMaxSkills; }
    uint32_t slot(uint64_t piece, uint32_t j) const {
        const uint64_t i = piece * k + j;
        return narrow() ? slots16[i] : slots32[i];
    }
    // Calls f with a pointer to the slot array of the right width (uint16_t* or uint32_t*).
    template <class F>
    decltype(auto) withSlots(F&& f) const {
        return narrow() ? f(slots16.data()) : f(slots32.data());
    }
    template <class F>
    decltype(auto) withSlots(F&& f) {
        return narrow() ? f(slots16.data()) : f(slots32.data());
    }

    // Bytes for slots + degrees of a graph of this shape (streamed: degrees and a chunk buffer).
    static double bytesFor(uint32_t n1, uint64_t n2, uint32_t k, SlotStorage storage = SlotStorage::Kept);
};

// Whole pieces [first_piece, first_piece + pieces) of slots just drawn, at the graph's id width
// (exactly one of the two pointers is set; it points at the chunk's first slot).
struct SlotChunk {
    const uint16_t* slots16 = nullptr;
    const uint32_t* slots32 = nullptr;
    uint64_t first_piece = 0;
    uint32_t pieces = 0;
};

// Fills a graph piece by piece, in order, so a job can sample it in slices. Each block of pieces
// (piece_blocks.h) draws from its own stream (seed, block); the slots, the degrees and the hash are the
// same however the pieces are split into calls, whether kept or streamed, and (for streamed runs)
// whichever blocks a sampler is sent to.
class GraphSampler {
public:
    using ChunkVisitor = std::function<void(const SlotChunk&)>;

    // Allocates the graph's arrays (MemoryBudgetError on failure) unless they already have the sizes
    // of this shape, as when a graph is sampled again; N1, N2, k must already be valid.
    GraphSampler(SkillGraph& graph, const SkillMeasure& measure, uint64_t seed,
                 SlotStorage storage = SlotStorage::Kept);

    // Samples pieces [next, end) where next is where the previous call stopped; `visit`, if given,
    // sees every chunk of whole pieces of one block once its degrees and hash are counted.
    void sampleUntil(uint64_t end_piece, const ChunkVisitor& visit = {});
    // Continues at the first piece of `block`, on its stream (a streamed worker is sent to its blocks;
    // a block begun and not finished is dropped, its degrees already counted stay).
    void seekBlock(uint64_t block);
    uint64_t piecesDone() const { return next_piece_; }
    // The hash of the finished blocks: per block, FNV-1a style over its slot ids (as 32-bit words) in
    // order, four lanes by slot index mod 4 so the multiply chains overlap, folded; block 0's hash as
    // it is, every other block's mixed with its index, all summed mod 2^64 (so hashes of disjoint sets
    // of blocks add up). Stable across platforms and id widths.
    uint64_t slotsHash() const { return hash_sum_; }

private:
    void finishBlock();

    SkillGraph& graph_;
    const SkillMeasure& measure_;
    uint64_t seed_;
    WordStream words_;
    BoundedDraw column_;
    uint64_t chunk_pieces_;
    BigArray<uint16_t> chunk16_;  // the chunk buffer when streamed (one of the two)
    BigArray<uint32_t> chunk32_;
    uint64_t next_piece_ = 0;
    uint64_t lanes_[4];
    uint64_t hash_sum_ = 0;
};

}  // namespace slingshot
