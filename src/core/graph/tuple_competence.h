// Competence of k'-tuples of skills (THEORY 4.2), measured on a sampled graph in two readings:
//  T2: a k'-piece concatenates k' independently drawn pieces; its k columns are k'-tuples (ordered),
//      and it fails if any of its parts fails.
//  S:  the k'-sets of distinct skills that co-occur inside one piece (C(k, k') per piece, repeated
//      skills skipped, multi-edges counted), failing with the piece.
// Each edge becomes a code (tuple index, failed bit); the codes are radix-sorted and counted in runs,
// which is exact and needs no table of all N1^k' tuples.
#pragma once

#include "core/base/job.h"
#include "core/graph/competence.h"
#include "core/graph/failures.h"
#include "core/graph/skill_graph.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace slingshot {

enum class TupleReading { T2, S };
std::string_view tupleReadingName(TupleReading r);  // "t2" | "s"
// The inverse of tupleReadingName; nullopt for any other text.
std::optional<TupleReading> tupleReadingFromName(std::string_view name);

struct TupleParams {
    uint32_t kprime = 2;  // 2 or 3
    TupleReading reading = TupleReading::T2;
    uint64_t t2_pieces = 0;  // number of k'-pieces for T2 (0 = N2)
    uint64_t seed = 1;
    double c = 0.8;
    uint32_t grid_points = 100;
};

struct TupleReport {
    CompetenceSummary summary;    // isolated = tuples that never occur
    uint64_t edges = 0;           // codes generated
    uint64_t failed_kpieces = 0;  // T2: k'-pieces with a failed part
    uint64_t kpieces = 0;         // T2: k'-pieces drawn (S: pieces)
    double total_tuples = 0;      // N1^k' (T2, ordered) or C(N1, k') (S)
};

class TupleCounter {
public:
    TupleCounter(const SkillGraph& graph, const FailureSet& failures, TupleParams params);

    void planStages(const std::function<void(JobStage)>& add);
    const TupleReport& report() const { return report_; }

    // Edges (codes) the reading generates, and the bytes to sort them.
    static uint64_t edgeCount(uint32_t k, uint64_t n2, const TupleParams& p);
    static double bytesFor(uint32_t n1, uint32_t k, uint64_t n2, const TupleParams& p);

private:
    void prepare();  // allocates the code buffers
    template <class Code>
    void makeCodes(Code* out, uint64_t first, uint64_t last);
    template <class Code>
    void histogramBlock(const Code* in, uint64_t first, uint64_t last);
    template <class Code>
    void scatterBlock(const Code* in, Code* out, uint32_t pass, uint64_t first, uint64_t last);
    template <class Code>
    void countBlock(const Code* in, uint64_t first, uint64_t last);
    template <class F>
    void withCodes(F&& f);

    const SkillGraph& g_;
    const FailureSet& y_;
    TupleParams p_;
    bool wide_ = false;     // 64-bit codes
    uint32_t passes_ = 0;   // radix passes of kDigitBits
    uint64_t n_codes_ = 0;  // written so far
    uint64_t total_tuples_ = 0;
    BigArray<uint32_t> codes32_[2];
    BigArray<uint64_t> codes64_[2];
    int src_ = 0;                         // which buffer holds the current order
    std::vector<uint64_t> digit_counts_;  // passes x buckets
    std::vector<uint64_t> offsets_;
    WordStream piece_words_;
    uint64_t run_code_ = 0, run_degree_ = 0, run_failed_ = 0;
    CompetenceTally tally_;
    TupleReport report_;
};

}  // namespace slingshot
