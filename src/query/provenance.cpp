#include "query/provenance.h"

namespace slingshot {

Json provenance(const std::string& command, const Json& inputs) {
    return {{"software", "slingshot"},
            {"version", sourceVersion()},
            {"commit", sourceCommit()},
            {"command", command},
            {"inputs", inputs}};
}

std::string versionLine() {
    std::string line = "slingshot ";
    line += sourceVersion();
    line += " (commit ";
    line += sourceCommit();
    line += ")";
    return line;
}

}  // namespace slingshot
