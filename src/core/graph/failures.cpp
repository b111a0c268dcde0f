#include "core/graph/failures.h"

#include "core/graph/piece_blocks.h"

#include <cmath>
#include <stdexcept>

namespace slingshot {

std::string_view failureModeName(FailureMode m) {
    switch (m) {
        case FailureMode::Random: return "random";
        case FailureMode::Independent: return "independent";
        case FailureMode::Adversarial: return "adversarial";
    }
    return "random";
}

std::optional<FailureMode> failureModeFromName(std::string_view name) {
    for (FailureMode m : kFailureModes)
        if (failureModeName(m) == name) return m;
    return std::nullopt;
}

uint64_t exactFailureCount(double theta, uint64_t n2) {
    if (!(theta > 0)) return 0;
    if (theta >= 1) return n2;
    const double m = std::round(theta * static_cast<double>(n2));
    return m >= static_cast<double>(n2) ? n2 : static_cast<uint64_t>(m);
}

namespace {

// m distinct pieces of `pieces` picked uniformly by rejection; when m > pieces / 2 the survivors are
// picked instead, so each pick needs < 2 draws on average. While picking, the first ceil(pieces / 8)
// bytes hold one bit per piece (set = picked), so random reads and writes stay in an eighth of the
// block (in cache); then the bits are spread into the flag bytes from the end: byte b of bits feeds
// flags 8b..8b+7, whose bytes hold bits already spread (or byte b itself).
void pickExact(uint8_t* flags, uint64_t pieces, uint64_t m, WordStream words) {
    const uint8_t picked_value = m <= pieces / 2 ? 1 : 0;
    const uint64_t picks = picked_value ? m : pieces - m;
    if (picks == 0) {
        for (uint64_t i = 0; i < pieces; ++i) flags[i] = picked_value ? 0 : 1;
        return;
    }
    uint8_t* bits = flags;
    for (uint64_t b = 0; b < (pieces + 7) / 8; ++b) bits[b] = 0;
    const BoundedDraw piece(static_cast<uint32_t>(pieces));
    for (uint64_t p = 0; p < picks; ++p) {
        uint32_t i = piece(words);
        while (bits[i >> 3] & (1u << (i & 7))) i = piece(words);
        bits[i >> 3] = static_cast<uint8_t>(bits[i >> 3] | (1u << (i & 7)));
    }
    const uint8_t unpicked = picked_value ^ 1;
    for (uint64_t b = (pieces + 7) / 8; b-- > 0;) {
        const uint32_t byte = flags[b];
        const uint64_t end = pieces < 8 * b + 8 ? pieces : 8 * b + 8;
        for (uint64_t i = 8 * b; i < end; ++i) flags[i] = static_cast<uint8_t>(((byte >> (i - 8 * b)) & 1) ^ unpicked);
    }
}

uint64_t decideIndependent(uint8_t* flags, uint64_t pieces, double theta, Rng rng) {
    uint64_t count = 0;
    for (uint64_t i = 0; i < pieces; ++i) {
        const uint8_t f = rng.uniform01() < theta ? 1 : 0;
        flags[i] = f;
        count += f;
    }
    return count;
}

}  // namespace

BlockFailures::BlockFailures(FailureMode mode, uint64_t n2, double theta, uint64_t seed, uint64_t first_block,
                             uint64_t last_block)
    : mode_(mode), n2_(n2), theta_(theta), seed_(seed), first_block_(first_block) {
    if (mode == FailureMode::Adversarial)
        throw std::invalid_argument("BlockFailures: the adversary chooses its failures itself");
    if (mode == FailureMode::Random)
        block_failed_ = blockFailureCounts(n2, exactFailureCount(theta, n2), seed, first_block, last_block);
}

uint64_t BlockFailures::fill(uint64_t block, uint8_t* flags) const {
    const uint64_t pieces = blockPieceCount(n2_, block);
    const Rng rng(seed_, RngStream::FailureSet, block);
    if (mode_ == FailureMode::Independent) return decideIndependent(flags, pieces, theta_, rng);
    const uint64_t m = block_failed_.at(block - first_block_);
    pickExact(flags, pieces, m, WordStream(rng));
    return m;
}

void fillFailures(FailureSet& set, const BlockFailures& failures, uint64_t n2, uint64_t first_block,
                  uint64_t last_block) {
    if (set.failed.size() != n2) set.failed.allocate("failure flags", n2);
    for (uint64_t b = first_block; b < last_block; ++b)
        set.count += failures.fill(b, set.failed.data() + b * kPiecesPerBlock);
}

}  // namespace slingshot
