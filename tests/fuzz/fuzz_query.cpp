// libFuzzer target: the one query dispatcher every front door uses (slingshot-cli, Slingshot.query).
// Input: "<command>\n<JSON arguments>" (no newline: the whole input is the command, no arguments).
// queryText must never throw, never crash and always answer with one JSON object.
//
// Cost guard: a valid `simulate` request may legitimately ask for 1e8 text pieces and 1.5 GB, which
// would take minutes per input and exceed the sanitizers' memory limits. The dispatcher's own range
// and budget checks are not what limits the fuzzer here; this target refuses (skips) simulations
// with N1, N2 or t2-pieces above 1e5 and caps the memory budget at 64 MB, so every input runs in
// milliseconds and the budget refusal path (estimate above budget) is still reached.
#include "core/query.h"

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

constexpr size_t kMaxInput = 16384;
constexpr double kMaxSimSize = 1e5;
constexpr double kFuzzBudget = 64e6;

// Validated value of one simulate parameter, or nothing when it is absent or invalid (the
// dispatcher reports invalid values itself).
const slingshot::ParamSpec* specOf(const slingshot::CommandSpec& cmd, const std::string& name) {
    for (const auto& p : cmd.params)
        if (p.name == name) return &p;
    return nullptr;
}

bool validNumber(const slingshot::CommandSpec& cmd, const slingshot::Json& args, const std::string& name,
                 double& out) {
    auto it = args.find(name);
    const slingshot::ParamSpec* spec = specOf(cmd, name);
    if (it == args.end() || it->is_null() || !spec) return false;
    try {
        out = slingshot::validateParam(*spec, *it).get<double>();
        return true;
    } catch (const slingshot::QueryError&) {
        return false;
    }
}

// False when the request is a simulation too large for fuzzing; may lower its budget.
bool affordable(const std::string& command, std::string& args_text) {
    if (command != "simulate") return true;
    slingshot::Json args = slingshot::Json::parse(args_text, nullptr, false);
    if (args.is_discarded() || !args.is_object()) return true;  // refused by the dispatcher
    const slingshot::CommandSpec* cmd = slingshot::registry().find(command);
    if (!cmd) return true;
    double v = 0;
    for (const char* name : {"n1", "n2", "t2-pieces"})
        if (validNumber(*cmd, args, name, v) && v > kMaxSimSize) return false;
    // Defaults: N1 = 1000 and N2 = 1e5 are within the limit. An absent or larger budget becomes
    // 64 MB; an invalid one is left for the dispatcher to refuse.
    auto budget = args.find("budget");
    if (budget == args.end() || budget->is_null() || (validNumber(*cmd, args, "budget", v) && v > kFuzzBudget)) {
        args["budget"] = kFuzzBudget;
        args_text = args.dump();
    }
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
    const slingshot::Json json_args = args.empty() ? slingshot::Json::object()
                                                   : slingshot::Json::parse(args, nullptr, false);
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
