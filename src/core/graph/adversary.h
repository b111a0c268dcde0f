// (c) The adversarial failure set of THEORY 6: it tries to push as many skills as possible to
// failure >= tau = 1 - c with |Y| = round(theta N2). Low-degree skills need the fewest failed edges,
// so it scans X = the x lowest-degree skills, takes Y = the pieces with most X-slots (random among
// ties), scans x finely around the best, then re-weights X's skills (boost near misses, damp
// over-served and hopeless ones) and selects Y by weighted X-load. Each evaluation is two passes
// over the pieces, run as job stages.
#pragma once

#include "core/base/job.h"
#include "core/graph/failures.h"
#include "core/graph/skill_graph.h"

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace slingshot {

struct AdversaryParams {
    double theta = 0.1;
    double c = 0.8;
    uint64_t seed = 1;
    uint32_t coarse_points = 20;  // geometric grid of x over [1, skills with edges]
    uint32_t fine_rounds = 2;     // each evaluates fine_points inside the bracket around the best
    uint32_t fine_points = 6;
    uint32_t refine_rounds = 4;  // re-weighting rounds from the best X
    bool operator==(const AdversaryParams&) const = default;
};

struct AdversaryReport {
    uint64_t best_x = 0;          // |X| of the best set
    uint64_t best_at_most_c = 0;  // skills with failure >= 1 - c under the best Y
    uint64_t evaluations = 0;     // evaluations actually run (repeated x are skipped)
    bool refined_best = false;    // whether a re-weighting round gave the best Y
};

class AdversarySearch {
public:
    // `graph` must be sampled when the first stage runs; `out` receives the best Y. Allocates nothing
    // until then.
    AdversarySearch(const SkillGraph& graph, FailureSet& out, AdversaryParams params);

    // Adds the planned stages (two per evaluation) through `add`.
    void planStages(const std::function<void(JobStage)>& add);
    const AdversaryReport& report() const { return report_; }

    // Bytes of work arrays for a graph of this shape (keys, evaluation flags, counts, ranks, X flags,
    // weights).
    static double workBytes(uint32_t n1, uint64_t n2) { return n2 * 3.0 + n1 * 17.0 + 65536 * 8.0; }

private:
    enum class Kind { ByCount, ByWeight };
    void prepare();
    uint64_t beginKeys(Kind kind, uint32_t coarse_index, uint32_t fine_round, uint32_t fine_index);
    void keysBlock(uint64_t first, uint64_t last);
    void endKeys();
    void selectBlock(uint64_t first, uint64_t last);
    void endSelect();
    void updateWeights();

    const SkillGraph& g_;
    FailureSet& out_;
    AdversaryParams p_;
    uint64_t m_ = 0;               // |Y|
    uint32_t n_edges_skills_ = 0;  // skills with degree > 0
    std::vector<uint32_t> rank_;   // by (degree, id) among skills with edges; UINT32_MAX for none
    std::vector<uint8_t> in_x_;    // 1 for the skills of the X being evaluated
    std::vector<float> weight_;    // re-weighting of X's skills
    std::vector<uint32_t> fail_edges_;
    std::vector<uint32_t> last_fail_edges_;  // of the best Y, for re-weighting
    BigArray<uint16_t> key_;
    BigArray<uint8_t> chosen_;
    std::vector<uint64_t> hist_;
    WordStream tie_words_;

    // State of the evaluation in progress.
    bool active_ = false;
    Kind kind_ = Kind::ByCount;
    uint64_t x_ = 0;
    float key_scale_ = 0;
    uint32_t threshold_key_ = 0;
    uint64_t ties_needed_ = 0, ties_left_ = 0;

    std::map<uint64_t, uint64_t> scanned_;  // x -> skills with failure >= tau
    uint64_t best_score_ = 0;
    bool have_best_ = false;
    AdversaryReport report_;
};

}  // namespace slingshot
