#include "platform/worker_engine.h"

#include "app/engine.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// clang-format off
EM_JS(int, js_pool_start, (), { return window.SlingshotEnginePool ? window.SlingshotEnginePool.start() : 0; });
EM_JS(void, js_pool_run, (double ticket, int kind, const uint8_t* params, int len, double affinity), {
  window.SlingshotEnginePool.run(ticket, kind, HEAPU8.slice(params, params + len), affinity);
});
EM_JS(void, js_pool_stop, (double ticket), { window.SlingshotEnginePool.stop(ticket); });
// clang-format on
#else
#define EMSCRIPTEN_KEEPALIVE
static int js_pool_start() { return 0; }
static void js_pool_run(double, int, const uint8_t*, int, double) {}
static void js_pool_stop(double) {}
#endif

namespace slingshot::platform {
namespace {

// Jobs are posted to the pool; their news arrives from the workers between frames. A job that splits
// (a streamed simulation's blocks) is posted as one part per worker, and its news is the parts' combined.
class WorkerEngine final : public app::Engine {
public:
    explicit WorkerEngine(int workers) : workers_(workers) {}

    uint64_t start(app::JobKind kind, app::Bytes params) override {
        const uint64_t ticket = next_++;
        news_[ticket] = app::JobNews();
        auto split = app::SplitJob::make(kind, params, static_cast<unsigned>(workers_));
        if (!split) {
            post(ticket, kind, params, app::jobAffinity(kind, params));
            return ticket;
        }
        Group g;
        for (const app::Bytes& part : split->partRequests()) {
            const uint64_t sub = next_++;
            part_of_[sub] = {ticket, g.parts.size()};
            g.parts.push_back(sub);
            post(sub, split->partKind(), part, 0);
        }
        g.news.resize(g.parts.size());
        g.split = std::move(split);
        groups_[ticket] = std::move(g);
        return ticket;
    }
    const app::JobNews& advance(uint64_t ticket, double) override {
        const auto it = news_.find(ticket);
        if (it != news_.end()) return it->second;
        gone_ = app::JobNews::failed("no such job");
        return gone_;
    }
    void stop(uint64_t ticket) override {
        if (!news_.erase(ticket)) return;
        const auto g = groups_.find(ticket);
        if (g == groups_.end()) {
            js_pool_stop(double(ticket));
            return;
        }
        for (uint64_t sub : g->second.parts) {
            part_of_.erase(sub);
            js_pool_stop(double(sub));
        }
        groups_.erase(g);
    }
    std::string where() const override {
        return std::to_string(workers_) + (workers_ == 1 ? " Web Worker" : " Web Workers");
    }
    // News of a job still wanted replaces what was known; news of a stopped job is dropped.
    void deliver(uint64_t ticket, const app::Bytes& bytes) {
        const auto part = part_of_.find(ticket);
        if (part != part_of_.end()) {
            Group& g = groups_.at(part->second.first);
            g.news[part->second.second] = read(bytes);
            std::vector<const app::JobNews*> all;
            for (const app::JobNews& n : g.news) all.push_back(&n);
            news_[part->second.first] = g.split->combine(all);
            return;
        }
        const auto it = news_.find(ticket);
        if (it != news_.end()) app::updateNews(it->second, read(bytes));
    }

private:
    struct Group {
        std::unique_ptr<app::SplitJob> split;
        std::vector<uint64_t> parts;     // their tickets
        std::vector<app::JobNews> news;  // the latest of each
    };
    static void post(uint64_t ticket, app::JobKind kind, const app::Bytes& params, uint32_t affinity) {
        js_pool_run(double(ticket), int(kind), params.data(), static_cast<int>(params.size()), double(affinity));
    }
    static app::JobNews read(const app::Bytes& bytes) {
        try {
            return app::decodeNews(bytes);
        } catch (const std::exception& e) {
            return app::JobNews::failed(std::string("the engine worker's message could not be read: ") + e.what());
        }
    }

    int workers_;
    uint64_t next_ = 1;
    std::map<uint64_t, app::JobNews> news_;
    std::map<uint64_t, Group> groups_;                         // split jobs by ticket
    std::map<uint64_t, std::pair<uint64_t, size_t>> part_of_;  // part ticket -> (job, index)
    app::JobNews gone_;
};

WorkerEngine* installed = nullptr;

}  // namespace

int installWorkerEngine() {
    const int workers = js_pool_start();
    if (workers <= 0) return 0;
    auto engine = std::make_unique<WorkerEngine>(workers);
    installed = engine.get();
    app::setEngine(std::move(engine));
    return workers;
}

}  // namespace slingshot::platform

// Called by web/engine-pool.js with a worker's news (bytes copied into this module's memory).
extern "C" EMSCRIPTEN_KEEPALIVE void slingshot_engine_deliver(double ticket, const uint8_t* bytes, int len) {
    if (!slingshot::platform::installed) return;
    slingshot::platform::installed->deliver(static_cast<uint64_t>(ticket), slingshot::app::Bytes(bytes, bytes + len));
}

// Called by web/engine-pool.js when a job's worker stopped or none runs: the job fails with `why`.
extern "C" EMSCRIPTEN_KEEPALIVE void slingshot_engine_fail(double ticket, const char* why) {
    if (!slingshot::platform::installed) return;
    slingshot::platform::installed->deliver(static_cast<uint64_t>(ticket),
                                            slingshot::app::encodeNews(slingshot::app::JobNews::failed(why)));
}
