// The explorer: owns the views and the UI settings and draws one frame of the whole page.
#pragma once

#include "app/view.h"

#include <memory>
#include <string>
#include <vector>

namespace slingshot::app {

struct UiSettings {
    bool dark = false;     // theme=light|dark
    float scale = 1.0f;    // scale=1..3: font and line size for projectors
};

class App {
public:
    App();
    // Draws the page into a full-window ImGui window of `width` x `height` CSS pixels.
    void frame(float width, float height);

    const UiSettings& settings() const { return settings_; }
    bool selectView(const std::string& url_name);  // false if unknown
    const char* currentViewName() const;
    void applyTheme();

private:
    void topBar();
    std::vector<std::unique_ptr<View>> views_;
    size_t current_ = 0;
    UiSettings settings_;
};

}  // namespace slingshot::app
