// A streamed simulate spread over threads (src/cli/thread_runner) and MPI ranks (slingshot-cli-mpi,
// src/cli/mpi): the same answer, timings and the run's own circumstances aside, for uniform and Zipf
// measures, random and independent failures, and graphs of whole and partial blocks.
#include "cli/thread_runner.h"
#include "core/graph/piece_blocks.h"
#include "query/query.h"
#include "query_run.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

using namespace slingshot;
using slingshot::testing::CliRun;
using slingshot::testing::runCommandLine;

TEST_CASE("thread runner: every task once, on workers in range, errors rethrown", "[thread_runner]") {
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
        ThreadRunner runner(threads);
        CHECK(runner.workers() == threads);
        std::vector<std::atomic<int>> seen(1000);
        std::atomic<bool> worker_in_range{true};
        runner.run(seen.size(), [&](unsigned w, uint64_t i) {
            if (w >= threads) worker_in_range = false;
            ++seen[i];
        });
        CHECK(worker_in_range);
        int once = 0;
        for (auto& s : seen) once += s == 1;
        CHECK(once == 1000);
        CHECK_THROWS_WITH(runner.run(100,
                                     [](unsigned, uint64_t i) {
                                         if (i == 37) throw std::runtime_error("task 37 failed");
                                     }),
                          "task 37 failed");
        runner.run(0, [](unsigned, uint64_t) { FAIL("no task to run"); });
    }
}

#ifdef SLINGSHOT_CLI_PATH
namespace {

// The answer without what differs between runs that compute the same thing.
Json answerOf(const CliRun& run) {
    REQUIRE(run.status == 0);
    Json j = Json::parse(run.out);
    REQUIRE(j.contains("parallel"));
    j.erase("parallel");
    j.erase("elapsed_ms");
    return j;
}

std::vector<std::string> streamedCases() {
    const std::string whole = std::to_string(2 * kPiecesPerBlock),
                      partial = std::to_string(2 * kPiecesPerBlock + 12345);
    std::vector<std::string> cases;
    for (const std::string& n2 : {whole, partial, std::string("5000")})
        for (const char* measure : {"--measure uniform", "--measure zipf --zipf-s 1.2"})
            for (const char* failure : {"random", "independent"})
                cases.push_back("simulate --n1 2000 --k 4 --theta 0.15 --seed 5 --n2 " + n2 + " " + measure +
                                " --failure " + failure);
    return cases;
}

}  // namespace

TEST_CASE("cli parallel: 1, 2, 3 and 4 threads print the same answer", "[cli_parallel]") {
    for (const std::string& args : streamedCases()) {
        INFO(args);
        const std::string cli = std::string("\"") + SLINGSHOT_CLI_PATH + "\" " + args;
        const CliRun one = runCommandLine(cli + " --threads 1");
        const Json expected = answerOf(one);
        CHECK(Json::parse(one.out)["parallel"]["threads"] == 1);
        CHECK(expected["slots"] == "streamed");
        for (int threads : {2, 3, 4}) {
            const CliRun run = runCommandLine(cli + " --threads " + std::to_string(threads));
            REQUIRE(answerOf(run) == expected);
            CHECK(Json::parse(run.out)["parallel"]["threads"] == threads);
        }
    }
    CHECK(runCommandLine(std::string("\"") + SLINGSHOT_CLI_PATH + "\" simulate --threads 0").status == 2);
}

#ifdef SLINGSHOT_CLI_MPI_PATH
TEST_CASE("cli parallel: 1, 2 and 3 MPI ranks print the single process's answer", "[cli_parallel]") {
    // Oversubscribed on a small machine; Open MPI refuses root unless told it is on purpose.
    const std::string mpirun = std::string("OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 \"") +
                               SLINGSHOT_MPIEXEC + "\" --oversubscribe -n ";
    for (const std::string& args : streamedCases()) {
        INFO(args);
        const Json expected =
            answerOf(runCommandLine(std::string("\"") + SLINGSHOT_CLI_PATH + "\" " + args + " --threads 1"));
        for (int ranks : {1, 2, 3}) {
            const CliRun run = runCommandLine(mpirun + std::to_string(ranks) + " \"" + SLINGSHOT_CLI_MPI_PATH + "\" " +
                                              args + " --threads " + (ranks == 2 ? "2" : "1"));
            REQUIRE(answerOf(run) == expected);
            CHECK(Json::parse(run.out)["parallel"]["ranks"] == ranks);
        }
    }
    // A refusal is printed once, by rank 0, and every rank exits 2.
    const CliRun refused = runCommandLine(mpirun + "2 \"" + SLINGSHOT_CLI_MPI_PATH + "\" simulate --n1 0", true);
    CHECK(refused.status != 0);
    size_t count = 0;
    for (size_t at = refused.out.find("--n1"); at != std::string::npos; at = refused.out.find("--n1", at + 1)) ++count;
    CHECK(count == 1);
}
#endif
#endif
