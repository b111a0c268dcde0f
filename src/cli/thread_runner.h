// Tasks on a fixed number of threads, each taking the next task number from a shared counter (blocks
// of a streamed run differ little in cost, so no finer balancing is needed).
#pragma once

#include "core/base/task_runner.h"

namespace slingshot {

class ThreadRunner final : public TaskRunner {
public:
    explicit ThreadRunner(unsigned threads) : threads_(threads == 0 ? 1 : threads) {}
    unsigned workers() const override { return threads_; }
    void run(uint64_t tasks, const std::function<void(unsigned, uint64_t)>& task) override;

private:
    unsigned threads_;
};

}  // namespace slingshot
