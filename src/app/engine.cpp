#include "app/engine.h"

#include "app/engine_jobs.h"

#include <algorithm>
#include <exception>
#include <new>
#include <optional>
#include <stdexcept>

namespace slingshot::app {

namespace {

std::unique_ptr<Engine>& current() {
    static std::unique_ptr<Engine> e = std::make_unique<InProcessEngine>();
    return e;
}

}  // namespace

SLINGSHOT_BYTE_FIELDS(JobNews, &JobNews::state, &JobNews::progress, &JobNews::stage, &JobNews::slice_ms,
                      &JobNews::elapsed_ms, &JobNews::result, &JobNews::error, &JobNews::partial,
                      &JobNews::partial_count)

Bytes encodeNews(const JobNews& news) {
    ByteWriter w;
    w.put(news);
    return w.take();
}

JobNews decodeNews(const Bytes& bytes) {
    JobNews news;
    ByteReader r(bytes);
    r.get(news);
    r.finish();
    return news;
}

void updateNews(JobNews& known, JobNews fresh) {
    if (fresh.state == JobNews::State::Running && fresh.partial.empty() && fresh.partial_count == known.partial_count)
        fresh.partial = std::move(known.partial);
    known = std::move(fresh);
}

Engine& engine() { return *current(); }

void setEngine(std::unique_ptr<Engine> e) { current() = std::move(e); }

std::unique_ptr<EngineJob> makeEngineJob(JobKind kind, const Bytes& params) {
    switch (kind) {
        case JobKind::Simulation: return makeSimulationEngineJob(params);
        case JobKind::Certificate: return makeCertificateEngineJob(params);
        case JobKind::ThresholdIntervals: return makeThresholdIntervalEngineJob(params);
        case JobKind::StreamedBlocks: return makeStreamedBlocksEngineJob(params);
    }
    throw std::invalid_argument("unknown job kind " + std::to_string(int(kind)));
}

uint32_t jobAffinity(JobKind kind, const Bytes& params) {
    return kind == JobKind::Simulation ? simulationAffinity(params) : 0;
}

class RunningJob::Impl {
public:
    std::unique_ptr<EngineJob> job;
};

RunningJob::RunningJob(JobKind kind, const Bytes& params) : impl_(std::make_unique<Impl>()) {
    try {
        impl_->job = makeEngineJob(kind, params);
    } catch (const std::bad_alloc&) {
        news_.fail("out of memory");
    } catch (const std::exception& e) {
        news_.fail(e.what());
    }
}

RunningJob::~RunningJob() = default;

const JobNews& RunningJob::step(double slice_ms) {
    if (news_.state != JobNews::State::Running) return news_;
    Job& job = impl_->job->job();
    const double before = job.elapsedMs();
    job.runFor(slice_ms);
    news_.slice_ms = job.elapsedMs() - before;
    news_.elapsed_ms = job.elapsedMs();
    news_.progress = job.progress();
    news_.stage = job.stageName();
    news_.partial.clear();
    if (!job.finished()) {
        if (std::optional<Bytes> part = impl_->job->partialResult()) {
            news_.partial = std::move(*part);
            ++news_.partial_count;
        }
        return news_;
    }
    if (job.state() == JobState::Done) {
        try {
            news_.result = impl_->job->result();
            news_.state = JobNews::State::Done;
        } catch (const std::exception& e) {
            news_.fail(e.what());
        }
    } else {
        news_.fail(job.error().empty() ? "the job stopped" : job.error());
    }
    impl_->job.reset();  // its large arrays go now; the news keeps the result
    return news_;
}

void RunningJob::cancel() {
    if (impl_->job) impl_->job->job().cancel();
    impl_->job.reset();
    if (news_.state == JobNews::State::Running) news_.fail("cancelled");
}

std::unique_ptr<SplitJob> SplitJob::make(JobKind kind, const Bytes& request, unsigned ways) {
    if (kind != JobKind::Simulation || ways < 2) return nullptr;
    std::vector<Bytes> parts = simulationShares(request, ways);
    if (parts.size() < 2) return nullptr;
    auto split = std::make_unique<SplitJob>();
    split->kind_ = kind;
    split->part_kind_ = JobKind::StreamedBlocks;
    split->request_ = request;
    split->parts_ = std::move(parts);
    return split;
}

JobNews SplitJob::combine(const std::vector<const JobNews*>& parts) const {
    JobNews whole;
    bool all_done = true;
    std::vector<const Bytes*> results;
    for (const JobNews* part : parts) {
        whole.progress += part->progress / double(parts.size());
        whole.slice_ms = std::max(whole.slice_ms, part->slice_ms);
        whole.elapsed_ms = std::max(whole.elapsed_ms, part->elapsed_ms);  // the parts run side by side
        if (part->state == JobNews::State::Failed) {
            whole.fail(part->error);
            return whole;
        }
        if (part->state == JobNews::State::Running) {
            all_done = false;
            if (whole.stage.empty()) whole.stage = part->stage;
        }
        results.push_back(&part->result);
    }
    if (!all_done) return whole;
    try {
        whole.result = joinSimulationShares(request_, results, whole.elapsed_ms);
        whole.state = JobNews::State::Done;
        whole.progress = 1;
    } catch (const std::exception& e) {
        whole.fail(e.what());
    }
    return whole;
}

uint64_t InProcessEngine::start(JobKind kind, Bytes params) {
    const uint64_t ticket = next_++;
    jobs_[ticket] = std::make_unique<RunningJob>(kind, params);
    return ticket;
}

const JobNews& InProcessEngine::advance(uint64_t ticket, double slice_ms) {
    const auto it = jobs_.find(ticket);
    if (it == jobs_.end()) {
        gone_ = JobNews::failed("no such job");
        return gone_;
    }
    return it->second->step(slice_ms);
}

void InProcessEngine::stop(uint64_t ticket) {
    const auto it = jobs_.find(ticket);
    if (it == jobs_.end()) return;
    it->second->cancel();
    jobs_.erase(it);
}

}  // namespace slingshot::app
