// The MPI process group of slingshot-cli-mpi (Open MPI): counts are summed onto rank 0 with
// MPI_Reduce. Integer sums are exact and the hash terms add mod 2^64, as they do within one process.
#include "cli/process_group.h"

#include <mpi.h>

#include <cstdint>
#include <vector>

namespace slingshot {

namespace {

void sumOntoRoot(std::vector<uint64_t>& values, int rank) {
    const int n = static_cast<int>(values.size());
    if (rank == 0)
        MPI_Reduce(MPI_IN_PLACE, values.data(), n, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
    else
        MPI_Reduce(values.data(), nullptr, n, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
}

}  // namespace

ProcessGroup joinProcessGroup(int& argc, char**& argv) {
    MPI_Init(&argc, &argv);
    int rank = 0, ranks = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    ProcessGroup group;
    group.rank = static_cast<unsigned>(rank);
    group.ranks = static_cast<unsigned>(ranks);
    group.reduce = [rank](StreamedCounts& c) {
        sumOntoRoot(c.degree, rank);
        sumOntoRoot(c.failed_edges, rank);
        std::vector<uint64_t> scalars = {c.failed, c.slots_hash, c.blocks};
        sumOntoRoot(scalars, rank);
        c.failed = scalars[0];
        c.slots_hash = scalars[1];
        c.blocks = scalars[2];
    };
    return group;
}

void leaveProcessGroup() { MPI_Finalize(); }

}  // namespace slingshot
