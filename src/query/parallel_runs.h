// How this process spreads a streamed simulation: the runner for its threads and, under MPI, its
// share of the blocks and the sum of every process's counts. A front door that has threads or ranks
// (the CLI) sets it once before running a command; the page and the tests keep the default, one
// thread in one process. Answers do not depend on it, only their timings.
#pragma once

#include "core/base/task_runner.h"
#include "core/graph/streamed_counts.h"

#include <functional>

namespace slingshot {

struct ParallelRuns {
    TaskRunner* runner = nullptr;  // null: the calling thread
    unsigned rank = 0, ranks = 1;  // this process among `ranks`; rank 0 answers
    // Sums every rank's counts into rank 0's; called by every rank once per run (needed when ranks > 1).
    std::function<void(StreamedCounts&)> reduce;
};

void setParallelRuns(ParallelRuns runs);
const ParallelRuns& parallelRuns();

}  // namespace slingshot
