#include "platform/web.h"

#include "app/app.h"
#include "core/query.h"
#include "core/url_query.h"

#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

// clang-format off
EM_JS(int, js_css_width, (), { var c = Module.canvas; return c ? Math.max(1, c.clientWidth | 0) : 800; });
EM_JS(int, js_css_height, (), { var c = Module.canvas; return c ? Math.max(1, c.clientHeight | 0) : 600; });
EM_JS(void, js_first_frame, (), { if (window.SlingshotPage) window.SlingshotPage.firstFrame(); });
EM_JS(void, js_fatal, (const char* msg), { if (window.SlingshotPage) window.SlingshotPage.fatal(UTF8ToString(msg)); });
EM_JS(char*, js_location_search, (), {
  var s = window.location.search || "";
  var n = lengthBytesUTF8(s) + 1; var p = _malloc(n); stringToUTF8(s, p, n); return p;
});
// clang-format on
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace slingshot::platform {

std::pair<int, int> initialCssSize() {
#ifdef __EMSCRIPTEN__
    return {js_css_width(), js_css_height()};
#else
    return {1280, 800};
#endif
}

void notifyFirstFrame() {
#ifdef __EMSCRIPTEN__
    js_first_frame();
#endif
}

void reportFatal(const std::string& message) {
#ifdef __EMSCRIPTEN__
    js_fatal(message.c_str());
#endif
}

void applyStartupOptions(app::App& app) {
    std::string search;
#ifdef __EMSCRIPTEN__
    char* raw = js_location_search();
    search = raw;
    free(raw);
#endif
    auto params = parseQueryString(search);
    if (auto it = params.find("view"); it != params.end()) app.selectView(it->second);
}

}  // namespace slingshot::platform

// window.Slingshot.query(command, argsJson): the same dispatcher as slingshot-cli.
extern "C" EMSCRIPTEN_KEEPALIVE const char* slingshot_query(const char* command, const char* args_json) {
    static std::string answer;  // valid until the next call; JS copies it at once
    answer = slingshot::queryText(command ? command : "", args_json ? args_json : "");
    return answer.c_str();
}
