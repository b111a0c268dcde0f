// libFuzzer target: the one query dispatcher every front door uses (slingshot-cli, Slingshot.query).
// Input: "<command>\n<JSON arguments>" (no newline: the whole input is the command, no arguments).
// queryText must never throw, never crash and always answer with one JSON object.
//
// Cost guard: a valid `simulate` or `certify` request may legitimately ask for 1e8 text pieces and
// 1.5 GB, which would take minutes per input and exceed the sanitizers' memory limits. The
// dispatcher's own range and budget checks are not what limits the fuzzer here; this target skips
// requests whose validated (or default) sizes exceed the caps below and lowers any memory budget
// above 64 MB to 64 MB, so every input runs in milliseconds and the budget refusal path
// (estimate above budget, nothing allocated) is still reached.
#include "query/query.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

constexpr size_t kMaxInput = 16384;
constexpr double kFuzzBudget = 64e6;

struct Cap {
    const char* command;
    const char* param;
    double max;
};
constexpr Cap kCaps[] = {
    {"simulate", "n1", 1e5}, {"simulate", "n2", 1e5}, {"simulate", "t2-pieces", 1e5},
    {"certify", "n1", 1e5},  {"certify", "n2", 2e4},  {"certify", "max-iterations", 100},
};

// The value a parameter will have (given, else its default) once validated; nothing when absent
// or invalid (the dispatcher refuses invalid values itself).
bool effectiveNumber(const slingshot::ParamSpec& spec, const slingshot::Json& args, double& out) {
    if (spec.kind != slingshot::ParamKind::Number && spec.kind != slingshot::ParamKind::Integer) return false;
    auto it = args.find(spec.name);
    slingshot::Json value;
    if (it != args.end() && !it->is_null())
        value = *it;
    else if (spec.default_value)
        value = *spec.default_value;
    else
        return false;
    try {
        out = slingshot::validateParam(spec, value).get<double>();
        return true;
    } catch (const slingshot::QueryError&) {
        return false;
    }
}

// False when the request is too large for fuzzing; may lower its memory budget.
bool affordable(const std::string& command, std::string& args_text) {
    const slingshot::CommandSpec* cmd = slingshot::registry().find(command);
    if (!cmd) return true;
    slingshot::Json args = slingshot::Json::parse(args_text.empty() ? "{}" : args_text, nullptr, false);
    if (args.is_discarded() || !args.is_object()) return true;  // refused by the dispatcher
    bool changed = false;
    for (const auto& spec : cmd->params) {
        double v = 0;
        for (const Cap& cap : kCaps)
            if (command == cap.command && spec.name == cap.param && effectiveNumber(spec, args, v) && v > cap.max)
                return false;
        if (spec.name == "budget" && effectiveNumber(spec, args, v) && v > kFuzzBudget) {
            args["budget"] = kFuzzBudget;
            changed = true;
        }
    }
    if (changed) args_text = args.dump(-1, ' ', false, slingshot::Json::error_handler_t::replace);
    return true;
}

bool allFinite(const slingshot::Json& j) {
    if (j.is_number_float()) return std::isfinite(j.get<double>());
    if (j.is_structured())
        for (const auto& item : j)
            if (!allFinite(item)) return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > kMaxInput) return -1;  // outside the input space: not added to the corpus
    const std::string input(reinterpret_cast<const char*>(data), size);
    const size_t newline = input.find('\n');
    const std::string command = input.substr(0, newline);
    std::string args = newline == std::string::npos ? std::string() : input.substr(newline + 1);
    if (!affordable(command, args)) return -1;

    // The page's path: text in, text out, exactly one JSON object (a result or {"error": "..."}).
    const std::string answer = slingshot::queryText(command, args);
    const slingshot::Json parsed = slingshot::Json::parse(answer, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) std::abort();
    if (parsed.contains("error") && !parsed["error"].is_string()) std::abort();

    // The typed path: only QueryError may escape runQuery, and every number it returns is finite
    // (an absent guarantee is null, never inf or NaN, which JSON text cannot carry).
    const slingshot::Json json_args =
        args.empty() ? slingshot::Json::object() : slingshot::Json::parse(args, nullptr, false);
    if (json_args.is_discarded()) return 0;
    try {
        const slingshot::Json result = slingshot::runQuery(command, json_args);
        if (!allFinite(result)) {
            std::fprintf(stderr, "non-finite number in the answer to %s: %s\n", command.c_str(), answer.c_str());
            std::abort();
        }
    } catch (const slingshot::QueryError&) {
    }
    return 0;
}
