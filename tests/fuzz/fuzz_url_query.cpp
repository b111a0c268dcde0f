// libFuzzer target: the URL query parser the page reads its parameters with (?view=...&n=...).
// Properties: never crashes; keys are never empty; the result does not grow beyond the input;
// percentEncode output is plain ASCII and parses back to the same key and value.
#include "query/url_query.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 2 * slingshot::kMaxQueryLength) return -1;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto params = slingshot::parseQueryString(input);

    size_t decoded = 0;
    for (const auto& [key, value] : params) {
        if (key.empty()) std::abort();
        decoded += key.size() + value.size();
    }
    if (decoded > std::min(size, slingshot::kMaxQueryLength)) std::abort();

    for (const auto& [key, value] : params) {
        const std::string text = slingshot::percentEncode(key) + "=" + slingshot::percentEncode(value);
        for (unsigned char c : text)
            if (c < 0x21 || c > 0x7e || c == '&' || c == '+' || c == '#') std::abort();
        if (text.size() > slingshot::kMaxQueryLength) continue;  // would be cut: checked elsewhere
        const auto back = slingshot::parseQueryString(text);
        if (back.size() != 1 || back.begin()->first != key || back.begin()->second != value) std::abort();
    }
    return 0;
}
