#include "query/csv_comments.h"

#include <catch2/catch.hpp>

using namespace slingshot;

TEST_CASE("csv comments: provenance on one line, a note a line, line breaks as spaces", "[csv_comments]") {
    const Json provenance = {{"software", "slingshot"}, {"inputs", {{"text", "a\nb"}}}};
    CHECK(csvCommentLines(provenance, {"first", "two\nlines\r"}) ==
          "# provenance: {\"software\":\"slingshot\",\"inputs\":{\"text\":\"a\\nb\"}}\n"
          "# note: first\n"
          "# note: two lines \n");
    CHECK(csvCommentLines(nullptr, {}).empty());
    CHECK(csvCommentLines(nullptr, {"only a note"}) == "# note: only a note\n");
}
