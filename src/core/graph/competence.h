// Definition 7 over edges (THEORY 2.6): failure(s) = e(s, Y) / deg(s), competence = 1 - failure.
// Items (skills or k'-tuples) with no edges have no competence: they are excluded from every fraction
// and counted separately. Comparisons use integers where possible so that the mean identity
// sum_s e(s, Y) = k |Y| holds exactly.
#pragma once

#include "core/graph/skill_graph.h"
#include "core/graph/skill_measure.h"

#include <cstdint>
#include <vector>

namespace slingshot {

// e(s, Y) += slots of the failed pieces in [first, last).
void accumulateFailedEdges(const SkillGraph& graph, const uint8_t* failed, uint64_t first, uint64_t last,
                           uint32_t* failed_edges);
// The same for one chunk of a streamed graph; `chunk_failed` holds the flags of the chunk's pieces.
void accumulateFailedEdges(const SlotChunk& chunk, uint32_t k, const uint8_t* chunk_failed, uint32_t* failed_edges);

struct CompetencePoint {
    double c;
    double frac;  // fraction of counted items with competence >= c
};

struct CompetenceSummary {
    uint64_t counted = 0;          // items with at least one edge
    uint64_t isolated = 0;         // items with no edges (excluded from fractions)
    uint64_t below_c = 0;          // competence < c
    uint64_t at_most_c = 0;        // competence <= c, i.e. failure >= 1 - c (the theorems' event)
    uint64_t edge_sum = 0;         // sum of degrees
    uint64_t failed_edge_sum = 0;  // sum of e(s, Y)
    double c = 0;
    // Bin j counts items with competence in [j/G, (j+1)/G); bin G holds competence exactly 1.
    std::vector<uint64_t> histogram;
    // The same weighed by the skill measure mu1 (single skills; the tuple tallies leave them 0): the
    // measure of the counted skills, of those below and at most c, and of each histogram bin. The
    // theorems bound measures, so under a non-uniform mu1 these, not the counts, meet the bounds.
    double measure_counted = 0, measure_below_c = 0, measure_at_most_c = 0;
    std::vector<double> measure_histogram;

    double fracBelowC() const { return counted ? double(below_c) / double(counted) : 0.0; }
    double fracAtMostC() const { return counted ? double(at_most_c) / double(counted) : 0.0; }
    // Degree-weighted mean failure, failed edges / edges (= theta exactly for single skills).
    double weightedMeanFailure() const { return edge_sum ? double(failed_edge_sum) / double(edge_sum) : 0.0; }
    // "Fraction with competence >= c" at c = j/G, j = 0..G, exact in integer arithmetic.
    std::vector<CompetencePoint> curve() const;

    // Fractions of the counted skills' measure (0 when nothing was weighed).
    double measureFracBelowC() const { return measure_counted > 0 ? measure_below_c / measure_counted : 0.0; }
    double measureFracAtMostC() const { return measure_counted > 0 ? measure_at_most_c / measure_counted : 0.0; }
    // "Measure fraction with competence >= c" at c = j/G.
    std::vector<CompetencePoint> measureCurve() const;
};

// Counts items one at a time (skills from arrays, tuples from sorted runs).
class CompetenceTally {
public:
    CompetenceTally(double c, uint32_t grid_points);
    // One item; `measure` is its mu1 (0 for items that are not single skills).
    void add(uint64_t degree, uint64_t failed_edges, double measure = 0) {
        if (degree == 0) {
            ++s_.isolated;
            return;
        }
        const uint64_t good = degree - failed_edges;
        ++s_.counted;
        s_.edge_sum += degree;
        s_.failed_edge_sum += failed_edges;
        const uint64_t bin = (grid_ * good) / degree;
        ++s_.histogram[bin];
        s_.measure_counted += measure;
        s_.measure_histogram[bin] += measure;
        // Relative slack 1e-12 is below one edge for any degree here, so exact ties stay ties.
        const double cd = c_ * static_cast<double>(degree);
        if (static_cast<double>(good) < cd * (1 - 1e-12)) {
            ++s_.below_c;
            s_.measure_below_c += measure;
        }
        if (static_cast<double>(good) <= cd * (1 + 1e-12)) {
            ++s_.at_most_c;
            s_.measure_at_most_c += measure;
        }
    }
    void addIsolated(uint64_t n) { s_.isolated += n; }
    const CompetenceSummary& summary() const { return s_; }

private:
    double c_;
    uint64_t grid_;
    CompetenceSummary s_;
};

// Per-skill summary from the graph's degrees and the failed-edge counts, weighed by mu1 (uniform
// when `measure` is null).
CompetenceSummary summarizeSkills(const SkillGraph& graph, const uint32_t* failed_edges, double c, uint32_t grid_points,
                                  const SkillMeasure* measure = nullptr);
// The same from 64-bit per-skill counts (streamed runs summed over blocks).
CompetenceSummary summarizeSkills(uint32_t n1, const uint64_t* degree, const uint64_t* failed_edges, double c,
                                  uint32_t grid_points, const SkillMeasure* measure = nullptr);

}  // namespace slingshot
