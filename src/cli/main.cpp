// slingshot-cli: every engine command as JSON or CSV. Flags are generated from the same command
// declarations the page's Slingshot.query uses, so both front doors accept the same names and ranges.
#include "cli/answer_csv.h"
#include "cli/figure_output.h"
#include "cli/process_group.h"
#include "cli/text_source.h"
#include "cli/thread_runner.h"
#include "query/parallel_runs.h"
#include "query/provenance.h"
#include "query/query.h"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

constexpr int kUsageError = 2;

std::string describe(const slingshot::ParamSpec& p) {
    std::string s = p.help + " — " + p.rangeText();
    if (p.default_value) s += " (default " + *p.default_value + ")";
    if (p.required) s += " (required)";
    if (p.kind == slingshot::ParamKind::Text) s += "; @FILE reads a file, - standard input";
    return s;
}

// The flags given to one command as the dispatcher's arguments (text flags read from @FILE or -), and
// a hint when a text flag was given what looks like a file name. Throws std::runtime_error naming the
// flag when a file cannot be read.
slingshot::Json argumentsOf(const slingshot::CommandSpec& cmd, CLI::App& sub,
                            const std::map<std::string, std::string>& raw, std::string& file_hint) {
    using namespace slingshot;
    Json args = Json::object();
    for (const auto& p : cmd.params) {
        if (sub.count("--" + p.name) == 0) continue;
        const std::string& value = raw.at(p.name);
        if (p.kind != ParamKind::Text) {
            args[p.name] = value;
            continue;
        }
        try {
            args[p.name] = textArgument(value, std::cin);
        } catch (const std::runtime_error& e) {
            throw std::runtime_error("--" + p.name + ": " + e.what());
        }
        if (looksLikeFileName(value))
            file_hint = "--" + p.name + " takes the text itself: --" + p.name + " @" + value + " reads that file, --" +
                        p.name + " - standard input.\n";
    }
    return args;
}

// How an answer is written: --format json|csv, --layout long|wide and --table NAME (CSV), --output
// FILE (else stdout); --figure svg [--plot ID], the page's figure instead of the answer; and
// --threads N, the threads a streamed simulation runs on (per MPI rank).
struct OutputOptions {
    std::string format = "json", layout = "long", table, file, figure, plot;
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    bool speaks = true;  // false on MPI ranks other than 0: they compute, rank 0 writes
    void addTo(CLI::App& app) {
        app.add_option("--threads", threads,
                       "threads for a streamed simulate run, per process (default: this machine's " +
                           std::to_string(std::max(1u, std::thread::hardware_concurrency())) + " cores)")
            ->check(CLI::Range(1u, 1024u));
        app.add_option("--format", format, "output format")->check(CLI::IsMember({"json", "csv"}));
        app.add_option("--layout", layout, "CSV layout: long (a row per point) or wide (curves side by side)")
            ->check(CLI::IsMember({"long", "wide"}));
        app.add_option("--table", table, "CSV: only this table (e.g. curves, scalars), with the # comment lines");
        app.add_option("--output", file, "write the answer to this file instead of standard output");
        app.add_option("--figure", figure,
                       "write the page's figure for this command instead of the answer: svg (emergence, bound, "
                       "stimulus, scaling, simulate, certify)")
            ->check(CLI::IsMember({"svg"}));
        app.add_option("--plot", plot, "with --figure: which plot (an Export menu id; default the view's first)");
    }
};

// The answer as the options ask for it; std::invalid_argument for a layout or table the answer has not.
std::string answerText(const slingshot::Json& result, const OutputOptions& o) {
    if (o.format != "csv") {
        if (o.layout == "wide") throw std::invalid_argument("--layout wide needs --format csv");
        if (!o.table.empty()) throw std::invalid_argument("--table needs --format csv");
        return result.dump(2) + "\n";
    }
    return slingshot::toCsv(result, {o.layout == "wide", o.table});
}

// Writes text to --output FILE or standard output; false if the file cannot be written.
bool writeOut(const std::string& text, const std::string& file) {
    if (file.empty()) return static_cast<bool>(std::cout << text);
    std::ofstream out(file, std::ios::binary);
    return (out << text) && out.flush();
}

