// Browser glue: the only place that talks to JavaScript (URL, downloads, clipboard, settings,
// Slingshot.query/getState/setState). Native builds get inert versions.
#pragma once

#include "app/host.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slingshot::app {
class App;
}

namespace slingshot::platform {

struct PngRequest {
    app::PixelRect rect;  // CSS pixels
    float scale;          // device pixels per CSS pixel in the file
    std::string filename;
    std::vector<app::PngText> text;  // its tEXt chunks
    int frames_to_wait = 2;          // let the menu that asked for it close before capturing
};
extern std::optional<PngRequest> pending_png;  // set by the host, served by the frame loop

app::Host* host();                             // the browser's implementation of app::Host
std::pair<int, int> initialCssSize();          // the canvas's CSS size at start
void notifyFirstFrame();                       // resolves window.Slingshot.ready, hides the loader
void reportFatal(const std::string& message);  // replaces the page with a readable message
void startApp(app::App& app);                  // URL query and stored settings -> app
void afterFrame(app::App& app);                // app state -> URL; settings -> localStorage
// Rows bottom-up, as glReadPixels gives them.
void deliverPng(const std::vector<unsigned char>& rgba_bottom_up, int width, int height, const std::string& filename,
                const std::vector<app::PngText>& text);

}  // namespace slingshot::platform
