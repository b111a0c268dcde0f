#include "core/graph/adversary.h"

#include "core/graph/competence.h"
#include "core/graph/skill_measure.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace slingshot {

namespace {

constexpr uint32_t kWeightKeys = 65535;  // re-weighted loads are quantised to 16-bit keys

// Failure >= 1 - c, with the same tie rule as CompetenceTally.
bool atMostC(uint64_t degree, uint64_t failed, double c) {
    return static_cast<double>(degree - failed) <= c * static_cast<double>(degree) * (1 + 1e-12);
}

}  // namespace

AdversarySearch::AdversarySearch(const SkillGraph& graph, FailureSet& out, AdversaryParams params)
    : g_(graph), out_(out), p_(params), tie_words_(Rng(params.seed, RngStream::AdversaryTies)) {}

void AdversarySearch::prepare() {
    m_ = exactFailureCount(p_.theta, g_.n2);
    std::vector<uint32_t> order;
    order.reserve(g_.n1);
    for (uint32_t s = 0; s < g_.n1; ++s)
        if (g_.degree[s] > 0) order.push_back(s);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return g_.degree[a] < g_.degree[b]; });
    n_edges_skills_ = static_cast<uint32_t>(order.size());
    rank_.assign(g_.n1, UINT32_MAX);
    for (uint32_t r = 0; r < order.size(); ++r) rank_[order[r]] = r;
    weight_.assign(g_.n1, 0.0f);
    fail_edges_.assign(g_.n1, 0);
    key_.allocate("adversary keys", g_.n2);
    chosen_.allocate("adversary candidate set", g_.n2);
    out_.failed.allocate("failure flags", g_.n2);
    out_.failed.fill(0);
    out_.count = m_;
}

void AdversarySearch::planStages(const std::function<void(JobStage)>& add) {
    JobStage ranking;
    ranking.name = "adversary: ranking skills";
    ranking.weight = 0.2;
    ranking.begin = [this]() -> uint64_t {
        prepare();
        return 0;
    };
    add(std::move(ranking));
    auto addEvaluation = [&](const std::string& name, Kind kind, uint32_t a, uint32_t b, uint32_t c) {
        JobStage keys;
        keys.name = name;
        keys.weight = 1;
        keys.begin = [this, kind, a, b, c] { return beginKeys(kind, a, b, c); };
        keys.block = [this](uint64_t first, uint64_t last) { keysBlock(first, last); };
        keys.end = [this] { endKeys(); };
        add(std::move(keys));
        JobStage select;
        select.name = name;
        select.weight = 0.6;
        select.begin = [this] { return active_ ? g_.n2 : 0; };
        select.block = [this](uint64_t first, uint64_t last) { selectBlock(first, last); };
        select.end = [this] { endSelect(); };
        add(std::move(select));
    };
    for (uint32_t i = 0; i < p_.coarse_points; ++i) addEvaluation("adversary: scan", Kind::ByCount, i, 0, 0);
    for (uint32_t r = 0; r < p_.fine_rounds; ++r)
        for (uint32_t j = 0; j < p_.fine_points; ++j) addEvaluation("adversary: fine scan", Kind::ByCount, 0, r + 1, j);
    for (uint32_t r = 0; r < p_.refine_rounds; ++r) addEvaluation("adversary: re-weighting", Kind::ByWeight, r, 0, 0);
}

uint64_t AdversarySearch::beginKeys(Kind kind, uint32_t coarse_index, uint32_t fine_round, uint32_t fine_index) {
    active_ = false;
    kind_ = kind;
    const uint64_t n = n_edges_skills_;
    if (n == 0) return 0;
    if (kind == Kind::ByCount) {
        uint64_t x;
        if (fine_round == 0) {
            // Geometric grid n^(i / (P - 1)), with the portable power so x is the same everywhere.
            const double e = p_.coarse_points > 1 ? double(coarse_index) / double(p_.coarse_points - 1) : 1.0;
            x = static_cast<uint64_t>(std::llround(1.0 / portablePowNeg(double(n), e)));
        } else {
            // Inside the bracket between the best x and its scanned neighbours.
            auto best = scanned_.find(report_.best_x);
            if (best == scanned_.end()) return 0;
            const uint64_t lo = best == scanned_.begin() ? 1 : std::prev(best)->first;
            const uint64_t hi = std::next(best) == scanned_.end() ? n : std::next(best)->first;
            x = lo + (hi - lo) * (fine_index + 1) / (p_.fine_points + 1);
        }
        x = std::clamp<uint64_t>(x, 1, n);
        if (scanned_.count(x)) return 0;
        x_ = x;
        // X as one byte per skill: the keys pass reads 1 byte per slot from an N1-byte table (in L1
        // cache at N1 = 1e4) instead of comparing 4-byte ranks.
        in_x_.resize(g_.n1);
        for (uint32_t s = 0; s < g_.n1; ++s) in_x_[s] = rank_[s] < x_;
    } else {
        if (!have_best_) return 0;
        if (coarse_index == 0) {
            x_ = report_.best_x;
            for (uint32_t s = 0; s < g_.n1; ++s) weight_[s] = rank_[s] < x_ ? 1.0f : 0.0f;
            fail_edges_ = last_fail_edges_;
        }
        updateWeights();
        float max_w = 0;
        for (float w : weight_) max_w = std::max(max_w, w);
        if (!(max_w > 0)) return 0;
        key_scale_ = static_cast<float>(kWeightKeys) / (static_cast<float>(g_.k) * max_w);
    }
    hist_.assign(kind == Kind::ByCount ? g_.k + 1 : kWeightKeys + 1, 0);
    active_ = true;
    return g_.n2;
}

