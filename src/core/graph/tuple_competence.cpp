#include "core/graph/tuple_competence.h"

#include <algorithm>

namespace slingshot {

std::string_view tupleReadingName(TupleReading r) { return r == TupleReading::S ? "s" : "t2"; }

std::optional<TupleReading> tupleReadingFromName(std::string_view name) {
    if (name == "t2") return TupleReading::T2;
    if (name == "s") return TupleReading::S;
    return std::nullopt;
}

namespace {

constexpr uint32_t kDigitBits = 11;  // 2048 buckets: the counters stay in L1
constexpr uint32_t kBuckets = 1u << kDigitBits;

uint64_t chooseCount(uint64_t n, uint32_t r) {
    if (r > n) return 0;
    uint64_t out = 1;
    for (uint32_t i = 1; i <= r; ++i) out = out * (n - r + i) / i;  // exact at every step
    return out;
}

uint64_t orderedTuples(uint32_t n1, uint32_t kprime) {
    uint64_t tuples = 1;
    for (uint32_t t = 0; t < kprime; ++t) tuples *= n1;  // <= 1e18 for N1 <= 1e6, k' <= 3
    return tuples;
}

// Bits of a code: the largest tuple index plus the failed bit.
uint32_t codeBits(uint32_t n1, uint32_t kprime) {
    const uint64_t max_index = orderedTuples(n1, kprime) - 1;
    uint32_t bits = 0;
    while (bits < 64 && (max_index >> bits) != 0) ++bits;
    return bits + 1;
}

}  // namespace

uint64_t TupleCounter::edgeCount(uint32_t k, uint64_t n2, const TupleParams& p) {
    if (p.reading == TupleReading::T2) return (p.t2_pieces ? p.t2_pieces : n2) * k;
    return n2 * chooseCount(k, p.kprime);
}

double TupleCounter::bytesFor(uint32_t n1, uint32_t k, uint64_t n2, const TupleParams& p) {
    const double code_bytes = codeBits(n1, p.kprime) <= 32 ? 4.0 : 8.0;
    return 2.0 * code_bytes * double(edgeCount(k, n2, p)) + 16.0 * kBuckets * 8;
}

TupleCounter::TupleCounter(const SkillGraph& graph, const FailureSet& failures, TupleParams params)
    : g_(graph),
      y_(failures),
      p_(params),
      piece_words_(Rng(params.seed, RngStream::TuplePieces)),
      tally_(params.c, params.grid_points) {
    const uint64_t tuples = orderedTuples(g_.n1, p_.kprime);
    const uint32_t bits = codeBits(g_.n1, p_.kprime);
    wide_ = bits > 32;
    passes_ = (bits + kDigitBits - 1) / kDigitBits;
    total_tuples_ = p_.reading == TupleReading::T2 ? tuples : chooseCount(g_.n1, p_.kprime);
    report_.total_tuples = double(total_tuples_);
    report_.kpieces = p_.reading == TupleReading::T2 ? (p_.t2_pieces ? p_.t2_pieces : g_.n2) : g_.n2;
}

void TupleCounter::prepare() {
    const uint64_t n = edgeCount(g_.k, g_.n2, p_);
    if (wide_) {
        codes64_[0].allocate("tuple codes", n);
        codes64_[1].allocate("tuple codes (sort buffer)", n);
    } else {
        codes32_[0].allocate("tuple codes", n);
        codes32_[1].allocate("tuple codes (sort buffer)", n);
    }
    digit_counts_.assign(size_t(passes_) * kBuckets, 0);
    n_codes_ = 0;
}

template <class F>
void TupleCounter::withCodes(F&& f) {
    if (wide_)
        f(codes64_[src_].data(), codes64_[src_ ^ 1].data());
    else
        f(codes32_[src_].data(), codes32_[src_ ^ 1].data());
}

template <class Code>
void TupleCounter::makeCodes(Code* out, uint64_t first, uint64_t last) {
    const uint32_t k = g_.k, kp = p_.kprime;
    const uint64_t n1 = g_.n1;
    const uint8_t* failed = y_.failed.data();
    g_.withSlots([&](const auto* slots) {
        if (p_.reading == TupleReading::T2) {
            const BoundedDraw piece(static_cast<uint32_t>(g_.n2));
            for (uint64_t i = first; i < last; ++i) {
                decltype(slots) rows[3];
                uint32_t fail = 0;
                for (uint32_t t = 0; t < kp; ++t) {
                    const uint32_t p = piece(piece_words_);
                    rows[t] = slots + uint64_t(p) * k;
                    fail |= failed[p];
                }
                report_.failed_kpieces += fail;
                Code* o = out + i * k;
                for (uint32_t j = 0; j < k; ++j) {
                    uint64_t index = 0, scale = 1;
                    for (uint32_t t = 0; t < kp; ++t, scale *= n1) index += rows[t][j] * scale;
                    o[j] = static_cast<Code>(index * 2 + fail);
                }
            }
            n_codes_ = last * k;
            return;
        }
        // S: k'-sets of distinct skills inside each piece, written in sorted order of skill id.
        Code* o = out + n_codes_;
        for (uint64_t i = first; i < last; ++i) {
            const auto* row = slots + i * k;
            const uint32_t fail = failed[i];
            for (uint32_t a = 0; a < k; ++a)
                for (uint32_t b = a + 1; b < k; ++b) {
                    uint64_t sa = row[a], sb = row[b];
                    if (sa == sb) continue;
                    if (sa > sb) std::swap(sa, sb);
                    if (kp == 2) {
                        *o++ = static_cast<Code>((sa + sb * n1) * 2 + fail);
                        continue;
                    }
                    for (uint32_t c = b + 1; c < k; ++c) {
                        uint64_t s3[3] = {sa, sb, row[c]};
                        if (s3[2] == sa || s3[2] == sb) continue;
                        std::sort(s3, s3 + 3);
                        *o++ = static_cast<Code>((s3[0] + n1 * (s3[1] + n1 * s3[2])) * 2 + fail);
                    }
                }
        }
        n_codes_ = static_cast<uint64_t>(o - out);
    });
}

template <class Code>
void TupleCounter::histogramBlock(const Code* in, uint64_t first, uint64_t last) {
    uint64_t* counts = digit_counts_.data();
    for (uint64_t i = first; i < last; ++i) {
        const uint64_t code = in[i];
        for (uint32_t pass = 0; pass < passes_; ++pass)
            ++counts[pass * kBuckets + ((code >> (pass * kDigitBits)) & (kBuckets - 1))];
    }
}

template <class Code>
void TupleCounter::scatterBlock(const Code* in, Code* out, uint32_t pass, uint64_t first, uint64_t last) {
    uint64_t* offsets = offsets_.data();
    const uint32_t shift = pass * kDigitBits;
    for (uint64_t i = first; i < last; ++i) {
        const Code code = in[i];
        out[offsets[(code >> shift) & (kBuckets - 1)]++] = code;
    }
}

template <class Code>
void TupleCounter::countBlock(const Code* in, uint64_t first, uint64_t last) {
    for (uint64_t i = first; i < last; ++i) {
        const uint64_t tuple = in[i] >> 1;
        if (run_degree_ > 0 && tuple != run_code_) {
            tally_.add(run_degree_, run_failed_);
            run_degree_ = run_failed_ = 0;
        }
        run_code_ = tuple;
        ++run_degree_;
        run_failed_ += in[i] & 1;
    }
}

void TupleCounter::planStages(const std::function<void(JobStage)>& add) {
    JobStage make;
    make.name = "tuples: edges";
    make.weight = 1;
    make.begin = [this] {
        prepare();
        return report_.kpieces;
    };
    make.block = [this](uint64_t first, uint64_t last) {
        withCodes([&](auto* src, auto*) { makeCodes(src, first, last); });
    };
    make.end = [this] { report_.edges = n_codes_; };
    // About kJobBlockItems codes per block: k per k'-piece (T2), C(k, k') per piece (S).
    const uint64_t codes_per_piece = p_.reading == TupleReading::T2 ? g_.k : chooseCount(g_.k, p_.kprime);
    make.block_items = std::max<uint64_t>(1, kJobBlockItems / std::max<uint64_t>(1, codes_per_piece));
    add(std::move(make));

    JobStage hist;
    hist.name = "tuples: sort";
    hist.weight = 0.5;
    hist.begin = [this] { return n_codes_; };
    hist.block = [this](uint64_t first, uint64_t last) {
        withCodes([&](auto* src, auto*) { histogramBlock(src, first, last); });
    };
    add(std::move(hist));

    for (uint32_t pass = 0; pass < passes_; ++pass) {
        JobStage scatter;
        scatter.name = "tuples: sort";
        scatter.weight = 1;
        scatter.begin = [this, pass]() -> uint64_t {
            const uint64_t* counts = digit_counts_.data() + size_t(pass) * kBuckets;
            offsets_.assign(kBuckets, 0);
            uint64_t sum = 0;
            for (uint32_t d = 0; d < kBuckets; ++d) {
                if (counts[d] == n_codes_) {  // one digit value: this pass would not move anything
                    offsets_.clear();
                    return 0;
                }
                offsets_[d] = sum;
                sum += counts[d];
            }
            return n_codes_;
        };
        scatter.block = [this, pass](uint64_t first, uint64_t last) {
            withCodes([&](auto* src, auto* dst) { scatterBlock(src, dst, pass, first, last); });
        };
        scatter.end = [this] {
            if (!offsets_.empty()) src_ ^= 1;
            offsets_.clear();
        };
        add(std::move(scatter));
    }

    JobStage count;
    count.name = "tuples: competence";
    count.weight = 0.5;
    count.begin = [this] { return n_codes_; };
    count.block = [this](uint64_t first, uint64_t last) {
        withCodes([&](auto* src, auto*) { countBlock(src, first, last); });
    };
    count.end = [this] {
        if (run_degree_ > 0) tally_.add(run_degree_, run_failed_);
        run_degree_ = run_failed_ = 0;
        tally_.addIsolated(total_tuples_ - tally_.summary().counted);
        report_.summary = tally_.summary();
        for (auto& buffer : codes32_) buffer.release();
        for (auto& buffer : codes64_) buffer.release();
    };
    add(std::move(count));
}

}  // namespace slingshot
