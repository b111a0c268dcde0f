#include "app/view_graph.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/base/memory_budget.h"
#include "core/theory/emergence.h"
#include "query/number_text.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace slingshot::app {
namespace {

// Viridis (van der Walt & Smith), a perceptually uniform, colour-blind-safe sequential scale.
ImU32 viridis(double t, float alpha = 1.0f) {
    static const float stops[9][3] = {{68, 1, 84},    {71, 44, 122}, {59, 81, 139},  {44, 113, 142}, {33, 144, 141},
                                      {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};
    if (!std::isfinite(t)) t = 0;
    t = std::clamp(t, 0.0, 1.0) * 8.0;
    int i = std::min(7, static_cast<int>(t));
    float f = static_cast<float>(t - i);
    auto mix = [&](int c) { return static_cast<int>(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f + 0.5f); };
    return IM_COL32(mix(0), mix(1), mix(2), static_cast<int>(alpha * 255));
}

std::string runLabel(const SimulationParams& p) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "N\u2081 = %u, N\u2082 = %s, k = %u, \u03b8 = %.3g, %s failures, seed %llu", p.n1,
                  ui::formatNumber(double(p.n2)).c_str(), p.k, p.theta, std::string(failureModeName(p.failure)).c_str(),
                  static_cast<unsigned long long>(p.seed));
    return buf;
}

bool drawable(const SimulationSnapshot& s) {
    return s.params.n1 <= kDrawMaxSkills && s.params.n2 <= kDrawMaxPieces && !s.slots.empty();
}

}  // namespace

GraphView::GraphView() : runner_(static_cast<uint64_t>(kDrawMaxPieces) * kMaxSlotsPerPiece) {
    // A graph small enough to see every edge: 16 skills, 120 text pieces of 3 skills each.
    in_.n1 = 16;
    in_.n2 = 120;
    in_.k = 3;
    in_.theta = 0.1;
    in_.failure = "random";
    in_.c = 0.9;  // with random failures of measure 0.1 a few skills fall below 0.9 and get a ring
}

std::vector<ParamBinding> GraphView::bindings() {
    std::vector<ParamBinding> b = in_.bindings(false);
    b.push_back({ensembleSpec(), &ensemble_});
    ParamSpec n = cliParam("scaling", "n");
    n.help = "model size N whose failure measure theta(N) the player sets (parameters)";
    b.push_back({n, &at_});
    for (const ParamBinding& p : player_.bindings()) b.push_back(p);
    return b;
}

void GraphView::update() {
    player_.advance(&at_, kPlayFromN, kPlayToN, ImGui::GetIO().DeltaTime);
    if (player_.shown()) {
        if (at_ != theta_for_n_) {  // θ(N) once per N, not every frame
            theta_for_n_ = at_;
            theta_of_n_ = thetaAt(EmergenceModel(), at_).theta;
        }
        in_.theta = theta_of_n_;
    }
    runner_.update(in_.params(false));
    ensemble_runs_.update(runner_, in_.params(false), ensemble_, 8.0);
}

const std::string& GraphView::ensembleSpread() {
    const std::vector<const SimulationSnapshot*>& runs = ensemble_runs_.runs();
    if (runs == spread_runs_) return ensemble_spread_;
    spread_runs_ = runs;
    ensemble_spread_.clear();
    if (!ensemble_runs_.bands()) return ensemble_spread_;
    std::vector<double> lowest, highest, below;
    for (const SimulationSnapshot* s : runs) {
        const DegreeStats d = degreeStats(s->degree);
        lowest.push_back(d.min), highest.push_back(d.max);
        below.push_back(s->result.skills.fracBelowC());
    }
    const SampleBand lo = sampleBand(lowest), hi = sampleBand(highest), b = sampleBand(below);
    const std::vector<uint64_t>& seeds = ensemble_runs_.seeds();
    char text[200];
    std::snprintf(text, sizeof text,
                  "seeds %llu\u2013%llu (%zu of %zu): share of skills below c %s\u2013%s; min degree %.0f\u2013%.0f; "
                  "max degree %.0f\u2013%.0f",
                  static_cast<unsigned long long>(seeds.front()), static_cast<unsigned long long>(seeds.back()),
                  seeds.size(), ensemble_runs_.wanted(), formatFixed(b.min, 4).c_str(), formatFixed(b.max, 4).c_str(),
                  lo.min, lo.max, hi.min, hi.max);
    ensemble_spread_ = text;
    return ensemble_spread_;
}

