// A command's answer as CSV (slingshot-cli --format csv): a flat object becomes a header and one
// row; an object holding one array of flat objects (e.g. "curve") becomes one row per element;
// nested arrays of arrays are flattened with the parent's scalar fields repeated (e.g. emergence
// curves: kprime,n,theta,frac); an element's field named like a parent's is "<array>_<name>".
#pragma once

#include "query/query.h"

#include <string>

namespace slingshot {

std::string toCsv(const Json& result);

}  // namespace slingshot
