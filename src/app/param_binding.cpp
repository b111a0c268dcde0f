#include "app/param_binding.h"

#include <cstdio>
#include <cstdlib>

namespace slingshot::app {
namespace {

// Shortest "%.Ng" that parses back to exactly v (0.1 stays "0.1", not 0.10000000000000001).
std::string shortestText(double v) {
    char buf[40];
    for (int digits = 1; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    return buf;
}

template <class... F>
struct Overload : F... {
    using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

}  // namespace

Json bindingValue(const ParamBinding& b) {
    return std::visit(Overload{[](double* v) { return Json(*v); }, [](long long* v) { return Json(*v); },
                               [](std::string* v) { return Json(*v); },
                               [](std::vector<long long>* v) { return Json(*v); }},
                      b.target);
}

void assignBinding(const ParamBinding& b, const Json& value) {
    Json ok = validateParam(b.spec, value);  // throws before anything is written
    std::visit(Overload{[&](double* v) { *v = ok.get<double>(); }, [&](long long* v) { *v = ok.get<long long>(); },
                        [&](std::string* v) { *v = ok.get<std::string>(); },
                        [&](std::vector<long long>* v) { *v = ok.get<std::vector<long long>>(); }},
               b.target);
}

std::string bindingText(const ParamBinding& b) {
    return std::visit(Overload{[](double* v) { return shortestText(*v); },
                               [](long long* v) { return std::to_string(*v); }, [](std::string* v) { return *v; },
                               [](std::vector<long long>* v) {
                                   std::string s;
                                   for (size_t i = 0; i < v->size(); ++i) s += (i ? "," : "") + std::to_string((*v)[i]);
                                   return s;
                               }},
                      b.target);
}

}  // namespace slingshot::app