void AdversarySearch::keysBlock(uint64_t first, uint64_t last) {
    const uint32_t k = g_.k;
    const uint8_t* in_x = in_x_.data();
    const float* w = weight_.data();
    uint16_t* key = key_.data();
    uint64_t* hist = hist_.data();
    const bool by_count = kind_ == Kind::ByCount;
    const float scale = key_scale_;
    // One loop per kind: the page's wasm engine does not move a loop-invariant branch out of a loop.
    g_.withSlots([&](const auto* slots) {
        if (by_count) {
            for (uint64_t i = first; i < last; ++i) {
                const auto* row = slots + i * k;
                uint32_t kv = 0;
                for (uint32_t j = 0; j < k; ++j) kv += in_x[row[j]];
                key[i] = static_cast<uint16_t>(kv);
                ++hist[kv];
            }
            return;
        }
        for (uint64_t i = first; i < last; ++i) {
            const auto* row = slots + i * k;
            float load = 0;
            for (uint32_t j = 0; j < k; ++j) load += w[row[j]];
            const uint32_t kv = std::min<uint32_t>(kWeightKeys, static_cast<uint32_t>(load * scale));
            key[i] = static_cast<uint16_t>(kv);
            ++hist[kv];
        }
    });
}

void AdversarySearch::endKeys() {
    if (!active_) return;
    // Highest key b with at least m pieces at key >= b; pieces above b all fail, m - above of the
    // ties at b fail, chosen uniformly (selection sampling) so no piece order is favoured.
    uint64_t at_or_above = 0;
    threshold_key_ = static_cast<uint32_t>(hist_.size());
    ties_needed_ = ties_left_ = 0;
    if (m_ > 0) {
        for (size_t b = hist_.size(); b-- > 0;) {
            if (at_or_above + hist_[b] >= m_) {
                threshold_key_ = static_cast<uint32_t>(b);
                ties_needed_ = m_ - at_or_above;
                ties_left_ = hist_[b];
                break;
            }
            at_or_above += hist_[b];
        }
    }
    std::fill(fail_edges_.begin(), fail_edges_.end(), 0);
}

void AdversarySearch::selectBlock(uint64_t first, uint64_t last) {
    const uint16_t* key = key_.data();
    uint8_t* chosen = chosen_.data();
    const uint32_t b = threshold_key_;
    for (uint64_t i = first; i < last; ++i) {
        bool fail = key[i] > b;
        if (key[i] == b) {
            fail = ties_needed_ > 0 && BoundedDraw::once(tie_words_, static_cast<uint32_t>(ties_left_)) < ties_needed_;
            ties_needed_ -= fail;
            --ties_left_;
        }
        chosen[i] = fail;
    }
    // The chosen pieces' edges, counted as for any failure set (streamed rows, no branch per piece).
    accumulateFailedEdges(g_, chosen, first, last, fail_edges_.data());
}

void AdversarySearch::endSelect() {
    if (!active_) return;
    uint64_t score = 0;
    for (uint32_t s = 0; s < g_.n1; ++s)
        if (g_.degree[s] > 0 && atMostC(g_.degree[s], fail_edges_[s], p_.c)) ++score;
    ++report_.evaluations;
    if (kind_ == Kind::ByCount) scanned_[x_] = score;
    if (!have_best_ || score > best_score_) {
        have_best_ = true;
        best_score_ = score;
        report_.best_x = x_;
        report_.best_at_most_c = score;
        report_.refined_best = kind_ == Kind::ByWeight;
        std::copy(chosen_.data(), chosen_.data() + g_.n2, out_.failed.data());
        last_fail_edges_ = fail_edges_;
    }
    active_ = false;
}

// Multiplicative re-weighting from the latest evaluation's failures: skills just short of tau get
// more load, over-served skills give some back, hopeless ones (below 0.6 tau) fade out.
void AdversarySearch::updateWeights() {
    const double tau = 1 - p_.c;
    if (!(tau > 0)) return;
    for (uint32_t s = 0; s < g_.n1; ++s) {
        if (weight_[s] == 0 || g_.degree[s] == 0) continue;
        const double f = double(fail_edges_[s]) / double(g_.degree[s]);
        double factor;
        if (f >= tau)
            factor = std::sqrt(tau / f);
        else if (f >= 0.6 * tau)
            factor = tau / f;
        else
            factor = 0.5;
        weight_[s] = static_cast<float>(weight_[s] * factor);
    }
}

}  // namespace slingshot
