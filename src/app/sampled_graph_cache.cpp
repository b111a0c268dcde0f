#include "app/sampled_graph_cache.h"

namespace slingshot::app {

namespace {

struct Kept {
    std::shared_ptr<const SampledGraph> graph;
    uint64_t takes = 0;
};

// One per thread: each Web Worker is its own thread with its own engine.
Kept& kept() {
    thread_local Kept k;
    return k;
}

// FNV-1a over the bytes of the fields that make the graph.
uint32_t fnv(uint32_t h, const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 16777619u;
    return h;
}

}  // namespace

std::shared_ptr<const SampledGraph> keptGraphFor(const SimulationParams& p) {
    Kept& k = kept();
    if (k.graph && sameGraph(k.graph->sampled_by, p)) {
        ++k.takes;
        return k.graph;
    }
    k.graph.reset();
    return nullptr;
}

void keepGraph(std::shared_ptr<const SampledGraph> g) {
    const bool small = g && SkillGraph::bytesFor(g->graph.n1, g->graph.n2, g->graph.k) <= kMaxKeptGraphBytes;
    kept().graph = small ? std::move(g) : nullptr;
}

uint64_t keptGraphTakes() { return kept().takes; }

uint32_t graphAffinity(const SimulationParams& p) {
    if (p.slots != SlotStorage::Kept) return 0;
    uint32_t h = 2166136261u;
    h = fnv(h, &p.n1, sizeof p.n1);
    h = fnv(h, &p.n2, sizeof p.n2);
    h = fnv(h, &p.k, sizeof p.k);
    h = fnv(h, &p.seed, sizeof p.seed);
    const int kind = static_cast<int>(p.measure.kind);
    h = fnv(h, &kind, sizeof kind);
    h = fnv(h, &p.measure.zipf_s, sizeof p.measure.zipf_s);
    for (double w : p.measure.weights) h = fnv(h, &w, sizeof w);
    return h == 0 ? 1 : h;
}

}  // namespace slingshot::app
