#include "core/base/memory_budget.h"

#include <cmath>

namespace slingshot {

std::string megabytesText(double bytes) {
    const double mb = bytes / 1e6;
    if (mb < 10) {
        // One decimal for small sizes, without printf-style formatting.
        const long long tenths = std::llround(mb * 10);
        return "about " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
    }
    return "about " + std::to_string(std::llround(mb)) + " MB";
}

void requireWithinBudget(const std::string& what, double estimate_bytes, double budget_bytes) {
    if (estimate_bytes > budget_bytes)
        throw MemoryBudgetError(what + " needs " + megabytesText(estimate_bytes) + ", above the memory limit of " +
                                megabytesText(budget_bytes) + "; reduce the sizes or raise the limit");
}

}  // namespace slingshot
