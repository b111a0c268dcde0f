#include "cli/figure_output.h"

#include "app/app.h"
#include "app/headless_imgui.h"
#include "app/host.h"
#include "query/input_text.h"

#include <imgui.h>

#include <memory>
#include <vector>

namespace slingshot {
namespace {

constexpr int kUsageError = 2;
// The page's desktop layout at 1280 x 800 CSS pixels: the plots as a reader first sees them.
constexpr float kWidthPx = 1280, kHeightPx = 800;
// Frames are a few milliseconds of job each; a run still busy after this many is reported, not awaited.
constexpr int kMaxFrames = 1000000;

// The views whose figures answer each command (their plots are the --plot choices, the first view's
// first plot the default). Commands not listed have no figure.
struct CommandFigure {
    const char* command;
    std::vector<const char*> views;
};
const std::vector<CommandFigure>& commandFigures() {
    static const std::vector<CommandFigure> figures = {
        {"emergence", {"emergence"}},
        {"bound", {"curves"}},
        {"stimulus", {"stimulus"}},
        {"scaling", {"scaling"}},
        {"simulate", {"competence", "graph"}},
        {"certify", {"tightness"}},
    };
    return figures;
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// The download the app hands its host: the SVG.
class FigureHost : public app::NullHost {
public:
    void download(const std::string& filename, const std::string& mime, const std::string& data) override {
        if (mime == "image/svg+xml") svg = data, name = filename;
    }
    std::string svg, name;
};

void frame(app::HeadlessImGui& gui, app::App& a) {
    gui.frame([&] { a.frame(kWidthPx, kHeightPx); });
}

}  // namespace

int writeFigure(const std::string& command, const Json& args, const std::string& plot_id, std::ostream& out,
                std::ostream& err) {
    const std::string who = "slingshot-cli " + command + " --figure svg: ";
    const CommandFigure* figure = nullptr;
    std::vector<std::string> with_figures;
    for (const auto& f : commandFigures()) {
        with_figures.push_back(f.command);
        if (command == f.command) figure = &f;
    }
    if (!figure) {
        err << who << "this command has no figure; commands with one: " << joined(with_figures) << "\n";
        return kUsageError;
    }
    app::HeadlessImGui gui(kWidthPx, kHeightPx);
    FigureHost host;
    app::App explorer(&host);

    // The plot chooses the view among the command's.
    std::string view, plot = plot_id;
    std::vector<std::string> choices;
    for (const char* v : figure->views) {
        explorer.selectView(v);
        for (const std::string& id : explorer.shownPlotIds()) {
            choices.push_back(id);
            if (view.empty() && (plot.empty() || plot == id)) view = v, plot = id;
        }
    }
    if (view.empty()) {
        err << who << "--plot " << quotedInput(plot_id)
            << " is not a plot of this command's figure; choose one of: " << joined(choices) << "\n";
        return kUsageError;
    }
    Json state = args;
    state["view"] = view;
    const std::vector<std::string> refused = explorer.setState(state);
    if (!refused.empty()) {
        for (const auto& r : refused) err << who << r << "\n";
        err << "The figure is drawn by the page's " << view << " view, which takes only its own parameters.\n";
        return kUsageError;
    }
    // As the page shows it; a plot below the fold of that layout, as an embed of it alone shows it.
    for (bool embedded : {false, true}) {
        if (embedded && !explorer.setState({{"embed", "1"}, {"plot", plot}}).empty()) break;
        int frames = 0;
        do frame(gui, explorer);
        while (explorer.busy() && ++frames < kMaxFrames);
        if (explorer.busy()) {
            err << who << "the " << view << " view was still computing after " << kMaxFrames << " frames\n";
            return 1;
        }
        if (explorer.exportPlot(plot, "svg", 1)) break;
    }
    frame(gui, explorer);  // the frame the SVG is recorded from
    if (host.svg.empty()) {
        for (const auto& n : explorer.notices()) err << who << n << "\n";
        err << who << "the " << view << " view did not draw " << plot << " (in the page layout or as an embed)\n";
        return 1;
    }
    out << host.svg;
    return out ? 0 : 1;
}

}  // namespace slingshot
