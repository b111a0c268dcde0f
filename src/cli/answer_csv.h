// A command's answer as CSV (slingshot-cli --format csv): a flat object becomes a header and one
// row; an object holding one array of flat objects (e.g. "curve") becomes one row per element;
// nested arrays of arrays are flattened with the parent's scalar fields repeated (e.g. emergence
// curves: kprime,n,theta,frac); an element's field named like a parent's is "<array>_<name>".
#pragma once

#include "query/query.h"

#include <string>

namespace slingshot {

std::string toCsv(const Json& result);

// Curves side by side (--layout wide): for an answer whose first array of objects holds curves, each
// with scalar labels (e.g. kprime) and one array of points of the same length, one row per point
// index. A point field equal across the curves at every index (n, theta) is one column; any other
// becomes one column per curve, named "<field>_<label><value>" (frac_kprime2). Throws
// std::invalid_argument for an answer without such curves.
std::string toWideCsv(const Json& result);

}  // namespace slingshot
