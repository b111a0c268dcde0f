// How a view exposes its parameters to the URL, the JS API (getState/setState) and exports:
// each parameter is declared once with the same ParamSpec (name, range, help) the CLI uses, and
// bound to the view's member that holds it. The app validates every incoming value with the
// dispatcher's rules (validateParam) and never writes a member with an out-of-range value.
#pragma once

#include "query/query.h"

#include <string>
#include <variant>
#include <vector>

namespace slingshot::app {

// double* for Number, long long* for Integer, std::string* for Choice, std::vector<long long>*
// for IntList.
using ParamTarget = std::variant<double*, long long*, std::string*, std::vector<long long>*>;

struct ParamBinding {
    ParamSpec spec;
    ParamTarget target;
};

// Current value of a binding as JSON (number, string or array).
Json bindingValue(const ParamBinding& b);
// Validates `value` (JSON number/string/array, as from a URL or setState) and assigns it.
// Throws QueryError (naming the parameter and its range) and leaves the member untouched.
void assignBinding(const ParamBinding& b, const Json& value);
// Short text for a URL: shortest decimal that reads back to the same double; lists comma-joined.
std::string bindingText(const ParamBinding& b);

}  // namespace slingshot::app