void GraphView::controls() {
    ImGui::TextWrapped("A random bipartite graph: each text piece needs k skills drawn at random.");
    if (ImGui::Button("small graph (drawn)")) {
        in_.n1 = 16, in_.n2 = 120, in_.k = 3;
        show_ = 0;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("N\u2081 = 16, N\u2082 = 120, k = 3: every node and edge is drawn");
    ImGui::SameLine();
    if (ImGui::Button("large graph (statistics)")) in_.n1 = 1000, in_.n2 = 1000000, in_.k = 8;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("N\u2081 = 1000, N\u2082 = 10\u2076, k = 8: degree histogram and statistics");
    in_.draw(runner_, false);
    intSlider("seeds in the ensemble", &ensemble_, ensembleSpec(), false,
              "The same graph's statistics for seeds seed, seed + 1, \u2026: the table gives their range.");
    ImGui::SeparatorText("Play over model size");
    player_.controls(&at_, kPlayFromN, kPlayToN, "\u03b8 from model size N");
    if (player_.shown()) {
        logSlider("model size N (parameters)", &at_, kPlayFromN, kPlayToN);
        mutedText(
            "\u03b8(N) = %.4g: Hoffmann et al.'s law, D = 20 N, c_map = 1. The same seed keeps the same graph, so "
            "only the failed pieces change: a skill's colour follows its competence, and its ring goes when it "
            "rises above c.",
            in_.theta);
    }
    if (in_.n1 <= kDrawMaxSkills && in_.n2 <= kDrawMaxPieces) {
        ImGui::SeparatorText("Show");
        ImGui::RadioButton("the graph", &show_, 0);
        sameLineIfFits(boxedLabelWidth("degree histogram"));
        ImGui::RadioButton("degree histogram", &show_, 1);
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("Graphs up to N\u2081 = %lld, N\u2082 = %lld are drawn node by node.", kDrawMaxSkills,
                           kDrawMaxPieces);
        ImGui::PopStyleColor();
    }
}

void GraphView::main() {
    runner_.drawStatus();
    ensemble_runs_.drawStatus();
    const SimulationSnapshot* s = runner_.last();
    if (!s) {
        if (runner_.error().empty()) mutedText("Sampling the first graph\u2026");
        return;
    }
    mutedText("%s%s", runLabel(s->params).c_str(), runner_.showsWantedRun() ? "" : "  (previous run)");
    const float fs = ImGui::GetFontSize();
    const float explain_h = fs * 4.2f;
    const float stats_h =
        ImGui::GetTextLineHeightWithSpacing() *
        ((ImGui::GetContentRegionAvail().x >= fs * 44 ? 4.6f : 6.6f) + (ensemble_runs_.bands() ? 2.2f : 0.0f));
    ImVec2 avail = ImGui::GetContentRegionAvail();
    drew_graph_ = drawable(*s) && show_ == 0;
    if (drew_graph_) {
        const float legend_h = fs * (avail.x >= fs * 50 ? 2.4f : 4.4f);
        float h = std::max(fs * 10, avail.y - explain_h - stats_h - legend_h);
        drawBipartite(*s, ImVec2(avail.x, h));
        drawColourLegend(*s);
    } else {
        drawDegrees(*s, ImVec2(avail.x, std::max(fs * 12, avail.y - explain_h - stats_h)));
    }
    drawStatistics(*s);
    ImGui::TextWrapped(
        "Defs 4\u20135: each of the N\u2082 text pieces needs k skills drawn i.i.d. from \u03bc\u2081, so a skill's "
        "degree is "
        "Bin(kN\u2082, \u03bc\u2081(s)), mean kN\u2082/N\u2081 for uniform \u03bc\u2081. The model fails a set Y of "
        "pieces "
        "(measure \u03b8); a failure counts against every skill of the piece. Def 7: competence(s) = 1 \u2212 e(s, "
        "Y)/deg(s), "
        "e(s, Y) = edges of s into Y. The degree-weighted mean failure is exactly \u03b8 (\u03a3 deg\u00b7failure = "
        "k|Y|).");
}

bool GraphView::drawPlot(const std::string& id, ImVec2 size) {
    if (id != "graph-bipartite" && id != "graph-degrees") return false;
    runner_.drawStatus();
    const SimulationSnapshot* s = runner_.last();
    if (!s) {
        if (runner_.error().empty()) mutedText("Sampling the first graph\u2026");
        return true;
    }
    const float fs = ImGui::GetFontSize();
    size.y = ImGui::GetContentRegionAvail().y;
    // The picture needs a small graph; a larger one shows its degrees instead.
    drew_graph_ = id == "graph-bipartite" && drawable(*s);
    if (drew_graph_) {
        drawBipartite(*s, ImVec2(size.x, std::max(fs * 8, size.y - fs * (size.x >= fs * 50 ? 2.8f : 5.0f))));
        drawColourLegend(*s);
    } else {
        drawDegrees(*s, size);
    }
    return true;
}

namespace {

// Where the small graph's nodes sit: skills on a row at the top, pieces on up to three rows at the
// bottom, captions in a left margin.
struct BipartiteLayout {
    ImVec2 p0;
    float fs, skill_gap, piece_gap, rs, rp, row_step, y_skill, y_piece0, x0;
    uint64_t per_row;

    BipartiteLayout(ImVec2 origin, ImVec2 size, uint32_t n1, uint64_t n2) : p0(origin), fs(ImGui::GetFontSize()) {
        const float label_w = fs * 6.0f;
        x0 = p0.x + label_w;
        const float x1 = p0.x + size.x - fs * 0.6f, w = std::max(10.0f, x1 - x0);
        const int rows = std::clamp(static_cast<int>(std::ceil(double(n2) * fs * 0.55 / w)), 1, 3);
        per_row = (n2 + rows - 1) / rows;
        skill_gap = w / n1;
        piece_gap = w / static_cast<float>(per_row);
        rs = std::clamp(skill_gap * 0.32f, fs * 0.28f, fs * 0.55f);
        rp = std::clamp(piece_gap * 0.36f, 1.5f, fs * 0.32f);
        row_step = std::max(rp * 3.2f, fs * 0.7f);
        y_skill = p0.y + fs * 1.6f + rs;
        y_piece0 = p0.y + size.y - fs * 0.6f - rp - (rows - 1) * row_step;
    }
    ImVec2 skill(uint32_t i) const { return ImVec2(x0 + (i + 0.5f) * skill_gap, y_skill); }
    ImVec2 piece(uint64_t i) const {
        const uint64_t r = i / per_row, col = i % per_row;
        return ImVec2(x0 + (col + 0.5f) * piece_gap, y_piece0 + r * row_step);
    }
};

// The node under the mouse (-1: none) and the nodes joined to it.
struct BipartiteHover {
    long long skill = -1, piece = -1;
    std::vector<char> skill_near, piece_near;
    bool any() const { return skill >= 0 || piece >= 0; }
};

BipartiteHover hoverOf(const SimulationSnapshot& s, const BipartiteLayout& l, bool area_hovered) {
    const uint32_t n1 = s.params.n1, k = s.params.k;
    const uint64_t n2 = s.params.n2;
    BipartiteHover h;
    h.skill_near.assign(n1, 0);
    h.piece_near.assign(n2, 0);
    if (!area_hovered) return h;
    const ImVec2 m = ImGui::GetIO().MousePos;
    for (uint32_t i = 0; i < n1 && h.skill < 0; ++i) {
        const ImVec2 p = l.skill(i);
        if ((m.x - p.x) * (m.x - p.x) + (m.y - p.y) * (m.y - p.y) <= (l.rs + 3) * (l.rs + 3)) h.skill = i;
    }
    for (uint64_t i = 0; i < n2 && h.skill < 0 && h.piece < 0; ++i) {
        const ImVec2 p = l.piece(i);
        if (std::fabs(m.x - p.x) <= std::max(l.piece_gap * 0.5f, l.rp + 1) && std::fabs(m.y - p.y) <= l.rp + 3)
            h.piece = static_cast<long long>(i);
    }
    if (h.any())
        for (uint64_t i = 0; i < n2; ++i)
            for (uint32_t j = 0; j < k; ++j) {
                const uint32_t sk = s.slots[i * k + j];
                if (static_cast<long long>(sk) == h.skill) h.piece_near[i] = 1;
                if (static_cast<long long>(i) == h.piece) h.skill_near[sk] = 1;
            }
    return h;
}

void drawRowCaptions(ImDrawList* dl, const BipartiteLayout& l, uint32_t n1, uint64_t n2) {
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    char buf[64];
    dl->AddText(ImVec2(l.p0.x, l.y_skill - l.fs), text, "skills");
    std::snprintf(buf, sizeof buf, "N\u2081 = %u", n1);
    dl->AddText(ImVec2(l.p0.x, l.y_skill), muted, buf);
    dl->AddText(ImVec2(l.p0.x, l.y_piece0 - l.fs * 1.1f), text, "text pieces");
    std::snprintf(buf, sizeof buf, "N\u2082 = %llu", static_cast<unsigned long long>(n2));
    dl->AddText(ImVec2(l.p0.x, l.y_piece0 - l.fs * 0.1f), muted, buf);
}

// One line per slot; edges of failed pieces in vermillion; the hovered node's edges on top.
void drawEdges(ImDrawList* dl, const SimulationSnapshot& s, const BipartiteLayout& l, const BipartiteHover& h) {
    const uint32_t k = s.params.k;
    const bool focus = h.any();
    const ImU32 failed_col = ui::paletteColor(1, focus ? 0.08f : 0.55f),
                ok_col = ImGui::GetColorU32(ImGuiCol_Text, focus ? 0.05f : 0.2f);
    for (int pass = 0; pass < 2; ++pass)
        for (uint64_t i = 0; i < s.params.n2; ++i)
            for (uint32_t j = 0; j < k; ++j) {
                const uint32_t sk = s.slots[i * k + j];
                const bool hot =
                    focus && (static_cast<long long>(sk) == h.skill || static_cast<long long>(i) == h.piece);
                if (hot != (pass == 1)) continue;
                const bool failed = s.failed[i] != 0;
                ImU32 col = hot ? (failed ? ui::paletteColor(1) : ImGui::GetColorU32(ImGuiCol_Text, 0.85f))
                                : (failed ? failed_col : ok_col);
                dl->AddLine(l.piece(i), l.skill(sk), col, hot ? 2.0f : (failed ? 1.3f : 1.0f));
            }
}

// Failed pieces filled vermillion, passed ones hollow.
void drawPieces(ImDrawList* dl, const SimulationSnapshot& s, const BipartiteLayout& l, const BipartiteHover& h) {
    const ImU32 bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
    for (uint64_t i = 0; i < s.params.n2; ++i) {
        const ImVec2 p = l.piece(i);
        const float r = (static_cast<long long>(i) == h.piece || h.piece_near[i]) ? l.rp * 1.5f : l.rp;
        if (s.failed[i]) {
            dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), ui::paletteColor(1));
        } else {
            dl->AddRectFilled(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), bg);
            dl->AddRect(ImVec2(p.x - r, p.y - r), ImVec2(p.x + r, p.y + r), ImGui::GetColorU32(ImGuiCol_Text, 0.7f));
        }
    }
}

