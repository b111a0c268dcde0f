// The app's state as URL query, JSON (Slingshot.getState/setState) and back. Every value goes
// through the same validation as slingshot-cli; a bad value is reported, never clamped.
#include "app/app.h"
#include "app/widgets.h"
#include "core/graph/piece_blocks.h"
#include "query/input_text.h"
#include "query/url_query.h"

namespace slingshot::app {
namespace {

// 2: graphs of more than kPiecesPerBlock text pieces are sampled block by block (each block its own
// streams), so a version-1 link with such a graph now shows another sample of the same distribution.
constexpr int kStateVersion = 2;

// A version-1 link's setting that now samples another graph: a text-piece count above one block.
bool samplesAnotherGraph(const std::string& key, const Json& value) {
    if (key.size() < 2 || key.compare(key.size() - 2, 2, "n2") != 0) return false;
    // A bad value gets its own notice when it is applied.
    const std::optional<double> n2 = value.is_number()   ? std::optional<double>(value.get<double>())
                                     : value.is_string() ? strictNumber(value.get<std::string>())
                                                         : std::nullopt;
    return n2 && *n2 > double(kPiecesPerBlock);
}

}  // namespace

std::vector<ParamBinding> App::pageBindings() {
    ParamSpec view = viewParam("view", ParamKind::Choice, "the view shown", 0, 0);
    for (const auto& v : views_) view.choices.push_back(v->urlName());
    ParamSpec theme = viewParam("theme", ParamKind::Choice, "colour theme", 0, 0, {"light", "dark"});
    return {{view, &view_name_},
            {theme, &theme_},
            {viewParam("scale", ParamKind::Number, "text and line size for projectors", 1, 3), &scale_},
            {viewParam("embed", ParamKind::Integer, "1 = one view's plot only, for iframes", 0, 1), &embed_},
            {viewParam("controls", ParamKind::Integer, "1 = show the controls in embed mode", 0, 1), &controls_},
            {viewParam("panel", ParamKind::Choice, "narrow windows: the controls panel over the figure, open or closed",
                       0, 0, {"closed", "open"}),
             &panel_},
            {viewParam("autoheight", ParamKind::Integer,
                       "1 = an embed tells its host page the height its figure wants (postMessage)", 0, 1),
             &autoheight_},
            {plotSpec(), &plot_}};
}

ParamSpec App::plotSpec() const {
    ParamSpec plot =
        viewParam("plot", ParamKind::Choice, "embed mode: the plot of the view that fills the frame", 0, 0);
    for (const char* id : views_[current_]->embedPlotIds()) plot.choices.push_back(id);
    return plot;
}

std::vector<std::string> App::applyEntries(const std::vector<std::pair<std::string, Json>>& entries) {
    changed_since_frame_ = true;
    NoticeList notes;  // this call's own, capped like the bar's
    auto note = [&](const std::string& text) {
        notes.add(text);
        addNotice(text);
    };
    // The version first, then the view (it decides which parameters exist), then the rest.
    for (const auto& [key, value] : entries)
        if (key == "v") {
            std::string text = value.is_string() ? value.get<std::string>() : value.dump();
            if (text == "1") {
                for (const auto& [k, v] : entries)
                    if (samplesAnotherGraph(k, v))
                        note(k + "=" + quotedInput(v.is_string() ? v.get<std::string>() : v.dump()) +
                             ": this link is from version 1, which drew a graph of more than 1,048,576 text "
                             "pieces as one stream; it is now drawn block by block, so the sampled graph (not "
                             "its distribution) differs from the one the link showed");
            } else if (text != std::to_string(kStateVersion)) {
                note("v=" + quotedInput(text) + ": unknown state version (this page reads v=1 and v=2); read as v=2");
            }
        }
    auto page = pageBindings();
    for (const auto& [key, value] : entries)
        if (key == "view") {
            try {
                assignBinding(page[0], value);
                selectView(view_name_);
            } catch (const QueryError& e) {
                note(std::string(e.what()) + "; showing " + currentViewName());
                view_name_ = currentViewName();
            }
        }
    page = pageBindings();  // the plot choices depend on the view just selected
    auto viewBindings = views_[current_]->bindings();
    for (const auto& [key, value] : entries) {
        if (key == "v" || key == "view") continue;
        const ParamBinding* b = nullptr;
        for (const auto& p : page) b = p.spec.name == key ? &p : b;
        for (const auto& p : viewBindings) b = p.spec.name == key ? &p : b;
        if (!b) {
            note("unknown parameter " + quotedInput(key) + " ignored (the " + std::string(currentViewName()) +
                 " view has no such setting)");
            continue;
        }
        try {
            assignBinding(*b, value);
        } catch (const QueryError& e) {
            note(std::string(e.what()) + "; kept " + bindingText(*b));
        }
    }
    return notes.lines();
}

std::vector<std::string> App::applyQuery(const std::map<std::string, std::string>& params) {
    std::vector<std::pair<std::string, Json>> entries;
    for (const auto& [k, v] : params) entries.emplace_back(k, Json(v));
    return applyEntries(entries);
}

std::vector<std::string> App::setState(const Json& state) {
    if (!state.is_object()) {
        const std::string text = "setState: expected a JSON object of parameter names to values";
        addNotice(text);
        return {text};
    }
    std::vector<std::pair<std::string, Json>> entries;
    for (auto it = state.begin(); it != state.end(); ++it) entries.emplace_back(it.key(), it.value());
    return applyEntries(entries);
}

Json App::state() {
    Json out = Json::object();
    out["v"] = kStateVersion;
    for (const auto& b : pageBindings())
        if (!(b.spec.name == "plot" && plot_.empty())) out[b.spec.name] = bindingValue(b);  // "" = the default plot
    for (const auto& b : views_[current_]->bindings()) out[b.spec.name] = bindingValue(b);
    return out;
}

std::string App::queryString() {
    std::string q = "?v=" + std::to_string(kStateVersion);
    for (const auto& b : pageBindings()) {
        std::string text = bindingText(b);
        // Page options at their defaults stay out of the link; view parameters are all written so
        // a link keeps its meaning even if a later version changes a default.
        bool isDefault = (b.spec.name == "theme" && text == "light") || (b.spec.name == "scale" && text == "1") ||
                         ((b.spec.name == "embed" || b.spec.name == "controls") && text == "0") ||
                         (b.spec.name == "plot" && text.empty());
        if (!isDefault) q += "&" + b.spec.name + "=" + percentEncode(text);
    }
    for (const auto& b : views_[current_]->bindings()) q += "&" + b.spec.name + "=" + percentEncode(bindingText(b));
    return q;
}

}  // namespace slingshot::app
