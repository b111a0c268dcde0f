// The one way the app runs engine jobs. A job of a kind is started with its parameters as bytes
// (byte_codec.h), then advanced and read as news: progress and stage while it runs, then the result's
// bytes or why it was refused; a job whose first stages give final numbers sends them early as a
// partial result. Two implementations: in this process, a slice at a time inside frames
// (the native tests, and the page when it cannot start workers), and a pool of Web Workers running
// the same build (src/platform/worker_engine.cpp), which leaves the page's thread to drawing.
#pragma once

#include "app/byte_codec.h"
#include "core/base/job.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace slingshot::app {

enum class JobKind : uint8_t { Simulation = 1, Certificate = 2, ThresholdIntervals = 3, StreamedBlocks = 4 };

struct JobNews {
    enum class State : uint8_t { Running, Done, Failed };
    State state = State::Running;
    double progress = 0;    // [0, 1]
    std::string stage;      // what runs now
    double slice_ms = 0;    // the job's last slice: how long it held its thread
    double elapsed_ms = 0;  // time inside slices so far
    Bytes result;           // once Done
    std::string error;      // once Failed: the refusal or failure
    // A result of the stages finished so far, encoded like `result` (a simulation's skills before
    // its tuples): only in the news of the slice that made it; partial_count counts those made.
    Bytes partial;
    uint32_t partial_count = 0;

    // News of a job that failed, or is not known, for this reason.
    static JobNews failed(std::string why) {
        JobNews n;
        n.fail(std::move(why));
        return n;
    }
    void fail(std::string why) {
        state = State::Failed;
        error = std::move(why);
    }
};

void writeValue(ByteWriter& w, const JobNews& v);
void readValue(ByteReader& r, JobNews& v);
// News as bytes, for a worker to post it back.
Bytes encodeNews(const JobNews& news);
JobNews decodeNews(const Bytes& bytes);
// A job's latest news from a worker replaces what was known of it, keeping a partial result that the
// fresh news does not replace (a partial travels in one slice's news only) while the job runs.
void updateNews(JobNews& known, JobNews fresh);

class Engine {
public:
    virtual ~Engine() = default;
    // Starts a job; the ticket names it (never 0).
    virtual uint64_t start(JobKind kind, Bytes params) = 0;
    // Runs the job for about slice_ms where jobs run on this thread (nothing to run elsewhere) and
    // returns its latest news, valid until the next call on this engine.
    virtual const JobNews& advance(uint64_t ticket, double slice_ms) = 0;
    // Cancels a running job or forgets a finished one.
    virtual void stop(uint64_t ticket) = 0;
    // "in this thread" or "2 Web Workers", for the page's status and tests.
    virtual std::string where() const = 0;
};

// A number naming the sampled graph a job runs on (0: none it keeps), so that a pool of workers can
// send it where that graph is kept (sampled_graph_cache.h).
uint32_t jobAffinity(JobKind kind, const Bytes& params);

// The engine the app uses: in-process until the platform installs another at start-up.
Engine& engine();
void setEngine(std::unique_ptr<Engine> e);

// One job as an engine runs it: made from its kind's parameters (a refusal becomes Failed news),
// stepped in slices, its result encoded once Done.
class RunningJob {
public:
    RunningJob(JobKind kind, const Bytes& params);
    ~RunningJob();
    const JobNews& step(double slice_ms);
    const JobNews& news() const { return news_; }
    void cancel();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
    JobNews news_;
};

// A job spread over several engine jobs, one per worker (a streamed simulation's blocks): the parts'
// requests, and their news combined into the whole job's news.
class SplitJob {
public:
    // Null when the request does not split into more than one part for `ways` workers.
    static std::unique_ptr<SplitJob> make(JobKind kind, const Bytes& request, unsigned ways);
    JobKind partKind() const { return part_kind_; }
    const std::vector<Bytes>& partRequests() const { return parts_; }
    // The whole job's news from each part's latest (in the order of partRequests()): running while any
    // runs (progress the mean), failed as soon as one fails, done with the joined result.
    JobNews combine(const std::vector<const JobNews*>& parts) const;

private:
    JobKind kind_, part_kind_;
    Bytes request_;
    std::vector<Bytes> parts_;
};

// Jobs run here, each when its driver advances it.
class InProcessEngine final : public Engine {
public:
    uint64_t start(JobKind kind, Bytes params) override;
    const JobNews& advance(uint64_t ticket, double slice_ms) override;
    void stop(uint64_t ticket) override;
    std::string where() const override { return "in this thread"; }

private:
    std::map<uint64_t, std::unique_ptr<RunningJob>> jobs_;
    uint64_t next_ = 1;
    JobNews gone_;
};

}  // namespace slingshot::app