// Skills filled by competence on [lo, 1]; a thick ring marks competence below c.
void drawSkills(ImDrawList* dl, const SimulationSnapshot& s, const BipartiteLayout& l, const BipartiteHover& h,
                const std::vector<double>& comp, double lo) {
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
    const bool labels = l.skill_gap > l.fs * 1.4f;
    char buf[16];
    for (uint32_t i = 0; i < s.params.n1; ++i) {
        const ImVec2 p = l.skill(i);
        const bool hot = static_cast<long long>(i) == h.skill || h.skill_near[i];
        const float r = hot ? l.rs * 1.25f : l.rs;
        if (std::isfinite(comp[i])) {
            dl->AddCircleFilled(p, r, viridis((comp[i] - lo) / (1 - lo)), 24);
            if (comp[i] < s.params.c)
                dl->AddCircle(p, r + 2.0f, text, 24, 2.5f);
            else
                dl->AddCircle(p, r, bg, 24, 1.0f);
        } else {
            dl->AddCircle(p, r, muted, 24, 1.5f);
        }
        if (labels) {
            std::snprintf(buf, sizeof buf, "%u", i);
            const ImVec2 ts = ImGui::CalcTextSize(buf);
            dl->AddText(ImVec2(p.x - ts.x / 2, l.y_skill - l.rs - l.fs * 1.45f), muted, buf);
        }
    }
}

