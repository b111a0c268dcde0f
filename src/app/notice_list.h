// Messages about refused or unknown input, as the notice bar and Slingshot.notices() show them:
// each once, at most kShown of them, and one closing line that counts the rest, so that a link with
// thousands of bad parameters still gives a readable bar.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace slingshot::app {

class NoticeList {
public:
    static constexpr size_t kShown = 10;

    // Adds text unless it is already listed; past kShown it is only counted.
    void add(const std::string& text);
    void clear();
    bool empty() const { return shown_.empty(); }
    const std::vector<std::string>& listed() const { return shown_; }
    // "… and N more" for the N only counted; empty when none were.
    std::string unlistedLine() const;
    // The listed messages, then unlistedLine() when there is one.
    std::vector<std::string> lines() const;

private:
    std::vector<std::string> shown_;
    size_t more_ = 0;
};

}  // namespace slingshot::app
