// One dispatcher for every front door: slingshot-cli, window.Slingshot.query in the page, tests.
// A command is declared once (name, parameters with ranges, a run function); the CLI builds its
// flags from the declaration and the page passes a JSON object of the same names.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot {

using Json = nlohmann::ordered_json;

// Thrown for any bad input; the message names the parameter and its allowed range.
struct QueryError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

enum class ParamKind {
    Number,   // finite double within [min, max] (bounds inclusive unless open_min/open_max)
    Integer,  // whole number within [min, max]
    Choice,   // one of `choices`
    IntList,  // comma-separated whole numbers (or a JSON array), each within [min, max]
    Text,     // free text (e.g. pasted CSV) of at most max_chars bytes
};

struct ParamSpec {
    std::string name;  // flag name without dashes, e.g. "n", "kprime"
    ParamKind kind = ParamKind::Number;
    std::string help;  // one line, with the unit
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    bool open_min = false;                     // min itself not allowed
    bool open_max = false;                     // max itself not allowed
    std::vector<std::string> choices;          // for Choice
    std::optional<std::string> default_value;  // textual default; none + required=false = optional
    bool required = false;
    size_t max_list = 16;       // for IntList
    size_t max_chars = 100000;  // for Text

    std::string rangeText() const;  // e.g. "(0, 1)" or "one of t2|t1|p"
};

// Fluent declaration of one parameter, used by every command file, e.g.
//   Param("theta", "measure of failed text pieces").range(0, 1).byDefault("0.1").
class Param {
public:
    Param(std::string name, std::string help, ParamKind kind = ParamKind::Number) {
        spec_.name = std::move(name);
        spec_.help = std::move(help);
        spec_.kind = kind;
    }
    Param& range(double lo, double hi) {
        spec_.min = lo;
        spec_.max = hi;
        return *this;
    }
    Param& openMin() {
        spec_.open_min = true;
        return *this;
    }
    Param& openMax() {
        spec_.open_max = true;
        return *this;
    }
    Param& choices(std::vector<std::string> c) {
        spec_.choices = std::move(c);
        return *this;
    }
    Param& byDefault(std::string v) {
        spec_.default_value = std::move(v);
        return *this;
    }
    Param& required() {
        spec_.required = true;
        return *this;
    }
    operator ParamSpec() const { return spec_; }

private:
    ParamSpec spec_;
};

// Validated view of one request's arguments.
class Args {
public:
    // `given`: the names the request set itself (the others in `values` are defaults).
    Args(const std::vector<ParamSpec>* specs, Json values, std::vector<std::string> given = {})
        : specs_(specs), values_(std::move(values)), given_(std::move(given)) {}
    bool has(const std::string& name) const;    // given explicitly or by default
    bool given(const std::string& name) const;  // given explicitly
    double number(const std::string& name) const;
    long long integer(const std::string& name) const;
    std::string choice(const std::string& name) const;
    std::string text(const std::string& name) const;
    std::vector<long long> intList(const std::string& name) const;

private:
    const ParamSpec& spec(const std::string& name) const;
    const std::vector<ParamSpec>* specs_;
    Json values_;  // already validated and normalised (numbers as numbers)
    std::vector<std::string> given_;
};

struct CommandSpec {
    std::string name;
    std::string summary;
    std::vector<ParamSpec> params;
    // Extra cross-parameter checks (e.g. "--d and --ratio are exclusive") throw QueryError.
    std::function<Json(const Args&)> run;
};

class Registry {
public:
    void add(CommandSpec c);
    const std::vector<CommandSpec>& commands() const { return commands_; }
    const CommandSpec* find(const std::string& name) const;

private:
    std::vector<CommandSpec> commands_;
};

// Validates one value against its declaration and returns it normalised (numbers as numbers,
// lists as arrays). Throws QueryError naming the parameter and its range.
Json validateParam(const ParamSpec& spec, const Json& value);

// The declaration of one command's parameter, for front ends that bind it elsewhere (the page's
// views and URL): one place for every range. Throws std::logic_error if it does not exist.
const ParamSpec& commandParam(const std::string& command, const std::string& name);

// All commands, registered once.
const Registry& registry();

// Validate `args` (JSON object: numbers or numeric strings, strings, arrays) against the command's
// declaration and run it. Throws QueryError on unknown command/parameter or bad value.
Json runQuery(const std::string& command, const Json& args);

// Text in, text out, never throws: {"error": "..."} on any failure. Used by the page.
std::string queryText(const std::string& command, const std::string& args_json);

}  // namespace slingshot