// The numbers of the hovered node.
void drawNodeTooltip(const SimulationSnapshot& s, const BipartiteHover& h, const std::vector<double>& comp) {
    if (h.skill >= 0) {
        const uint32_t i = static_cast<uint32_t>(h.skill);
        ImGui::BeginTooltip();
        ImGui::Text("skill %u", i);
        ImGui::Text("degree deg(s) = %u edges (repeats counted)", s.degree[i]);
        ImGui::Text("failed edges e(s, Y) = %u", s.failed_edges[i]);
        if (std::isfinite(comp[i]))
            ImGui::Text("competence = 1 \u2212 %u/%u = %.3f  (%s c = %.2f)", s.failed_edges[i], s.degree[i], comp[i],
                        comp[i] < s.params.c ? "below" : "at least", s.params.c);
        else
            ImGui::TextUnformatted("no edges: competence undefined, excluded from fractions");
        if (!s.probability.empty()) ImGui::Text("\u03bc\u2081(s) = %.4g", s.probability[i]);
        ImGui::EndTooltip();
    } else if (h.piece >= 0) {
        const uint64_t i = static_cast<uint64_t>(h.piece);
        const uint32_t k = s.params.k;
        std::string skills;
        for (uint32_t j = 0; j < k; ++j) skills += (j ? ", " : "") + std::to_string(s.slots[i * k + j]);
        ImGui::BeginTooltip();
        ImGui::Text("text piece %llu", static_cast<unsigned long long>(i));
        ImGui::Text("needs skills %s", skills.c_str());
        ImGui::TextUnformatted(s.failed[i] ? "failed (in Y): counts against each of these skills" : "passed");
        ImGui::EndTooltip();
    }
}

}  // namespace

