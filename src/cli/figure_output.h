// slingshot-cli COMMAND … --figure svg: the figure the page's view for that command draws, as an SVG
// document, made without a browser (the app runs headless with the command's flags as its URL state).
#pragma once

#include "query/query.h"

#include <ostream>
#include <string>

namespace slingshot {

// Draws the plot `plot_id` ("" = the view's first) of the view that corresponds to `command`, with
// `args` (flag name -> text, as given) as that view's parameters, until its jobs are done, and
// writes the plot's SVG export to `out`. Exit status: 0; 2 for a command without a figure, an unknown
// plot or a flag the view does not take (the reason and the choices go to `err`); 1 if no SVG came.
int writeFigure(const std::string& command, const Json& args, const std::string& plot_id, std::ostream& out,
                std::ostream& err);

}  // namespace slingshot
