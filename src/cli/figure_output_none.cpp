// writeFigure for builds without the app (no ImGui sources, or the MPI ranks): figures need the app.
#include "cli/figure_output.h"

namespace slingshot {

int writeFigure(const std::string& command, const Json&, const std::string&, std::ostream&, std::ostream& err) {
    err << "slingshot-cli " << command
        << ": --figure needs slingshot-cli built with the app (ImGui sources from ./build-wasm.sh setup); "
           "this build has none\n";
    return 2;
}

}  // namespace slingshot
