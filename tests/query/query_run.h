// Shared by the query tests: the message of a refused query, and a run of slingshot-cli.
#pragma once

#include "query/query.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace slingshot::testing {

// The message of the QueryError a query raises (empty if it answers).
inline std::string errorOf(const std::string& command, const Json& args) {
    try {
        runQuery(command, args);
    } catch (const QueryError& e) {
        return e.what();
    }
    return "";
}

struct CliRun {
    int status;
    std::string out;
};

// Runs a shell command line; stdout captured and stderr discarded, or (messages) the other way.
inline CliRun runCommandLine(const std::string& command, bool messages = false) {
    const std::string cmd = command + (messages ? " 2>&1 >/dev/null" : " 2>/dev/null");
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe.get())) > 0) out.append(buf.data(), n);
    const int raw = pclose(pipe.release());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, out};
}

#ifdef SLINGSHOT_CLI_PATH
// Runs slingshot-cli with `args`.
inline CliRun runCli(const std::string& args, bool messages = false) {
    return runCommandLine(std::string("\"") + SLINGSHOT_CLI_PATH + "\" " + args, messages);
}
#endif

}  // namespace slingshot::testing