void GraphView::drawBipartite(const SimulationSnapshot& s, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##bipartite", size);
    const bool area_hovered = ImGui::IsItemHovered();
    const uint32_t n1 = s.params.n1;

    // Competence per skill and the colour range [lo, 1].
    std::vector<double> comp(n1);
    double min_comp = 1.0;
    for (uint32_t i = 0; i < n1; ++i) {
        comp[i] = skillCompetence(s.degree[i], s.failed_edges[i]);
        if (std::isfinite(comp[i])) min_comp = std::min(min_comp, comp[i]);
    }
    colour_lo_ = std::min(0.8, std::floor(min_comp * 10) / 10);

    const BipartiteLayout layout(p0, size, n1, s.params.n2);
    const BipartiteHover hover = hoverOf(s, layout, area_hovered);
    drawRowCaptions(dl, layout, n1, s.params.n2);
    drawEdges(dl, s, layout, hover);
    drawPieces(dl, s, layout, hover);
    drawSkills(dl, s, layout, hover, comp, colour_lo_);
    drawNodeTooltip(s, hover, comp);
}

void GraphView::drawColourLegend(const SimulationSnapshot& s) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float right = p.x + ImGui::GetContentRegionAvail().x, line_h = fs * 2.0f;
    float x = p.x, y = p.y + fs * 0.2f;
    // Items laid out left to right, wrapping to a new line when the next one does not fit.
    auto place = [&](float width) {
        if (x > p.x && x + width > right) x = p.x, y += line_h;
        const float at = x;
        x += width + fs * 1.2f;
        return at;
    };
    char buf[48];
    const char* caption = "skill colour: competence";
    const float cap_w = ImGui::CalcTextSize(caption).x;
    const float bar_w = std::clamp(right - p.x - cap_w - fs * 0.6f, fs * 4, fs * 9);  // narrower on phones
    float at = place(cap_w + fs * 0.6f + bar_w);
    dl->AddText(ImVec2(at, y), text, caption);
    const float bx = at + cap_w + fs * 0.6f;
    const int steps = 48;
    for (int i = 0; i < steps; ++i)
        dl->AddRectFilled(ImVec2(bx + bar_w * i / steps, y + fs * 0.15f),
                          ImVec2(bx + bar_w * (i + 1) / steps + 0.5f, y + fs * 0.85f),
                          viridis(double(i) / (steps - 1)));
    std::snprintf(buf, sizeof buf, "%.1f", colour_lo_);
    dl->AddText(ImVec2(bx, y + fs * 0.95f), muted, buf);
    dl->AddText(ImVec2(bx + bar_w - ImGui::CalcTextSize("1").x, y + fs * 0.95f), muted, "1");

    std::snprintf(buf, sizeof buf, "competence < c = %.2f", s.params.c);
    at = place(fs * 1.1f + ImGui::CalcTextSize(buf).x);
    dl->AddCircleFilled(ImVec2(at + fs * 0.4f, y + fs * 0.5f), fs * 0.35f, viridis(0.3));
    dl->AddCircle(ImVec2(at + fs * 0.4f, y + fs * 0.5f), fs * 0.35f + 2, text, 24, 2.5f);
    dl->AddText(ImVec2(at + fs * 1.1f, y), text, buf);

    at = place(fs * 0.9f + ImGui::CalcTextSize("failed piece").x);
    dl->AddRectFilled(ImVec2(at, y + fs * 0.2f), ImVec2(at + fs * 0.6f, y + fs * 0.8f), ui::paletteColor(1));
    dl->AddText(ImVec2(at + fs * 0.9f, y), text, "failed piece");

    at = place(fs * 0.9f + ImGui::CalcTextSize("passed piece").x);
    dl->AddRect(ImVec2(at, y + fs * 0.2f), ImVec2(at + fs * 0.6f, y + fs * 0.8f),
                ImGui::GetColorU32(ImGuiCol_Text, 0.7f));
    dl->AddText(ImVec2(at + fs * 0.9f, y), text, "passed piece");

    at = place(fs * 1.7f + ImGui::CalcTextSize("edge into Y").x);
    dl->AddLine(ImVec2(at, y + fs * 0.5f), ImVec2(at + fs * 1.4f, y + fs * 0.5f), ui::paletteColor(1), 2.0f);
    dl->AddText(ImVec2(at + fs * 1.7f, y), text, "edge into Y");
    ImGui::Dummy(ImVec2(1, y - p.y + fs * 2.0f));
}

