// A plot as plain sentences, for readers who cannot see it (screen readers): its title and axes, and
// for each series the numbers one would read off it (where it starts and ends, its range, where it
// crosses one half), then the marked lines. Built from what the plot drew last frame.
#pragma once

#include <string>

namespace slingshot::ui {

// Empty if the plot was never drawn.
std::string plotSummary(const char* id);

}  // namespace slingshot::ui
