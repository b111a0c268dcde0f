// User input as the front doors read it (one strict number parser) and as their messages quote it
// (CLI errors, Slingshot.query answers, the page's notices).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace slingshot {

// 'text' in single quotes: at most max_bytes of it, cut between characters (never inside a UTF-8
// sequence) and followed by "…" when cut; control characters shown as \n, \r, \t or \xNN, so that
// none ends the message early (a NUL ends a C string) or breaks its line.
std::string quotedInput(std::string_view text, size_t max_bytes = 40);

// The whole text must be a number as strtod reads it ("1e10", "0.5", "inf"): no blank, no
// trailing junk, at most 64 bytes. Finiteness and ranges are the caller's to check.
std::optional<double> strictNumber(std::string_view text);

}  // namespace slingshot
