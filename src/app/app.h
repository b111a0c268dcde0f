// The explorer: owns the views and the UI settings and draws one frame of the whole page.
#pragma once

#include "app/view.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace slingshot::app {

struct UiSettings {
    bool dark = false;     // theme=light|dark
    float scale = 1.0f;    // scale=1..3: font and line size for projectors
};

// What a view may ask of the app: switch views, set another view's parameters (validated as from
// the URL) and show a guide strip above every view's controls (the overview's tour).
class Navigator {
public:
    virtual ~Navigator() = default;
    virtual bool go(const char* url_name) = 0;  // false if there is no such view
    virtual bool setParam(const char* url_name, const char* name, const Json& value) = 0;  // false if refused
    virtual void setGuide(std::function<void()> draw) = 0;  // empty function: no strip
};

class App : public Navigator {
public:
    App();
    // Draws the page into a full-window ImGui window of `width` x `height` CSS pixels.
    void frame(float width, float height);

    const UiSettings& settings() const { return settings_; }
    bool selectView(const std::string& url_name);  // false if unknown
    const char* currentViewName() const;

    bool go(const char* url_name) override { return selectView(url_name); }
    bool setParam(const char* url_name, const char* name, const Json& value) override;
    void setGuide(std::function<void()> draw) override { guide_ = std::move(draw); }
    void applyTheme();

private:
    void topBar();
    std::vector<std::unique_ptr<View>> views_;
    size_t current_ = 0;
    UiSettings settings_;
    std::function<void()> guide_;
};

}  // namespace slingshot::app
