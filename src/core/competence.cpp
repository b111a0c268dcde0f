#include "core/competence.h"

namespace slingshot {

namespace {

template <class Id>
void accumulate(const Id* slots, uint32_t k, const uint8_t* failed, uint64_t first, uint64_t last, uint32_t* e) {
    for (uint64_t i = first; i < last; ++i) {
        if (!failed[i]) continue;
        const Id* row = slots + i * k;
        for (uint32_t j = 0; j < k; ++j) ++e[row[j]];
    }
}

}  // namespace

void accumulateFailedEdges(const SkillGraph& graph, const uint8_t* failed, uint64_t first, uint64_t last,
                           uint32_t* failed_edges) {
    graph.withSlots([&](const auto* slots) { accumulate(slots, graph.k, failed, first, last, failed_edges); });
}

std::vector<CompetencePoint> CompetenceSummary::curve() const {
    const size_t g = histogram.empty() ? 0 : histogram.size() - 1;
    std::vector<CompetencePoint> out(g + 1);
    uint64_t at_least = 0;
    for (size_t j = g + 1; j-- > 0;) {
        at_least += histogram[j];
        out[j] = {double(j) / double(g == 0 ? 1 : g), counted ? double(at_least) / double(counted) : 0.0};
    }
    return out;
}

CompetenceTally::CompetenceTally(double c, uint32_t grid_points) : c_(c), grid_(grid_points == 0 ? 1 : grid_points) {
    s_.c = c;
    s_.histogram.assign(grid_ + 1, 0);
}

CompetenceSummary summarizeSkills(const SkillGraph& graph, const uint32_t* failed_edges, double c,
                                  uint32_t grid_points) {
    CompetenceTally tally(c, grid_points);
    for (uint32_t s = 0; s < graph.n1; ++s) tally.add(graph.degree[s], failed_edges[s]);
    return tally.summary();
}

}  // namespace slingshot
