// Every command's declaration, one factory a command (query.cpp lists them in the order the CLI's
// help shows). Each family has its file: commands_scaling.cpp (scaling, fit), commands_bounds.cpp
// (bound, adversary, stimulus), commands_emergence.cpp, commands_graph.cpp (simulate, certify).
#pragma once

#include "query/query.h"

namespace slingshot {

CommandSpec scalingCommand();
CommandSpec fitCommand();
CommandSpec boundCommand();
CommandSpec adversaryCommand();
CommandSpec stimulusCommand();
CommandSpec emergenceCommand();
CommandSpec simulateCommand();
CommandSpec certifyCommand();

}  // namespace slingshot
