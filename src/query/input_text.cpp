#include "query/input_text.h"

#include <cctype>

#include <cstdlib>

namespace slingshot {
namespace {

// Bytes of the UTF-8 character that starts at text[i]; 1 for ASCII and for bytes that do not start
// a well-formed sequence (they are passed on as they are, one at a time).
size_t characterBytes(std::string_view text, size_t i) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    const size_t n = lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (n == 1 || i + n > text.size()) return 1;
    for (size_t j = 1; j < n; ++j)
        if ((static_cast<unsigned char>(text[i + j]) & 0xC0) != 0x80) return 1;
    return n;
}

}  // namespace

std::string quotedInput(std::string_view text, size_t max_bytes) {
    static const char* hex = "0123456789abcdef";
    std::string out = "'";
    size_t used = 0;
    for (size_t i = 0; i < text.size();) {
        const size_t n = characterBytes(text, i);
        if (used + n > max_bytes) {
            out += "\u2026";
            break;
        }
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\t')
            out += "\\t";
        else if (c < 0x20 || c == 0x7F)
            out += std::string("\\x") + hex[c >> 4] + hex[c & 15];
        else
            out.append(text.substr(i, n));
        used += n;
        i += n;
    }
    return out + "'";
}

std::optional<double> strictNumber(std::string_view text) {
    if (text.empty() || text.size() > 64) return std::nullopt;
    // strtod skips leading blanks; the whole text must be the number.
    if (std::isspace(static_cast<unsigned char>(text.front()))) return std::nullopt;
    const std::string s(text);
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size()) return std::nullopt;
    return v;
}

}  // namespace slingshot
