// Parsing of URL query strings ("?view=scaling&n=1e10"): percent-decoding and '+' as space.
// Lives in the engine so the page, tests and the fuzzer share one parser.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace slingshot {

// Keys and values percent-decoded; later duplicates win; malformed escapes are kept literally.
// Input longer than kMaxQueryLength is cut there (the caller reports it).
constexpr size_t kMaxQueryLength = 16384;
std::map<std::string, std::string> parseQueryString(std::string_view query);
std::string percentEncode(std::string_view text);

}  // namespace slingshot
