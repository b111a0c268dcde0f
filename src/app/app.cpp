#include "app/app.h"

#include "app/citation.h"
#include "app/plot.h"
#include "app/plot_summary.h"
#include "app/view_competence.h"
#include "app/view_curves.h"
#include "app/view_emergence.h"
#include "app/view_graph.h"
#include "app/view_overview.h"
#include "app/view_scaling.h"
#include "app/view_stimulus.h"
#include "app/view_tightness.h"
#include "query/csv_comments.h"
#include "query/provenance.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace slingshot::app {

App::App(Host* host) : host_(host ? host : &null_host_) {
    *live_host_ = host_;
    // The views, in tab order.
    views_.push_back(std::make_unique<OverviewView>(*this));
    views_.push_back(std::make_unique<ScalingView>(&presets_));
    views_.push_back(std::make_unique<GraphView>());
    views_.push_back(std::make_unique<CompetenceView>());
    views_.push_back(std::make_unique<CurvesView>());
    views_.push_back(std::make_unique<TightnessView>());
    auto emergence = std::make_unique<EmergenceView>();
    emergence->useScalingPresets(&presets_);
    views_.push_back(std::move(emergence));
    auto stimulus = std::make_unique<StimulusView>();
    stimulus->useScalingPresets(&presets_);
    views_.push_back(std::move(stimulus));
    view_name_ = views_[current_]->urlName();
    applyThemeIfChanged();
}

UiSettings App::settings() const { return {theme_ == "dark", static_cast<float>(scale_)}; }

void App::applyThemeIfChanged() {
    if (theme_ == applied_theme_ && scale_ == applied_scale_ && coarse_pointer_ == applied_coarse_pointer_) return;
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    if (theme_ == "dark") {
        ImGui::StyleColorsDark();
    } else {
        ImGui::StyleColorsLight();
    }
    style.WindowRounding = 0;
    style.FrameRounding = 3;
    style.GrabRounding = 3;
    style.WindowPadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(8, 7);
    style.ScaleAllSizes(static_cast<float>(scale_));
    if (coarse_pointer_) {  // a finger: frames (buttons, sliders, boxes) and grabs big enough to hit
        style.FramePadding.y = std::max(style.FramePadding.y, (kTouchTarget - ImGui::GetFontSize()) / 2);
        style.ItemSpacing.y = std::max(style.ItemSpacing.y, 8.0f);
        style.GrabMinSize = std::max(style.GrabMinSize, 24.0f);
        style.ScrollbarSize = std::max(style.ScrollbarSize, 20.0f);
    }
    applied_theme_ = theme_;
    applied_scale_ = scale_;
    applied_coarse_pointer_ = coarse_pointer_;
}

bool App::selectView(const std::string& url_name) {
    for (size_t i = 0; i < views_.size(); ++i)
        if (url_name == views_[i]->urlName()) {
            if (i != current_) plot_.clear();  // plot ids belong to a view
            changed_since_frame_ = true;
            current_ = i;
            view_name_ = url_name;
            return true;
        }
    return false;
}

const char* App::currentViewName() const { return views_[current_]->urlName(); }

bool App::setParam(const char* url_name, const char* name, const Json& value) {
    for (auto& v : views_)
        if (std::string(url_name) == v->urlName())
            for (const ParamBinding& b : v->bindings())
                if (b.spec.name == name) try {
                        assignBinding(b, value);
                        return true;
                    } catch (const QueryError& e) {
                        addNotice(std::string(e.what()) + "; kept " + bindingText(b));  // never silently
                        return false;
                    }
    return false;
}

static float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2;
}

