#include "query/parallel_runs.h"

namespace slingshot {

namespace {

ParallelRuns& current() {
    static ParallelRuns runs;
    return runs;
}

}  // namespace

void setParallelRuns(ParallelRuns runs) { current() = std::move(runs); }

const ParallelRuns& parallelRuns() { return current(); }

}  // namespace slingshot
