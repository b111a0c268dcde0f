// The explorer: owns the views, the page options (theme, scale, embed) and the notices, and draws
// one frame of the whole page. Its state round-trips through the URL and Slingshot.getState/setState.
#pragma once

#include "app/host.h"
#include "app/keyboard_help.h"
#include "app/notice_list.h"
#include "app/scaling_presets.h"
#include "app/view.h"
#include "query/query.h"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace slingshot::app {

struct UiSettings {
    bool dark = false;   // theme=light|dark
    float scale = 1.0f;  // scale=1..3: font and line size for projectors
};

// What a view may ask of the app: switch views, set another view's parameters (validated as from
// the URL) and show a guide strip above every view's controls (the overview's tour).
class Navigator {
public:
    virtual ~Navigator() = default;
    virtual bool go(const char* url_name) = 0;  // false if there is no such view
    virtual bool setParam(const char* url_name, const char* name, const Json& value) = 0;  // false if refused
    virtual void setGuide(std::function<void()> draw) = 0;                                 // empty function: no strip
};

class App : public Navigator {
public:
    explicit App(Host* host = nullptr);
    // Draws the page into a full-window ImGui window of `width` x `height` CSS pixels.
    void frame(float width, float height);

    UiSettings settings() const;
    // A touch screen (the page's `pointer: coarse`): controls at least kTouchTarget CSS px tall.
    static constexpr float kTouchTarget = 40;
    void setCoarsePointer(bool coarse) { coarse_pointer_ = coarse; }
    bool selectView(const std::string& url_name);  // false if unknown
    const char* currentViewName() const;
    bool embedded() const { return embed_ != 0; }
    // Below this width (CSS pixels) the page is laid out for phones: the figure takes the whole width
    // and the controls open in a panel above it ("Controls" button; panel=open in the state).
    static constexpr float kCompactWidth = 700;
    bool compactLayout() const { return compact_; }
    // autoheight=1 in an embed: the height in CSS pixels its figure wants at this width (a plot of
    // about golden-ratio shape, at least 14 and at most 45 text lines, its title and footer lines, and
    // the controls when shown), which the page posts to its host; 0 otherwise.
    float preferredEmbedHeight(float width) const;
    // The visible view still computes (Slingshot.busy()), or a change of state has not reached a
    // frame yet (the views start their jobs in the next frame).
    bool busy() const { return changed_since_frame_ || views_[current_]->busy(); }

    bool go(const char* url_name) override { return selectView(url_name); }
    bool setParam(const char* url_name, const char* name, const Json& value) override;
    void setGuide(std::function<void()> draw) override { guide_ = std::move(draw); }

    // State. Names are slingshot-cli flag names plus the page's own: v, view, theme, scale, embed,
    // controls, plot. Invalid or unknown entries are skipped with a notice (returned and shown); the
    // defaults stay in force for them and the page keeps working.
    std::vector<std::string> applyQuery(const std::map<std::string, std::string>& params);
    std::vector<std::string> setState(const Json& state);
    // Not const: views hand out their parameters as bindings (pointers); these only read them.
    Json state();               // flat object: page options + the current view's parameters
    std::string queryString();  // "?v=2&view=…&…" (every parameter of the current view)

    // Export a plot of the current view: format "png" (scale 1..3), "svg", "csv", "json" or "bib"
    // (its citation), delivered through the host as a download. Each carries the provenance: version,
    // commit, permalink and state (PNG as tEXt chunks, SVG in <metadata>). PNG and SVG are taken
    // from the next frame that draws the plot, and arrive after it. False if the view has no such
    // plot, it has not been drawn yet, or the format is unknown.
    bool exportPlot(const std::string& plot_id, const std::string& format, float scale);
    // Plays the current view over its range of N from the start while the host records the canvas;
    // the WebM clip is offered when the play ends (or stopClip()). Returns why not ("" when recording):
    // a view without a player, or a page that cannot record.
    std::string recordClip();
    void stopClip();
    bool recordingClip() const { return recording_; }

    // What the visible figure shows, for screen readers: the view's title and a summary of each plot
    // it shows (plot_summary.h), and each plot's data as its CSV export has it. Empty while the view
    // still computes (the text would be of numbers about to change).
    struct FigureText {
        std::string description;
        struct Plot {
            std::string id, title, csv;
            bool operator==(const Plot&) const = default;
        };
        std::vector<Plot> plots;
        bool operator==(const FigureText&) const = default;
    };
    FigureText figureText() const;
    // The plots the page shows of the current view: the embed's one, or all the view's.
    std::vector<std::string> shownPlotIds() const;

    bool keyboardHelpOpen() const { return keys_.isOpen(); }

    void addNotice(const std::string& text) { notices_.add(text); }
    std::vector<std::string> notices() const { return notices_.lines(); }

private:
    bool recording_ = false;  // a clip is being recorded while the view plays
    std::vector<ParamBinding> pageBindings();
    std::string embedPlotId() const;  // the plot an embed shows: plot=, else the view's first
    ParamSpec plotSpec() const;
    std::vector<std::string> applyEntries(const std::vector<std::pair<std::string, Json>>& entries);
    void applyThemeIfChanged();
    void topBar();
    void noticeBanner();
    void exportMenu();
    void embedFooter();
    // What every plot export carries: software, version, commit, the plot and the state that drew it.
    Json exportProvenance(const std::string& plot_id);
    // Asks the plot widget for an SVG of the plot's next drawing, downloaded as `filename`.
    void requestSvg(const std::string& plot_id, const std::string& filename);

    Host* host_;
    NullHost null_host_;
    // Held by SVG requests still waiting for their frame: one that outlives this app delivers nothing.
    std::shared_ptr<Host*> live_host_ = std::make_shared<Host*>(nullptr);
    ScalingPresets presets_;  // built-in scaling laws and the reader's fit, shared by the views
    std::vector<std::unique_ptr<View>> views_;
    size_t current_ = 0;
    std::string view_name_;  // mirrors views_[current_] for the "view" binding
    std::string theme_ = "light";
    double scale_ = 1.0;
    long long embed_ = 0, controls_ = 0, autoheight_ = 0;
    std::string panel_ = "closed";  // compact layout: the controls panel
    bool compact_ = false;          // last frame was narrower than kCompactWidth
    std::string plot_;              // embed mode: the plot shown alone ("" = the view's first)
    std::string applied_theme_;
    double applied_scale_ = 0;
    bool coarse_pointer_ = false, applied_coarse_pointer_ = false;
    NoticeList notices_;
    bool changed_since_frame_ = false;
    std::function<void()> guide_;
    KeyboardHelp keys_;
};

}  // namespace slingshot::app