const char* GraphView::degreesPlotId() const {
    const SimulationSnapshot* s = runner_.last();
    return s && !s->probability.empty() ? "graph-degrees-zipf" : "graph-degrees";
}

void GraphView::drawDegrees(const SimulationSnapshot& s, ImVec2 size) {
    const SimulationParams& p = s.params;
    const double trials = double(p.k) * double(p.n2);
    if (s.probability.empty()) {
        if (histogram_generation_ != runner_.generation()) {
            histogram_ = degreeHistogram(s.degree, static_cast<uint64_t>(trials), 1.0 / p.n1, 80);
            histogram_generation_ = runner_.generation();
        }
        const DegreeHistogram& h = histogram_;
        std::vector<double> edges, counts, cx, ey;
        double ymax = 1;
        for (size_t i = 0; i < h.count.size(); ++i) {
            const double a = h.binLow(i) - 0.5;
            edges.push_back(a);
            counts.push_back(double(h.count[i]));
            cx.push_back(a + h.bin_width / 2.0);
            ey.push_back(h.expected[i]);
            ymax = std::max({ymax, double(h.count[i]), h.expected[i]});
        }
        if (!counts.empty()) edges.push_back(edges.back() + h.bin_width);
        const double x_lo = edges.empty() ? 0 : edges.front(), x_hi = edges.empty() ? 1 : edges.back();
        std::string ylabel = h.bin_width == 1 ? "skills with this degree"
                                              : "skills per bin of " + std::to_string(h.bin_width) + " degrees";
        if (ui::BeginPlot("graph-degrees", "Degrees of the skills against the binomial",
                          {"degree deg(s) (edges of a skill)", ui::Scale::Linear, x_lo, x_hi + (x_hi - x_lo) * 0.02},
                          {ylabel, ui::Scale::Linear, 0, ymax * 1.12}, size)) {
            ui::PlotStairs("sampled graph", edges, counts, 0);
            ui::PlotLine("N\u2081\u00b7P[Bin(kN\u2082, 1/N\u2081) in bin]", cx, ey, 1, ui::LineStyle::Solid, 2.0f);
            ui::PlotVLine(s.result.mean_degree, "kN\u2082/N\u2081", 6, ui::LineStyle::Dotted);
            ui::EndPlot();
        }
        return;
    }
    // Zipf: degree against frequency rank (log-log), next to the expectation kN2 mu1(s).
    std::vector<double> rx, ry, ex, eyv;
    const uint32_t n1 = p.n1;
    double prev = -1;
    for (int i = 0; i <= 400; ++i) {
        const double r = std::floor(std::pow(double(n1), i / 400.0));  // rank 1 .. N1, log-spaced
        if (r == prev || r < 1 || r > n1) continue;
        prev = r;
        const uint32_t sk = static_cast<uint32_t>(r) - 1;
        rx.push_back(r);
        ry.push_back(double(s.degree[sk]));
        ex.push_back(r);
        eyv.push_back(trials * s.probability[sk]);
    }
    double ymin = trials * s.probability.back(), ymax = trials * s.probability.front();
    if (ui::BeginPlot("graph-degrees-zipf", "Degree against frequency rank (Zipf \u03bc\u2081)",
                      {"rank of the skill (1 = most frequent)", ui::Scale::Log10, 1, std::max(2.0, double(n1))},
                      {"degree deg(s)", ui::Scale::Log10, std::max(0.5, ymin / 3), ymax * 3}, size)) {
        ui::PlotMarkers("sampled degree", rx, ry, 0, 2.5f);
        ui::PlotLine("expected kN\u2082\u00b7\u03bc\u2081(s)", ex, eyv, 1);
        ui::EndPlot();
    }
}

