// Where independent pieces of one computation run. The engine hands a runner numbered tasks and
// never starts threads itself (the page has none); front doors pass one that runs tasks on several
// threads. Every task writes only its own worker's state, so results do not depend on the runner.
#pragma once

#include <cstdint>
#include <functional>

namespace slingshot {

class TaskRunner {
public:
    virtual ~TaskRunner() = default;
    // How many workers tasks may run on; worker ids are [0, workers()).
    virtual unsigned workers() const = 0;
    // Calls task(worker, i) once for every i in [0, tasks); one worker's calls never overlap. Returns
    // after the last; an exception thrown by a task is rethrown here (the remaining tasks may be skipped).
    virtual void run(uint64_t tasks, const std::function<void(unsigned worker, uint64_t task)>& task) = 0;
};

// Every task in order on the calling thread.
class SequentialRunner final : public TaskRunner {
public:
    unsigned workers() const override { return 1; }
    void run(uint64_t tasks, const std::function<void(unsigned, uint64_t)>& task) override {
        for (uint64_t i = 0; i < tasks; ++i) task(0, i);
    }
};

}  // namespace slingshot
