// The worker role of the same WebAssembly build: web/engine-pool.js starts the module in a Web Worker
// without main() and drives jobs through these calls. A worker may hold several jobs; it steps them
// in turn and posts each slice's news.
#include "app/engine.h"

#include <cstdint>
#include <map>
#include <memory>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace {

std::map<uint64_t, std::unique_ptr<slingshot::app::RunningJob>>& jobs() {
    static std::map<uint64_t, std::unique_ptr<slingshot::app::RunningJob>> j;
    return j;
}
slingshot::app::Bytes& lastNews() {
    static slingshot::app::Bytes b;
    return b;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void slingshot_worker_start(double ticket, int kind, const uint8_t* params, int len) {
    jobs()[static_cast<uint64_t>(ticket)] = std::make_unique<slingshot::app::RunningJob>(
        static_cast<slingshot::app::JobKind>(kind), slingshot::app::Bytes(params, params + len));
}

// Runs the job for slice_ms and encodes its news; returns its address (its size: slingshot_worker_news_size).
// A job whose news is final is forgotten.
EMSCRIPTEN_KEEPALIVE const uint8_t* slingshot_worker_step(double ticket, double slice_ms) {
    const auto it = jobs().find(static_cast<uint64_t>(ticket));
    if (it == jobs().end()) {
        lastNews() = slingshot::app::encodeNews(slingshot::app::JobNews::failed("no such job"));
        return lastNews().data();
    }
    const slingshot::app::JobNews& news = it->second->step(slice_ms);
    lastNews() = slingshot::app::encodeNews(news);
    if (news.state != slingshot::app::JobNews::State::Running) jobs().erase(it);
    return lastNews().data();
}

EMSCRIPTEN_KEEPALIVE int slingshot_worker_news_size() { return static_cast<int>(lastNews().size()); }

EMSCRIPTEN_KEEPALIVE void slingshot_worker_stop(double ticket) {
    const auto it = jobs().find(static_cast<uint64_t>(ticket));
    if (it == jobs().end()) return;
    it->second->cancel();
    jobs().erase(it);
}

}  // extern "C"
