#include "query/number_text.h"

#include <cstdio>

namespace slingshot {

std::string hexHash(uint64_t v) {
    char text[19];
    std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(v));
    return text;
}

std::string shortNumber(double v, int significant_digits) {
    char text[40];
    std::snprintf(text, sizeof text, "%.*g", significant_digits, v);
    return text;
}

}  // namespace slingshot
