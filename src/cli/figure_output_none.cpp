// writeFigure for builds without the app (no ImGui sources, or the MPI ranks): figures need the app.
#include "cli/figure_output.h"

namespace slingshot {

int writeFigure(const std::string& command, const Json&, const std::string&, std::ostream&, std::ostream& err) {
    err << "slingshot-cli " << command
        << ": --figure needs the app, which this build has not: slingshot-cli built with the ImGui sources "
           "(./build-wasm.sh setup) draws figures; slingshot-cli-mpi and builds without ImGui do not\n";
    return 2;
}

}  // namespace slingshot
