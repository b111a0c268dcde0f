#include "query/query.h"

#include "query/command_support.h"
#include "query/commands.h"

#include "query/input_text.h"
#include "query/number_text.h"
#include "query/provenance.h"

#include <algorithm>
#include <cmath>

namespace slingshot {
namespace {

std::string formatBound(double v) {
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    return shortNumber(v, 10);
}

// Numbers as JSON numbers, or as text read strictly (strictNumber).
std::optional<double> parseNumber(const Json& v) {
    if (v.is_number()) return v.get<double>();
    if (!v.is_string()) return std::nullopt;
    return strictNumber(v.get_ref<const std::string&>());
}

std::string shown(const Json& v) {
    return quotedInput(v.is_string() ? v.get_ref<const std::string&>()
                                     : v.dump(-1, ' ', false, Json::error_handler_t::replace));
}

[[noreturn]] void fail(const ParamSpec& p, const Json& v, const std::string& why) {
    throw QueryError(flag(p.name) + ": " + shown(v) + " " + why + "; allowed: " + p.rangeText());
}

// A whole number written out in digits (text or a JSON integer) that a double would round, e.g.
// 9007199254740993 read as ...992: refused rather than silently changed.
bool roundsAsDouble(const Json& v) {
    if (v.is_number_unsigned()) return v.get<uint64_t>() > (1ULL << 53);
    if (v.is_number_integer()) {
        const long long i = v.get<long long>();
        return i > (1LL << 53) || i < -(1LL << 53);
    }
    if (!v.is_string()) return false;
    std::string_view s = v.get_ref<const std::string&>();
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
    if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
    s.remove_prefix(std::min(s.find_first_not_of('0'), s.size()));
    constexpr std::string_view kTwoTo53 = "9007199254740992";
    return s.size() > kTwoTo53.size() || (s.size() == kTwoTo53.size() && s > kTwoTo53);
}

double checkedNumber(const ParamSpec& p, const Json& v, bool whole) {
    auto d = parseNumber(v);
    if (!d) fail(p, v, "is not a number");
    if (!std::isfinite(*d)) fail(p, v, "is not finite");
    if (whole && *d != std::floor(*d)) fail(p, v, "is not a whole number");
    bool below = p.open_min ? *d <= p.min : *d < p.min;
    bool above = p.open_max ? *d >= p.max : *d > p.max;
    if (below || above) fail(p, v, "is out of range");
    // In range once rounded; refused when the rounding changed it (only above 2^53).
    if (whole && roundsAsDouble(v)) fail(p, v, "is above 2^53, where a double cannot hold every whole number");
    return *d;
}

Json normalise(const ParamSpec& p, const Json& v) {
    switch (p.kind) {
        case ParamKind::Number: return checkedNumber(p, v, false);
        case ParamKind::Integer: return static_cast<long long>(checkedNumber(p, v, true));
        case ParamKind::Choice: {
            if (!v.is_string()) fail(p, v, "is not text");
            for (const auto& c : p.choices)
                if (c == v.get_ref<const std::string&>()) return v;
            fail(p, v, "is not a known choice");
        }
        case ParamKind::IntList: {
            Json items = Json::array();
            if (v.is_array()) {
                items = v;
            } else if (v.is_string()) {
                std::string s = v.get<std::string>();
                size_t start = 0;
                while (start <= s.size()) {
                    size_t comma = s.find(',', start);
                    if (comma == std::string::npos) comma = s.size();
                    items.push_back(s.substr(start, comma - start));
                    start = comma + 1;
                }
            } else if (v.is_number()) {
                items.push_back(v);
            } else {
                fail(p, v, "is not a list");
            }
            if (items.empty() || items.size() > p.max_list)
                fail(p, v, "must hold 1 to " + std::to_string(p.max_list) + " values");
            Json out = Json::array();
            for (const auto& item : items) out.push_back(static_cast<long long>(checkedNumber(p, item, true)));
            return out;
        }
        case ParamKind::Text: {
            if (!v.is_string()) fail(p, v, "is not text");
            if (v.get_ref<const std::string&>().size() > p.max_chars) fail(p, v, "is too long");
            return v;
        }
    }
    fail(p, v, "has an unknown kind");
}

}  // namespace

Json validateParam(const ParamSpec& spec, const Json& value) { return normalise(spec, value); }

std::string ParamSpec::rangeText() const {
    switch (kind) {
        case ParamKind::Choice: {
            std::string s = "one of ";
            for (size_t i = 0; i < choices.size(); ++i) s += (i ? "|" : "") + choices[i];
            return s;
        }
        case ParamKind::IntList:
            return "comma-separated whole numbers in [" + formatBound(min) + ", " + formatBound(max) + "]";
        case ParamKind::Text: return "text of at most " + std::to_string(max_chars) + " characters";
        default: {
            std::string s(open_min ? "(" : "[");  // appended piece by piece: g++ 12 warns (-Wrestrict) on the chain
            s += formatBound(min);
            s += ", ";
            s += formatBound(max);
            s += open_max ? ")" : "]";
            return kind == ParamKind::Integer ? "whole number in " + s : s;
        }
    }
}

const ParamSpec& Args::spec(const std::string& name) const {
    for (const auto& p : *specs_)
        if (p.name == name) return p;
    throw std::logic_error("command reads undeclared parameter " + name);
}

bool Args::given(const std::string& name) const {
    spec(name);
    return std::find(given_.begin(), given_.end(), name) != given_.end();
}

bool Args::has(const std::string& name) const {
    spec(name);
    return values_.contains(name);
}

static const Json& valueOf(const Json& values, const ParamSpec& p) {
    auto it = values.find(p.name);
    if (it == values.end()) throw QueryError(flag(p.name) + " is required; allowed: " + p.rangeText());
    return *it;
}

double Args::number(const std::string& name) const { return valueOf(values_, spec(name)).get<double>(); }
long long Args::integer(const std::string& name) const { return valueOf(values_, spec(name)).get<long long>(); }
std::string Args::choice(const std::string& name) const { return valueOf(values_, spec(name)).get<std::string>(); }
std::string Args::text(const std::string& name) const { return valueOf(values_, spec(name)).get<std::string>(); }
std::vector<long long> Args::intList(const std::string& name) const {
    return valueOf(values_, spec(name)).get<std::vector<long long>>();
}

void Registry::add(CommandSpec c) { commands_.push_back(std::move(c)); }

const CommandSpec* Registry::find(const std::string& name) const {
    for (const auto& c : commands_)
        if (c.name == name) return &c;
    return nullptr;
}

const Registry& registry() {
    static const Registry r = [] {
        Registry reg;
        for (CommandSpec (*command)() : {scalingCommand, boundCommand, adversaryCommand, emergenceCommand,
                                         stimulusCommand, simulateCommand, certifyCommand, fitCommand})
            reg.add(command());
        return reg;
    }();
    return r;
}

const ParamSpec& commandParam(const std::string& command, const std::string& name) {
    if (const CommandSpec* cmd = registry().find(command))
        for (const auto& p : cmd->params)
            if (p.name == name) return p;
    throw std::logic_error("no parameter " + flag(name) + " in command " + command);
}

Json runQuery(const std::string& command, const Json& args) {
    const CommandSpec* cmd = registry().find(command);
    if (!cmd) {
        std::string known;
        for (const auto& c : registry().commands()) known += (known.empty() ? "" : "|") + c.name;
        throw QueryError("unknown command " + quotedInput(command) + "; known: " + known);
    }
    if (!args.is_object()) throw QueryError("arguments must be a JSON object of flag names to values");
    for (auto it = args.begin(); it != args.end(); ++it) {
        bool known = false;
        for (const auto& p : cmd->params) known = known || p.name == it.key();
        if (!known) {
            std::string flags;
            for (const auto& p : cmd->params) flags += (flags.empty() ? "" : ", ") + flag(p.name);
            throw QueryError(command + ": unknown parameter " + quotedInput(it.key()) + "; known: " + flags);
        }
    }
    Json values = Json::object();
    std::vector<std::string> given;
    for (const auto& p : cmd->params) {
        auto it = args.find(p.name);
        if (it != args.end() && !it->is_null()) {
            values[p.name] = normalise(p, *it);
            given.push_back(p.name);
        } else if (p.default_value) {
            values[p.name] = normalise(p, Json(*p.default_value));
        } else if (p.required) {
            throw QueryError(flag(p.name) + " is required (" + p.help + "); allowed: " + p.rangeText());
        }
    }
    Json inputs = values;
    Json out = cmd->run(Args(&cmd->params, std::move(values), std::move(given)));
    out["provenance"] = provenance(command, inputs);
    return out;
}

namespace {

// JSON text of an answer. Messages quote user input (truncated to 40 bytes, possibly inside a
// multi-byte character, or not UTF-8 at all): invalid bytes become U+FFFD instead of throwing.
std::string answerText(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string queryText(const std::string& command, const std::string& args_json) {
    try {
        Json args = args_json.empty() ? Json::object() : Json::parse(args_json);
        return answerText(runQuery(command, args));
    } catch (const QueryError& e) {
        return answerText(Json{{"error", e.what()}});
    } catch (const Json::parse_error&) {
        return answerText(Json{{"error", "arguments are not valid JSON"}});
    } catch (const std::bad_alloc&) {
        return answerText(Json{{"error", "out of memory while answering " + quotedInput(command)}});
    } catch (const std::exception& e) {
        return answerText(Json{{"error", std::string("internal error: ") + e.what()}});
    }
}

}  // namespace slingshot
