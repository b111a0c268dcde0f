#include "app/notice_list.h"

#include <algorithm>

namespace slingshot::app {

void NoticeList::add(const std::string& text) {
    if (std::find(shown_.begin(), shown_.end(), text) != shown_.end()) return;
    if (shown_.size() < kShown)
        shown_.push_back(text);
    else
        ++more_;
}

void NoticeList::clear() {
    shown_.clear();
    more_ = 0;
}

std::string NoticeList::unlistedLine() const {
    return more_ > 0 ? "\u2026 and " + std::to_string(more_) + " more" : std::string();
}

std::vector<std::string> NoticeList::lines() const {
    std::vector<std::string> out = shown_;
    if (more_ > 0) out.push_back(unlistedLine());
    return out;
}

}  // namespace slingshot::app
