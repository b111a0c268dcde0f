// A host that keeps what the app hands it: downloads, and the PNGs it asks for (name and text chunks).
#pragma once

#include "app/host.h"

#include <string>
#include <utility>
#include <vector>

namespace slingshot::test {

struct Download {
    std::string filename, mime, data;
};

class RecordingHost : public app::NullHost {
public:
    void download(const std::string& filename, const std::string& mime, const std::string& data) override {
        downloads.push_back({filename, mime, data});
    }
    void savePng(const app::PixelRect&, float, const std::string& filename,
                 const std::vector<app::PngText>& text) override {
        pngs.push_back({filename, text});
    }
    std::string pageAddress() override { return "https://example.org/slingshot/"; }
    std::vector<Download> downloads;
    std::vector<std::pair<std::string, std::vector<app::PngText>>> pngs;
};

}  // namespace slingshot::test
