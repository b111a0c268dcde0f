// Resumable jobs: a long computation is a list of stages, each a loop over work items run in blocks.
// The CLI runs a job to the end; the page calls step() or runFor() once per frame (no threads in the
// browser without COOP/COEP). Kernels are called once per block of about 65536 items through an
// indirect call: V8 swaps a running wasm function for its optimised version only between calls,
// so a kernel called once per block runs optimised after the first blocks (docs/PERFORMANCE.md).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace slingshot {

inline constexpr uint64_t kJobBlockItems = 65536;

// One stage of a job: a loop over work items, run in blocks.
struct JobStage {
    std::string name;
    double weight = 1;  // expected share of the work, for progress
    // Called once when the stage starts; returns the number of items (may be 0).
    std::function<uint64_t()> begin;
    // Processes items [first, last); called in order, blocks of at most block_items.
    std::function<void(uint64_t first, uint64_t last)> block;
    // Called once after the last block.
    std::function<void()> end;
    uint64_t block_items = kJobBlockItems;
};

enum class JobState { Running, Done, Cancelled, Failed };

class Job {
public:
    Job() = default;
    Job(const Job&) = delete;  // stages capture `this`
    Job& operator=(const Job&) = delete;
    virtual ~Job() = default;

    // Runs whole blocks until at least `budget_items` items were processed (at least one block) or the
    // job ends. Returns true while there is more to do.
    bool step(uint64_t budget_items);
    // Runs blocks until `budget_ms` of wall time has passed (at least one block).
    bool runFor(double budget_ms);
    // Runs to the end (the CLI).
    void runToEnd();
    // Stops at the next block boundary; results are not available afterwards.
    void cancel();

    JobState state() const { return state_; }
    bool finished() const { return state_ != JobState::Running; }
    // Fraction of the planned work done, in [0, 1]; 1 once Done.
    double progress() const;
    // Name of the stage being run (for a status line); a job that runs another inside a stage may
    // name the inner stage.
    virtual std::string stageName() const;
    // Wall time spent inside step() so far, in milliseconds.
    double elapsedMs() const { return elapsed_ms_; }
    // Why the job failed (memory, bad input found late), empty otherwise.
    const std::string& error() const { return error_; }

protected:
    void addStage(JobStage s) { stages_.push_back(std::move(s)); }

private:
    void runOneBlock();

    std::vector<JobStage> stages_;
    size_t current_ = 0;
    bool begun_ = false;
    uint64_t items_ = 0;
    uint64_t done_items_ = 0;
    JobState state_ = JobState::Running;
    std::string error_;
    double elapsed_ms_ = 0;
};

}  // namespace slingshot
