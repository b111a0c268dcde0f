// One CSV field as RFC 4180 writes it, for every CSV a front door makes (the CLI's --format csv,
// the page's plot exports).
#pragma once

#include <string>
#include <string_view>

namespace slingshot {

// The text as it is, or in double quotes (inner quotes doubled) when it holds a comma, a quote or a
// line break.
std::string csvField(std::string_view text);

}  // namespace slingshot
