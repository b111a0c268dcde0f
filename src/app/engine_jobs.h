// The jobs the app's engine runs, by kind: each made from its encoded parameters, its result encoded
// once Done. The tasks that use them (simulation_runner, certificate_task, threshold_interval_task)
// define how; both the page's thread and its workers call this.
#pragma once

#include "app/engine.h"
#include "core/base/job.h"

#include <memory>
#include <optional>
#include <vector>

namespace slingshot::app {

class EngineJob {
public:
    virtual ~EngineJob() = default;
    virtual Job& job() = 0;
    // The result, encoded; called once, after the job is Done.
    virtual Bytes result() = 0;
    // While it runs: a result of the stages finished so far when one is due that was not given yet
    // (encoded like result()); none by default.
    virtual std::optional<Bytes> partialResult() { return std::nullopt; }
};

// Throws (std::exception) with the refusal when the parameters are refused.
std::unique_ptr<EngineJob> makeEngineJob(JobKind kind, const Bytes& params);

// Each task's own maker.
std::unique_ptr<EngineJob> makeSimulationEngineJob(const Bytes& params);
std::unique_ptr<EngineJob> makeCertificateEngineJob(const Bytes& params);
std::unique_ptr<EngineJob> makeThresholdIntervalEngineJob(const Bytes& params);
std::unique_ptr<EngineJob> makeStreamedBlocksEngineJob(const Bytes& params);

// The graph a simulation request runs on, as a number for the worker pool (sampled_graph_cache.h).
uint32_t simulationAffinity(const Bytes& request);

// How a simulation request splits into shares of its blocks (JobKind::StreamedBlocks requests; none
// when it keeps slots or has one block), and the whole run's snapshot from the shares' results.
std::vector<Bytes> simulationShares(const Bytes& request, unsigned ways);
Bytes joinSimulationShares(const Bytes& request, const std::vector<const Bytes*>& shares, double elapsed_ms);

// An EngineJob over a job type and the function that encodes its result.
template <class J, class Encode>
class EngineJobOf final : public EngineJob {
public:
    EngineJobOf(std::unique_ptr<J> job, Encode encode) : job_(std::move(job)), encode_(std::move(encode)) {}
    Job& job() override { return *job_; }
    Bytes result() override { return encode_(*job_); }

private:
    std::unique_ptr<J> job_;
    Encode encode_;
};

template <class J, class Encode>
std::unique_ptr<EngineJob> engineJobOf(std::unique_ptr<J> job, Encode encode) {
    return std::make_unique<EngineJobOf<J, Encode>>(std::move(job), std::move(encode));
}

}  // namespace slingshot::app
