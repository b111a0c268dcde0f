#include "app/param_binding.h"

namespace slingshot::app {
namespace {

// Shortest text that reads back to exactly v (0.1 stays "0.1", 20 is "20", 1e30 is "1e+30").
std::string shortestText(double v) {
    std::string s = Json(v).dump();  // nlohmann writes the shortest round-trip form
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

template <class... F>
struct Overload : F... {
    using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

}  // namespace

Json bindingValue(const ParamBinding& b) {
    return std::visit(
        Overload{[](double* v) { return Json(*v); }, [](long long* v) { return Json(*v); },
                 [](std::string* v) { return Json(*v); }, [](std::vector<long long>* v) { return Json(*v); }},
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
                                   for (size_t i = 0; i < v->size(); ++i) {
                                       if (i) s += ',';
                                       s += std::to_string((*v)[i]);
                                   }
                                   return s;
                               }},
                      b.target);
}

}  // namespace slingshot::app