void App::topBar() {
    if (compact_) {
        const bool open = panel_ == "open";
        if (ImGui::Button(open ? "Controls \u25b4" : "Controls \u25be")) panel_ = open ? "closed" : "open";
        if (ImGui::IsItemHovered()) ImGui::SetTooltip(open ? "Hides the controls" : "Shows this view's controls");
        ImGui::SameLine();
    }
    ImGui::TextUnformatted("Slingshot");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The skill-graph theory of emergence (Arora & Goyal 2023), computed in your browser");
    for (size_t i = 0; i < views_.size(); ++i) {
        sameLineIfFits(buttonWidth(views_[i]->title()));
        bool active = i == current_;
        if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(views_[i]->title())) selectView(views_[i]->urlName());
        if (active) ImGui::PopStyleColor();
    }
    float fs = ImGui::GetFontSize();
    sameLineIfFits(buttonWidth("Copy link") + fs);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + fs);
    if (ImGui::Button("Copy link")) host_->copyText(queryString());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Copies a link to exactly this view and its parameters");
    sameLineIfFits(buttonWidth("Export"));
    exportMenu();
    sameLineIfFits(buttonWidth("Light"));
    if (ImGui::Button(theme_ == "dark" ? "Light" : "Dark")) theme_ = theme_ == "dark" ? "light" : "dark";
    sameLineIfFits(fs * 5);
    ImGui::SetNextItemWidth(fs * 5);
    float s = static_cast<float>(scale_);
    if (ImGui::SliderFloat("##scale", &s, 1.0f, 3.0f, "size %.2g\u00d7")) scale_ = std::round(s * 4) / 4;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Text and line size, for projectors (URL: scale=1..3)");
    sameLineIfFits(ImGui::GetFrameHeight());
    if (ImGui::Button("?", ImVec2(ImGui::GetFrameHeight(), 0))) keys_.open();  // square: a finger's target
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keyboard keys (press ? or F1)");
    ImGui::Separator();
}

