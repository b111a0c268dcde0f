// What the app asks of the page around it (implemented by src/platform/web.cpp in the browser and
// by a recording fake in tests). Keeps the app free of browser code.
#pragma once

#include <string>
#include <vector>

namespace slingshot::app {

struct PixelRect {  // in CSS pixels of the ImGui display
    float x = 0, y = 0, w = 0, h = 0;
};

// One tEXt chunk of a saved PNG: a keyword (Latin-1, 1-79 characters) and an ASCII value.
struct PngText {
    std::string keyword, value;
};

class Host {
public:
    virtual ~Host() = default;
    // Offer `data` as a file download named `filename`.
    virtual void download(const std::string& filename, const std::string& mime, const std::string& data) = 0;
    virtual void copyText(const std::string& text) = 0;
    // Open the page with this query string (e.g. the full explorer from an embed) in a new tab.
    virtual void openPage(const std::string& query) = 0;
    // After this frame is drawn, save `rect` of the screen as a PNG rendered at `scale` device
    // pixels per CSS pixel, carrying `text` as tEXt chunks.
    virtual void savePng(const PixelRect& rect, float scale, const std::string& filename,
                         const std::vector<PngText>& text) = 0;
    // Give the keyboard back to the page around the figure (Escape with nothing left to close), so
    // that Tab goes on to what follows the canvas.
    virtual void releaseKeyboard() = 0;
    // The page's address without its query string, for permalinks ("" where there is no page).
    virtual std::string pageAddress() = 0;
    // Record what the canvas shows as a WebM clip named `filename` until stopRecording(), which
    // offers it as a download. Returns why not ("" when it records): no MediaRecorder, no WebM.
    virtual std::string startRecording(const std::string& filename) = 0;
    virtual void stopRecording() = 0;
};

// A host that does nothing (native tests without a page).
class NullHost : public Host {
public:
    void download(const std::string&, const std::string&, const std::string&) override {}
    void copyText(const std::string&) override {}
    void openPage(const std::string&) override {}
    void savePng(const PixelRect&, float, const std::string&, const std::vector<PngText>&) override {}
    void releaseKeyboard() override {}
    std::string pageAddress() override { return ""; }
    std::string startRecording(const std::string&) override { return "there is no page to record"; }
    void stopRecording() override {}
};

}  // namespace slingshot::app
