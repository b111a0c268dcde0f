// The notice list: each message once, at most kShown, the rest counted in one line.
#include "app/notice_list.h"

#include <catch2/catch.hpp>

#include <string>

using namespace slingshot;

TEST_CASE("notice list: keeps messages once, in order", "[app][notices]") {
    app::NoticeList list;
    CHECK(list.empty());
    list.add("a");
    list.add("b");
    list.add("a");
    CHECK(list.lines() == std::vector<std::string>{"a", "b"});
}

TEST_CASE("notice list: past kShown the rest is counted, and clear starts over", "[app][notices]") {
    app::NoticeList list;
    for (size_t i = 0; i < app::NoticeList::kShown; ++i) list.add(std::string("n") += std::to_string(i));
    CHECK(list.lines().size() == app::NoticeList::kShown);  // exactly full: no count line
    list.add("extra 1");
    list.add("extra 2");
    list.add("n0");  // already listed: not counted again
    const auto lines = list.lines();
    REQUIRE(lines.size() == app::NoticeList::kShown + 1);
    CHECK(lines.front() == "n0");
    CHECK(lines.back() == "\u2026 and 2 more");
    list.clear();
    CHECK(list.empty());
    CHECK(list.lines().empty());
    list.add("fresh");
    CHECK(list.lines() == std::vector<std::string>{"fresh"});
}
