// The processes one slingshot-cli run is spread over: one process (slingshot-cli), or the ranks of an
// MPI job (slingshot-cli-mpi, started by mpirun). Rank 0 prints the answer; every rank computes its
// share of a streamed simulation's blocks.
#pragma once

#include "core/graph/streamed_counts.h"

#include <functional>

namespace slingshot {

struct ProcessGroup {
    unsigned rank = 0, ranks = 1;
    // Sums every rank's counts into rank 0's (collective: every rank calls it).
    std::function<void(StreamedCounts&)> reduce;
};

// Joins the group (MPI_Init under MPI) before the command line is read.
ProcessGroup joinProcessGroup(int& argc, char**& argv);
// Leaves it (MPI_Finalize) before the process exits.
void leaveProcessGroup();

}  // namespace slingshot
