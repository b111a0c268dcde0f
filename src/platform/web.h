// Browser glue: the only place that talks to JavaScript (URL, page messages, Slingshot.query).
#pragma once

#include <string>
#include <utility>

namespace slingshot::app {
class App;
}

namespace slingshot::platform {

std::pair<int, int> initialCssSize();            // the canvas's CSS size at start
void notifyFirstFrame();                           // resolves window.Slingshot.ready, hides the loader
void reportFatal(const std::string& message);      // replaces the page with a readable message
void applyStartupOptions(app::App& app);           // URL query -> app state

}  // namespace slingshot::platform