// --figure svg: the command's flags drawn by the page's view, instead of its answer; the exit code.
int runFigure(const slingshot::CommandSpec& cmd, const slingshot::Json& args, const OutputOptions& options,
              std::ostream& err) {
    const std::string who = "slingshot-cli " + cmd.name + ": ";
    if (options.figure.empty()) {
        err << who << "--plot needs --figure svg\n";
        return kUsageError;
    }
    if (options.format != "json" || options.layout != "long" || !options.table.empty()) {
        err << who << "--figure writes the figure only: --format, --layout and --table do not apply\n";
        return kUsageError;
    }
    if (!options.speaks) return 0;
    std::ostringstream svg;
    const int code = slingshot::writeFigure(cmd.name, args, options.plot, svg, err);
    if (code != 0) return code;
    if (!writeOut(svg.str(), options.file)) {
        err << who << "cannot write '" << options.file << "'\n";
        return 1;
    }
    return 0;
}

// Runs one parsed command and writes its answer or why it was refused; the exit code.
int runCommand(const slingshot::CommandSpec& cmd, CLI::App& sub, const std::map<std::string, std::string>& raw,
               const OutputOptions& options) {
    using namespace slingshot;
    // Ranks other than 0 say nothing: rank 0 has the same inputs and reports the same refusals.
    std::ostream silent(nullptr);
    std::ostream& err = options.speaks ? std::cerr : silent;
    std::string file_hint;
    Json args;
    try {
        args = argumentsOf(cmd, sub, raw, file_hint);
    } catch (const std::runtime_error& e) {
        err << "slingshot-cli " << cmd.name << ": " << e.what() << "\n";
        return kUsageError;
    }
    if (!options.figure.empty() || !options.plot.empty()) return runFigure(cmd, args, options, err);
    try {
        const Json result = runQuery(cmd.name, args);
        const std::string text = answerText(result, options);
        if (!options.speaks) return 0;
        if (!writeOut(text, options.file)) {
            err << "slingshot-cli " << cmd.name << ": cannot write '" << options.file << "'\n";
            return 1;
        }
        return 0;
    } catch (const std::invalid_argument& e) {
        err << "slingshot-cli " << cmd.name << ": " << e.what() << "\n";
        return kUsageError;
    } catch (const QueryError& e) {
        // Answers name their command ("scaling: ...") for Slingshot.query; the CLI's prefix does here.
        std::string reason = e.what();
        if (reason.rfind(cmd.name + ": ", 0) == 0) reason.erase(0, cmd.name.size() + 2);
        err << "slingshot-cli " << cmd.name << ": " << reason << "\n"
            << file_hint << "Run 'slingshot-cli " << cmd.name << " --help' for every flag and its range.\n";
        return kUsageError;
    } catch (const std::bad_alloc&) {
        err << "slingshot-cli " << cmd.name << ": out of memory\n";
        return 1;
    }
}

// The whole command line: parse, run the one command, write its answer; the exit code.
int runCli(int argc, char** argv, const slingshot::ProcessGroup& group) {
    using namespace slingshot;
    CLI::App app{"slingshot-cli: the skill-graph theory of emergence (Arora & Goyal 2023), computed exactly"};
    app.require_subcommand(1);
    app.set_version_flag("--version", versionLine());
    OutputOptions output;
    output.speaks = group.rank == 0;
    output.addTo(app);

    // One map of raw flag texts per command; the dispatcher validates them.
    std::map<std::string, std::map<std::string, std::string>> raw;
    for (const auto& cmd : registry().commands()) {
        CLI::App* sub = app.add_subcommand(cmd.name, cmd.summary);
        output.addTo(*sub);
        for (const auto& p : cmd.params) sub->add_option("--" + p.name, raw[cmd.name][p.name], describe(p));
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // Help, version and parse errors: printed once, by rank 0.
        if (!output.speaks) return e.get_exit_code() == 0 ? 0 : kUsageError;
        const int code = app.exit(e);
        return code == 0 ? 0 : kUsageError;
    }

    ThreadRunner threads(output.threads);
    ParallelRuns runs;
    runs.runner = &threads;
    runs.rank = group.rank;
    runs.ranks = group.ranks;
    runs.reduce = group.reduce;
    setParallelRuns(runs);
    for (const auto& cmd : registry().commands()) {
        CLI::App* sub = app.get_subcommand(cmd.name);
        if (sub->parsed()) return runCommand(cmd, *sub, raw[cmd.name], output);
    }
    return kUsageError;
}

}  // namespace

int main(int argc, char** argv) {
    const slingshot::ProcessGroup group = slingshot::joinProcessGroup(argc, argv);
    const int code = runCli(argc, argv, group);
    slingshot::leaveProcessGroup();
    return code;
}
