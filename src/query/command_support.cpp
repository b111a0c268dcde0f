#include "query/command_support.h"

#include <cmath>

namespace slingshot {

std::string flag(const std::string& name) { return "--" + name; }

void exclusive(const Args& a, const std::string& x, const std::string& y) {
    if (a.has(x) && a.has(y)) throw QueryError(flag(x) + " and " + flag(y) + " cannot be used together");
}

std::function<Json(const Args&)> guarded(const std::string& command, Json (*run)(const Args&)) {
    return [command, run](const Args& a) -> Json {
        try {
            return run(a);
        } catch (const std::invalid_argument& e) {
            throw QueryError(command + ": " + e.what());
        }
    };
}

Json finiteOrNull(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }

Json optionalOrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace slingshot