void App::noticeBanner() {
    if (notices_.empty()) return;
    // Up to four notices scroll inside the bar; the count of those not listed stays in view below
    // them, and "dismiss" sits beside the list, clear of its scroll bar.
    const std::vector<std::string>& listed = notices_.listed();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float list_h = line * (static_cast<float>(std::min<size_t>(listed.size(), 4)) + 0.2f);
    const std::string unlisted = notices_.unlistedLine();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.7f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.18f, 0.0f, 1.0f));
    ImGui::BeginChild("notices", ImVec2(0, list_h + (unlisted.empty() ? 0 : line) + ImGui::GetStyle().ItemSpacing.y),
                      false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    const char* dismiss = "dismiss";
    const float bw = ImGui::CalcTextSize(dismiss).x + ImGui::GetStyle().FramePadding.x * 2;
    const float list_w = ImGui::GetContentRegionAvail().x - bw - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("notices-list", ImVec2(list_w, list_h), false);
    for (const auto& n : listed) ImGui::TextWrapped("\u26a0 %s", n.c_str());
    ImGui::EndChild();
    ImGui::SameLine();
    const bool close = ImGui::SmallButton(dismiss);
    if (!unlisted.empty()) ImGui::TextUnformatted(unlisted.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
    if (close) notices_.clear();
}

Json App::exportProvenance(const std::string& plot_id) {
    return {{"software", "slingshot"},
            {"version", sourceVersion()},
            {"commit", sourceCommit()},
            {"plot", plot_id},
            {"permalink", host_->pageAddress() + queryString()},
            {"state", state()}};
}

void App::requestSvg(const std::string& plot_id, const std::string& filename) {
    const Json provenance = exportProvenance(plot_id);
    const ui::PlotFrame* f = ui::plotFrame(plot_id.c_str());
    const std::string title = f && !f->title.empty() ? f->title : plot_id;
    const std::string software = std::string("slingshot ") + sourceVersion() + " (" + sourceCommit() + ")";
    ui::SvgDocumentInfo info{title,
                             std::string(views_[current_]->title()) + " view, plot " + plot_id + ". Software: " +
                                 software + ". Permalink: " + provenance["permalink"].get<std::string>(),
                             provenance.dump()};
    std::weak_ptr<Host*> host = live_host_;
    ui::RequestSvg(plot_id, std::move(info), [host, filename](std::string svg) {
        if (const auto h = host.lock()) (*h)->download(filename, "image/svg+xml", svg);
    });
}

std::string App::embedPlotId() const {
    const std::vector<const char*> plots = views_[current_]->embedPlotIds();
    return !plot_.empty() ? plot_ : plots.empty() ? std::string() : std::string(plots[0]);
}

float App::preferredEmbedHeight(float width) const {
    if (!embed_ || !autoheight_) return 0;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float plot = std::clamp(width * 0.62f, 14 * line, 45 * line);
    // Narrow frames keep the data area that shape and give the legend room below it (its height
    // depends on its entries and the width only, so the wanted height does not chase the layout).
    const std::string id = embedPlotId();
    const float legend = width < 700 && !id.empty() ? ui::legendBelowHeight(id.c_str(), width) : 0.0f;
    return std::round(plot + legend + 3 * line + (controls_ ? 24 * line : 0.0f));
}

std::vector<std::string> App::shownPlotIds() const {
    if (embed_) return {embedPlotId()};
    std::vector<std::string> ids;
    for (const char* id : views_[current_]->plotIds()) ids.push_back(id);
    return ids;
}

App::FigureText App::figureText() const {
    FigureText out;
    if (busy()) return out;
    out.description = std::string(views_[current_]->title()) + " view.";
    const std::string own = views_[current_]->figureSummary();
    if (!own.empty()) out.description.append(" ").append(own);
    for (const std::string& id : shownPlotIds()) {
        const std::string summary = ui::plotSummary(id.c_str());
        if (summary.empty()) continue;  // not drawn (folded away, or not in this layout)
        out.description += " " + summary;
        const ui::PlotFrame* f = ui::plotFrame(id.c_str());
        out.plots.push_back({id, f ? f->title : id, ui::plotCsv(id.c_str())});
    }
    return out;
}

bool App::exportPlot(const std::string& plot_id, const std::string& format, float scale) {
    View& view = *views_[current_];
    bool known = false;
    for (const char* id : view.plotIds()) known = known || plot_id == id;
    if (!known) return false;
    const char* id = plot_id.c_str();
    std::string base = "slingshot-" + plot_id;
    if (format == "png") {
        ImVec2 a, b;
        if (!ui::plotRect(id, &a, &b) || !(scale >= 1 && scale <= 3)) return false;
        // ASCII: the state's JSON with its non-ASCII characters escaped; the permalink percent-encoded.
        const Json provenance = exportProvenance(plot_id);
        const std::vector<PngText> text = {
            {"Title", provenance["state"].value("view", std::string()) + ": " + plot_id},
            {"Software", std::string("slingshot ") + sourceVersion() + " (" + sourceCommit() + ")"},
            {"Permalink", provenance["permalink"].get<std::string>()},
            {"Comment", provenance.dump(-1, ' ', true)}};
        host_->savePng({a.x, a.y, b.x - a.x, b.y - a.y}, scale,
                       base + "@" + std::to_string(static_cast<int>(scale)) + "x.png", text);
    } else if (format == "svg") {
        ImVec2 a, b;
        if (!ui::plotRect(id, &a, &b)) return false;
        requestSvg(plot_id, base + ".svg");
    } else if (format == "csv") {
        host_->download(base + ".csv", "text/csv",
                        csvCommentLines(exportProvenance(plot_id), view.modellingNotes()) + ui::plotCsv(id));
    } else if (format == "bib") {
        const ui::PlotFrame* f = ui::plotFrame(id);
        host_->download(base + ".bib", "application/x-bibtex",
                        citationBibtex(exportProvenance(plot_id), f ? f->title : plot_id));
    } else if (format == "json") {
        Json out = exportProvenance(plot_id);
        out["notes"] = view.modellingNotes();
        out["series"] = Json::array();
        for (const auto& s : ui::plotSeries(id)) out["series"].push_back({{"name", s.name}, {"x", s.x}, {"y", s.y}});
        host_->download(base + ".json", "application/json", out.dump(1));
    } else {
        return false;
    }
    return true;
}

std::string App::recordClip() {
    View& view = *views_[current_];
    if (!view.player()) return std::string("the ") + view.title() + " view has nothing to play";
    if (recording_) return "a clip is already being recorded";
    const std::string why = host_->startRecording(std::string("slingshot-") + view.urlName() + "-clip.webm");
    if (!why.empty()) return why;
    view.player()->restart();
    recording_ = true;
    return "";
}

void App::stopClip() {
    if (!recording_) return;
    recording_ = false;
    host_->stopRecording();
}

void App::exportMenu() {
    if (ImGui::Button("Export")) ImGui::OpenPopup("export");
    if (!ImGui::BeginPopup("export")) return;
    View& view = *views_[current_];
    for (const char* id : view.plotIds()) {
        ImGui::SeparatorText(id);
        ImGui::PushID(id);
        for (int scale : {1, 2, 3})
            if (ImGui::MenuItem(("PNG " + std::to_string(scale) + "\u00d7").c_str())) exportPlot(id, "png", scale);
        if (ImGui::MenuItem("SVG (vector)")) exportPlot(id, "svg", 1);
        if (ImGui::MenuItem("CSV (series)")) exportPlot(id, "csv", 1);
        if (ImGui::MenuItem("JSON (series and state)")) exportPlot(id, "json", 1);
        if (ImGui::MenuItem("Cite (BibTeX: the paper and this figure)")) exportPlot(id, "bib", 1);
        ImGui::PopID();
    }
    if (view.player()) {
        ImGui::Separator();
        if (!recording_ && ImGui::MenuItem("Record a clip while N plays (WebM)")) {
            const std::string why = recordClip();
            if (!why.empty()) addNotice("Not recorded: " + why);
        }
        if (recording_ && ImGui::MenuItem("Stop recording")) stopClip();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Whole state (JSON)"))
        host_->download(std::string("slingshot-") + view.urlName() + "-state.json", "application/json",
                        state().dump(1));
    ImGui::EndPopup();
}

void App::embedFooter() {
    const char* label = "open full explorer \u2197";
    ImVec2 ts = ImGui::CalcTextSize(label);
    ImVec2 win = ImGui::GetWindowSize();
    ImGui::SetCursorPos(ImVec2(win.x - ts.x - ImGui::GetStyle().WindowPadding.x - 4, win.y - ts.y - 6));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::IsItemClicked()) {
        long long saved_embed = embed_, saved_controls = controls_;
        embed_ = 0, controls_ = 0;
        std::string q = queryString();
        embed_ = saved_embed, controls_ = saved_controls;
        host_->openPage(q);
    }
}

void App::frame(float width, float height) {
    applyThemeIfChanged();
    compact_ = !embed_ && width < kCompactWidth;
    views_[current_]->update();  // only the visible view runs its jobs
    if (recording_ && !(views_[current_]->player() && views_[current_]->player()->playing())) stopClip();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Slingshot", nullptr, flags);
    if (!embed_) topBar();
    noticeBanner();
    View& view = *views_[current_];
    float footer = embed_ ? ImGui::GetTextLineHeightWithSpacing() : 0.0f;
    // The controls: beside the figure, or on phones (compact) above it at the full width when open.
    if (compact_ ? panel_ == "open" : !embed_ || controls_) {
        const float fs = ImGui::GetFontSize();
        const ImVec2 size = compact_ ? ImVec2(0, ImGui::GetContentRegionAvail().y * 0.45f)
                                     : ImVec2(std::min(fs * 22.0f, width * 0.4f), -footer);
        ImGui::BeginChild("controls", size, true, ImGuiWindowFlags_NavFlattened);
        if (guide_) guide_();
        view.controls();
        ImGui::EndChild();
        if (!compact_) ImGui::SameLine();
    }
    ImGui::BeginChild("main", ImVec2(0, -footer), false, ImGuiWindowFlags_NavFlattened);
    const std::string plot = embedPlotId();
    if (!embed_ || plot.empty() || !view.drawPlot(plot, ImGui::GetContentRegionAvail())) view.main();
    ImGui::EndChild();
    if (embed_) embedFooter();
    ImGui::End();
    keys_.frame();  // over the page
    if (keys_.leaveRequested()) host_->releaseKeyboard();
    for (const std::string& id : ui::DropUnfulfilledSvgRequests())
        addNotice("SVG export of " + id + " skipped: the plot was not drawn (it is not shown in this layout)");
    changed_since_frame_ = false;
}

}  // namespace slingshot::app
