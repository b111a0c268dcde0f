// Where an answer comes from: the software's version and source commit, the command and its complete
// inputs after defaults, so that a number published from an answer can be reproduced.
#pragma once

#include "query/query.h"

#include <string>

namespace slingshot {

// Generated at build time (cmake/source_version.cmake): "0.1.0" and a 12-digit commit, "unknown"
// outside a git checkout, with "-dirty" when the build's tracked files differ from the commit.
const char* sourceVersion();
const char* sourceCommit();

// {"software": "slingshot", "version", "commit", "command", "inputs": the validated arguments with
// every default filled in}.
Json provenance(const std::string& command, const Json& inputs);

// One line for --version: "slingshot 0.1.0 (commit 3f23cb82e201)".
std::string versionLine();

}  // namespace slingshot
