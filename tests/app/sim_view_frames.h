// Drives a simulation view (Skill graph, Competence) through headless frames until its job is done.
#pragma once

#include "app/view.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

namespace slingshot::test {

// Assigns a view parameter by its CLI flag name, as the URL and setState do.
inline void setParam(app::View& v, const char* name, const Json& value) { app::assignBinding(binding(v, name), value); }

template <class V>
void viewFrame(HeadlessImGui& gui, V& view, float width = 1280, float height = 800) {
    drawView(gui, view, width, height);
}

// Frames until the wanted run has finished (or was refused); returns the number of frames.
template <class V>
int runViewToEnd(HeadlessImGui& gui, V& view, int max_frames = 20000) {
    int frames = 0;
    do {
        viewFrame(gui, view);
        ++frames;
    } while (view.runner().stale() && view.runner().error().empty() && frames < max_frames);
    viewFrame(gui, view);  // one more frame draws the finished result
    return frames + 1;
}

// Frames until the view is no longer busy (every run, ensemble seed and certificate done or refused),
// then one more that draws it; returns the number of frames.
template <class V>
int runViewUntilSettled(HeadlessImGui& gui, V& view, int max_frames = 20000) {
    int frames = 0;
    do {
        viewFrame(gui, view);
    } while (view.busy() && ++frames < max_frames);
    viewFrame(gui, view);
    return frames + 1;
}

}  // namespace slingshot::test