std::string GraphView::figureSummary() {
    const SimulationSnapshot* s = runner_.last();
    if (!s) return "No graph sampled yet.";
    const SimulationParams& p = s->params;
    const DegreeStats d = degreeStats(s->degree);
    const SimulationResult& r = s->result;
    char text[640];
    std::snprintf(text, sizeof text,
                  "%s sampled skill graph: %u skills, %s text pieces, %u skills per piece. Skill degrees %u to %u, "
                  "mean %s; %llu skills without edges. %llu failed pieces (theta = %.4g). %llu of %llu skills have "
                  "competence below c = %.3g.",
                  drew_graph_ ? "A drawing of the" : "The degrees of the", p.n1, ui::formatNumber(double(p.n2)).c_str(),
                  p.k, d.min, d.max, ui::formatNumber(r.mean_degree, 5).c_str(),
                  static_cast<unsigned long long>(d.isolated), static_cast<unsigned long long>(r.failed),
                  r.theta_realized, static_cast<unsigned long long>(r.skills.below_c),
                  static_cast<unsigned long long>(r.skills.counted), p.c);
    return text;
}

void GraphView::drawStatistics(const SimulationSnapshot& s) {
    const SimulationParams& p = s.params;
    const DegreeStats d = degreeStats(s.degree);
    const SimulationResult& r = s.result;
    char v[12][96];
    std::snprintf(v[0], sizeof v[0], "%u", p.n1);
    std::snprintf(v[1], sizeof v[1], "%s", ui::formatNumber(double(p.n2)).c_str());
    std::snprintf(v[2], sizeof v[2], "%u", p.k);
    std::snprintf(v[3], sizeof v[3], "%s", ui::formatNumber(r.mean_degree, 5).c_str());
    std::snprintf(v[4], sizeof v[4], "%u / %u", d.min, d.max);
    std::snprintf(v[5], sizeof v[5], "%llu", static_cast<unsigned long long>(d.isolated));
    std::snprintf(v[6], sizeof v[6], "%llu (\u03b8 = %.4g)", static_cast<unsigned long long>(r.failed),
                  r.theta_realized);
    std::snprintf(v[7], sizeof v[7], "%.4g", r.skills.weightedMeanFailure());
    std::snprintf(v[8], sizeof v[8], "%llu of %llu", static_cast<unsigned long long>(r.skills.below_c),
                  static_cast<unsigned long long>(r.skills.counted));
    std::snprintf(v[9], sizeof v[9], "%s", hexHash(r.slots_hash).c_str());
    if (s.estimated_bytes < 1e5)
        std::snprintf(v[10], sizeof v[10], "about %.1f kB", s.estimated_bytes / 1e3);
    else
        std::snprintf(v[10], sizeof v[10], "%s", megabytesText(s.estimated_bytes).c_str());
    std::snprintf(v[11], sizeof v[11], "%.0f ms (slices \u2264 %.0f ms)", s.elapsed_ms, runner_.maxSliceMs());
    const char* names[12] = {
        "skills N\u2081",   "text pieces N\u2082",  "skills per piece k", "mean degree kN\u2082/N\u2081",
        "min / max degree", "skills without edges", "failed pieces |Y|",  "weighted mean failure",
        "skills below c",   "slots hash",           "memory (estimate)",  "run time"};
    const char* tips[12] = {nullptr,
                            nullptr,
                            nullptr,
                            "Expected degree; each skill's degree is Bin(kN\u2082, 1/N\u2081)",
                            nullptr,
                            "No competence: excluded from every fraction",
                            "|Y| and the realised measure |Y|/N\u2082",
                            "\u03a3 e(s,Y) / \u03a3 deg(s): equals |Y|/N\u2082 exactly (mean identity)",
                            nullptr,
                            "Same seed, same hash: in the page, natively and in slingshot-cli simulate",
                            "The engine's estimate, checked against the budget before anything is allocated",
                            "Wall time of the job, run in slices inside frames"};
    const float width = ImGui::GetContentRegionAvail().x, fs = ImGui::GetFontSize();
    const int pairs = width >= fs * 44 ? 3 : width >= fs * 30 ? 2 : 1;
    if (ImGui::BeginTable("graph-stats", 2 * pairs, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        for (int i = 0; i < 12; ++i) {
            if (i % pairs == 0) ImGui::TableNextRow();
            ImGui::TableNextColumn();
            mutedText("%s", names[i]);
            if (tips[i] && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tips[i]);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", v[i]);
        }
        ImGui::EndTable();
    }
    const std::string& spread = ensembleSpread();
    if (!spread.empty()) mutedText("Over the ensemble's %s.", spread.c_str());
}

}  // namespace slingshot::app
