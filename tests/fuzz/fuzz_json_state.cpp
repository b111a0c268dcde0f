// libFuzzer target: JSON state as the page's setState, the URL-to-state path and the dispatcher
// read it: nlohmann parse, then every command's parameter declarations applied to the values of
// the same names (validateParam). Properties: parsing never crashes; validation throws only
// QueryError; an accepted value is normalised to the declared kind and lies in the declared range.
#include "query/query.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

bool inRange(const slingshot::ParamSpec& p, double v) {
    if (!std::isfinite(v)) return false;
    const bool below = p.open_min ? v <= p.min : v < p.min;
    const bool above = p.open_max ? v >= p.max : v > p.max;
    return !below && !above;
}

void checkAccepted(const slingshot::ParamSpec& p, const slingshot::Json& v) {
    using slingshot::ParamKind;
    switch (p.kind) {
        case ParamKind::Number:
            if (!v.is_number() || !inRange(p, v.get<double>())) std::abort();
            break;
        case ParamKind::Integer:
            if (!v.is_number_integer() || !inRange(p, static_cast<double>(v.get<long long>()))) std::abort();
            break;
        case ParamKind::Choice: {
            if (!v.is_string()) std::abort();
            bool known = false;
            for (const auto& c : p.choices) known = known || c == v.get_ref<const std::string&>();
            if (!known) std::abort();
            break;
        }
        case ParamKind::Text:
            if (!v.is_string() || v.get_ref<const std::string&>().size() > p.max_chars) std::abort();
            break;
        case ParamKind::IntList:
            if (!v.is_array() || v.empty() || v.size() > p.max_list) std::abort();
            for (const auto& item : v)
                if (!item.is_number_integer() || !inRange(p, static_cast<double>(item.get<long long>()))) std::abort();
            break;
    }
}

void validate(const slingshot::ParamSpec& p, const slingshot::Json& value) {
    try {
        checkAccepted(p, slingshot::validateParam(p, value));
    } catch (const slingshot::QueryError& e) {
        if (std::string(e.what()).find(p.name) == std::string::npos) std::abort();  // names the parameter
    }
}

// Every object in the state (a view's parameters may sit one or more levels down) against every
// command's declarations; a bare value as one URL parameter of every declaration.
void validateAll(const slingshot::Json& state, int depth) {
    if (depth > 8) return;
    for (const auto& cmd : slingshot::registry().commands()) {
        for (const auto& p : cmd.params) {
            if (state.is_object()) {
                auto it = state.find(p.name);
                if (it != state.end()) validate(p, *it);
            } else if (depth == 0) {
                validate(p, state);
            }
        }
    }
    if (state.is_structured())
        for (const auto& item : state)
            if (item.is_structured()) validateAll(item, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 16384) return -1;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const slingshot::Json state = slingshot::Json::parse(text, nullptr, false);
    if (state.is_discarded()) return 0;
    // The state as serialised reads back to itself.
    if (slingshot::Json::parse(state.dump(-1, ' ', false, slingshot::Json::error_handler_t::replace), nullptr, false)
            .is_discarded())
        std::abort();

    validateAll(state, 0);
    return 0;
}
