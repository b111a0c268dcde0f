// What the last frame laid out, for the phone, embed and label tests (Slingshot.layoutReport()):
// the layout in force, the keyboard's focus, each shown plot's data area, legend and line labels,
// and any text cut at a clip edge. Call it between frames: it reads the last frame's draw data.
#pragma once

#include "app/app.h"

#include <imgui.h>

namespace slingshot::app {

// {"focus": {"window", "rect", "active"} or null, "frame_height" (a button's or slider's height),
// "width", "height", "compact", "embed", "plots": [{"id", "frame",
// "data", "legend", "labels":
// [{"text", "rect", "dropped"}]}], "clipped": [{"text", "window", "rect", "clip", "edges"}]};
// rectangles are [x0, y0, x1, y1] in CSS pixels; a plot not drawn last frame is left out.
Json layoutReport(const App& app, const ImDrawData& draw_data);

}  // namespace slingshot::app
