// A view of the explorer: controls on the left, plots in the main area, a short explanation.
// Views read engine results (src/core) and draw; they never compute theory themselves.
#pragma once

#include "app/param_binding.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace slingshot::app {

class ModelSizePlayer;

class View {
public:
    virtual ~View() = default;
    virtual const char* urlName() const = 0;  // ?view=NAME
    virtual const char* title() const = 0;    // tab label
    virtual void controls() = 0;              // left panel
    virtual void main() = 0;                  // plots and read-outs
    // The parameters that the URL, Slingshot.getState/setState and the state export carry.
    // Names are slingshot-cli flag names; ranges are the CLI's.
    virtual std::vector<ParamBinding> bindings() { return {}; }
    // Ids of the plots this view draws (for PNG/CSV/JSON export), main plot first.
    virtual std::vector<const char*> plotIds() const { return {}; }
    // Embed mode: draws only the plot `id` (one of embedPlotIds()) filling `size`, with at most a
    // status line above it. False when the view has no such plot (the app then draws main()).
    virtual bool drawPlot(const std::string& id, ImVec2 size) {
        (void)id, (void)size;
        return false;
    }
    // Plots an embed can show alone, the default first (plotIds() unless a view adds pictures).
    virtual std::vector<const char*> embedPlotIds() const { return plotIds(); }
    // True while a time-sliced job of the view (simulation, certificate) has not finished for the
    // current parameters: scripts wait for false before a screenshot or an export.
    virtual bool busy() const { return false; }
    // What its figure shows that its plots do not say (a diagram, a headline number), in sentences for
    // screen readers; the plots' own summaries follow it (App::figureText).
    virtual std::string figureSummary() { return ""; }
    // The modelling choices its figures rest on (the same sentences as the CLI's notes), for exports.
    virtual std::vector<std::string> modellingNotes() const { return {}; }
    // Called every frame for the visible view, before controls()/main(): advance time-sliced jobs
    // here (a few milliseconds at most).
    virtual void update() {}
    // The view's player over model size N (model_size_player.h), for recording a clip; null if none.
    virtual ModelSizePlayer* player() { return nullptr; }
};

}  // namespace slingshot::app
