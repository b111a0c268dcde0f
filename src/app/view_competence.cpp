#include "app/view_competence.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/graph/spectral.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace slingshot::app {
namespace {

// A competence curve as plot vectors.
void curveOf(const std::vector<CompetencePoint>& curve, std::vector<double>& x, std::vector<double>& y) {
    x.clear();
    y.clear();
    for (const CompetencePoint& p : curve) {
        x.push_back(p.c);
        y.push_back(p.frac);
    }
}

// Under a non-uniform mu1 the theorems bound the measure of skills, not their count.
bool weighed(const SimulationSnapshot& s) { return !s.probability.empty(); }

ParamSpec certificateSpec() {
    return viewParam(
        "certificate", ParamKind::Choice,
        "compute the mixing-lemma certificate of the sampled graph (Lanczos, a few seconds) and draw it (on/off)", 0, 0,
        {"on", "off"});
}

}  // namespace

CompetenceView::CompetenceView() {
    // Defaults that tell the story: N2 >> N1, an adversary aiming at c = 0.8, pairs in reading T2.
    in_.n1 = 1000;
    in_.n2 = 1000000;
    in_.k = 8;
    in_.theta = 0.1;
    in_.c = 0.8;
    in_.failure = "adversarial";
    in_.kprime = 2;
    in_.tuples = "t2";
}

std::vector<ParamBinding> CompetenceView::bindings() {
    std::vector<ParamBinding> b = in_.bindings(true);
    b.push_back({certificateSpec(), &certificate_});
    b.push_back({ensembleSpec(), &ensemble_});
    return b;
}

void CompetenceView::update() {
    updateSimulationAndCertificate(runner_, in_.params(true), certificateOn() ? &cert_ : nullptr);
    ensemble_runs_.update(runner_, in_.params(true), ensemble_, 8.0);
    refreshTheory();
}

void CompetenceView::refreshTheory() {
    const OverlayParams wanted{in_.theta, static_cast<int>(in_.k), static_cast<uint64_t>(in_.n1),
                               static_cast<uint64_t>(in_.n2), static_cast<int>(in_.kprime)};
    TheoryCurves& t = theory_;
    const bool none = t.overlays.c.empty();
    if (none || !(t.at.params == wanted && t.at.c == in_.c)) t.at = overlayAt(wanted, in_.c);
    if (!none && t.overlays.params == wanted) return;
    t.overlays = overlayCurves(wanted);
    const OverlayCurves& o = t.overlays;
    t.worst.resize(o.c.size());
    t.random.resize(o.c.size());
    for (size_t j = 0; j < o.c.size(); ++j) {
        t.worst[j] = 1 - o.worst_failing[j];
        t.random[j] = 1 - o.random_failing[j];
    }
}

void CompetenceView::controls() {
    ImGui::TextWrapped(
        "How many skills does a model with failure measure \u03b8 master? Simulated against the guarantee.");
    in_.draw(runner_, true);
    intSlider("seeds in the ensemble", &ensemble_, ensembleSpec(), false,
              "The same run with seeds seed, seed + 1, …: the curves show the band from the lowest to the highest "
              "seed's value (and the central 90% from 20 seeds on), each seed's curve thin.");
    ImGui::SeparatorText("Certificate of this graph");
    onOffCheckbox("mixing-lemma certificate of σ", &certificate_);
    static const std::string tip = [] {  // built once, not every frame
        std::string t =
            "A bound for THIS sampled graph, valid for every failure set: see the Tightness view. σ is proved from "
            "the Gram matrix B Bᵀ up to N₁ = ";
        t += std::to_string(kGramMaxSkills);
        t += " skills, and bounded by Lanczos over the slots (with a small failure probability) above.";
        return t;
    }();
    paramTooltip(certificateSpec(), tip.c_str());
}

void CompetenceView::main() {
    runner_.drawStatus();
    ensemble_runs_.drawStatus();
    if (certificateOn()) {
        cert_.drawStatus();
        cert_.drawSummary();
    }
    const SimulationSnapshot* s = runner_.last();
    if (s) {
        const SimulationParams& p = s->params;
        mutedText("Simulated: N\u2081 = %u, N\u2082 = %s, k = %u, \u03b8 = %.3g, c = %.3g, %s failures, seed %llu%s",
                  p.n1, ui::formatNumber(double(p.n2)).c_str(), p.k, p.theta, p.c,
                  std::string(failureModeName(p.failure)).c_str(), static_cast<unsigned long long>(p.seed),
                  runner_.showsWantedRun() ? "" : "  (previous run)");
    } else if (runner_.error().empty()) {
        mutedText("Simulating\u2026 the theory curves are already drawn.");
    }
    drawReadouts();

    const float fs = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool wide = avail.x >= fs * 44;
    const float row_h = std::max(fs * 14, (avail.y - ImGui::GetStyle().ItemSpacing.y) * 0.5f);
    if (wide) {
        const float left = std::floor((avail.x - gap) * 0.58f), right = avail.x - gap - left;
        drawFractionPlot(s, ImVec2(left, row_h));
        ImGui::SameLine();
        drawHistogram(s, ImVec2(right, row_h));
        drawTuplePlot(s, ImVec2(left, row_h));
        ImGui::SameLine();
        ImGui::BeginChild("explain", ImVec2(right, row_h), false);
        drawExplanation();
        ImGui::EndChild();
    } else {
        drawFractionPlot(s, ImVec2(avail.x, row_h));
        drawHistogram(s, ImVec2(avail.x, row_h));
        drawTuplePlot(s, ImVec2(avail.x, row_h));
        drawExplanation();
    }
}

bool CompetenceView::drawPlot(const std::string& id, ImVec2 size) {
    const SimulationSnapshot* s = runner_.last();
    runner_.drawStatus();
    ensemble_runs_.drawStatus();
    if (certificateOn()) cert_.drawStatus();
    size.y = ImGui::GetContentRegionAvail().y;  // below the status lines
    if (id == "competence-fraction")
        drawFractionPlot(s, size);
    else if (id == "competence-histogram")
        drawHistogram(s, size);
    else if (id == "competence-tuples")
        drawTuplePlot(s, size);
    else
        return false;
    return true;
}

std::vector<CompetenceView::Readout> CompetenceView::readouts() const {
    const SimulationSnapshot* s = runner_.last();
    const double theta = in_.theta, c = in_.c, rho = double(in_.n1) / double(in_.n2);
    const OverlayPoint& at = theory_.at;
    const BoundDetail& d = at.thm8;
    const double degree = double(at.degree);
    std::vector<Readout> items;
    const bool same_c = s && s->params.c == c;  // a run at another c has no value for this one
    std::string sim_note = std::string("(").append(runner_.waitingNote()).append(")");
    if (same_c && runner_.showsWantedRun())
        sim_note = std::string(failureModeName(s->params.failure));
    else if (same_c)
        sim_note = "(previous run; this one " + std::string(runner_.waitingNote()) + ")";
    if (s && weighed(*s)) {
        items.push_back({"\u03bc\u2081-measure of skills with competence \u2264 " + formatFixed(c, 2) + ", simulated",
                         same_c ? formatFixed(s->result.skills.measureFracAtMostC()) : "\u2013", sim_note});
        items.push_back({"count of skills with competence \u2264 " + formatFixed(c, 2),
                         same_c ? formatFixed(s->result.skills.fracAtMostC()) : "\u2013",
                         "by count: the bounds weigh skills by \u03bc\u2081"});
    } else {
        items.push_back({"skills with competence \u2264 " + formatFixed(c, 2) + ", simulated",
                         same_c ? formatFixed(s->result.skills.fracAtMostC()) : "\u2013", sim_note});
    }
    if (const EnsembleBands* e = ensemble_runs_.bands(); e && same_c) {
        const SampleBand& b = s && weighed(*s) ? e->measure_frac_at_most_c : e->frac_at_most_c;
        const std::vector<uint64_t>& seeds = ensemble_runs_.seeds();
        items.push_back(
            {"over the ensemble's seeds", formatFixed(b.min) + "\u2013" + formatFixed(b.max),
             std::to_string(seeds.size()) + " of " + std::to_string(ensemble_runs_.wanted()) + " seeds, min\u2013max"});
    }
    items.push_back({"Thm 8 bound min(1, \u03b1*, 1/\u03b2)", formatFixed(d.alpha_bound),
                     std::isfinite(d.alpha_star) ? "N\u2082 \u2192 \u221e" : "Markov only (\u03b1* = \u221e)"});
    items.push_back({"finite size", formatFixed(1 - at.finite_competent),
                     "\u03c1 = N\u2081/N\u2082 = " + ui::formatNumber(rho, 3)});
    if (certificateOn()) {
        const CertificateTask::Done* cd = cert_.last();
        const bool fresh = cd && !cert_.stale();
        items.push_back({"certificate, this graph", cd ? formatFixed(cd->certifier->certify(theta, c).frac) : "\u2013",
                         cd ? (fresh ? sigmaBoundText(cd->spectral) : "(previous graph)")
                            : "(" + std::string(cert_.waitingNote()) + ")"});
    }
    items.push_back({"exact worst case \u03b1_A", formatFixed(at.worst_failing), "N\u2082/N\u2081 \u2192 \u221e"});
    items.push_back({"random Y", formatFixed(at.random_failing, 4),
                     "P[Bin(" + ui::formatNumber(degree, 6) + ", \u03b8) \u2265 (1\u2212c)d]"});
    if (s && s->result.tuples && s->params.c == c)
        items.push_back({std::to_string(s->params.kprime) + "-tuples \u2264 c, simulated",
                         formatFixed(s->result.tuples->summary.fracAtMostC()),
                         std::string("reading ") + (s->params.tuples == TupleReading::T2 ? "T2" : "S")});
    else if (same_c && runner_.partial() && s->params.kprime)
        items.push_back({std::to_string(s->params.kprime) + "-tuples \u2264 c, simulated", "\u2013",
                         runner_.running() ? "(counting the tuples)" : "(not counted)"});
    items.push_back({"T2 bound for k\u2032-tuples", formatFixed(1 - at.tuples_t2_competent),
                     "\u03b8\u2032 = k\u2032\u03b8 (Thm 14)"});
    return items;
}

void CompetenceView::drawReadouts() {
    const std::vector<Readout> items = readouts();
    if (ImGui::GetContentRegionAvail().x >= ImGui::GetFontSize() * 44) {
        ReadoutRow row;
        for (const Readout& it : items) row.add(it.caption.c_str(), it.value, it.unit.c_str());
        return;
    }
    // Narrow windows: one compact row per read-out, so the plots stay in view. The value column
    // fits its widest value, the caption wraps, and a read-out without a value says why.
    if (ImGui::BeginTable("competence-readouts", 2, ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("caption", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed);
        for (const Readout& it : items) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            mutedText("%s", it.caption.c_str());
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", it.caption.c_str(), it.unit.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it.value == "\u2013" ? (it.value + " " + it.unit).c_str() : it.value.c_str());
        }
        ImGui::EndTable();
    }
}

void CompetenceView::drawFractionPlot(const SimulationSnapshot* s, ImVec2 size) {
    const TheoryCurves& t = theory_;
    ui::SetNextLegendCorner(ui::LegendCorner::BottomLeft);
    if (!ui::BeginPlot("competence-fraction", "Fraction of skills with competence \u2265 c",
                       {"competence level c", ui::Scale::Linear, 0, 1},
                       {"fraction of skills", ui::Scale::Linear, 0, 1.02}, size))
        return;
    ui::PlotLine("random Y, expected", t.overlays.c, t.random, ui::PlotColour::Green, ui::LineStyle::Dotted, 2.5f);
    ui::PlotLine("exact worst case 1 \u2212 \u03b1_A", t.overlays.c, t.worst, ui::PlotColour::Warm,
                 ui::LineStyle::Dashed);
    ui::PlotLine("Thm 8 guarantee (N\u2082 \u2192 \u221e)", t.overlays.c, t.overlays.thm8_competent,
                 ui::PlotColour::Foreground, ui::LineStyle::Solid, 2.0f);
    ui::PlotLine("Thm 8, finite size \u03c1 = N\u2081/N\u2082", t.overlays.c, t.overlays.finite_competent,
                 ui::PlotColour::Foreground, ui::LineStyle::Dotted, 1.5f);
    if (certificateOn() && cert_.last())
        ui::PlotLine(cert_.stale() ? "certificate of the previous graph" : "certificate for this graph", t.overlays.c,
                     cert_.competentCurve(in_.theta, t.overlays.c), ui::PlotColour::Purple, ui::LineStyle::Solid, 2.0f);
    if (s) {
        const CompetenceSummary& skills = s->result.skills;
        std::vector<double> x, y;
        const std::string failures = std::string(failureModeName(s->params.failure)) + " failures";
        if (weighed(*s)) {
            // The measure meets the bounds; the count (which the certificate bounds) beside it.
            if (const EnsembleBands* e = ensemble_runs_.bands()) drawEnsembleCurves(e->c, e->measure_curve, false);
            curveOf(skills.measureCurve(), x, y);
            // The word that tells the two apart comes first: narrow legends cut the end of a name.
            ui::PlotLine(("simulated by \u03bc\u2081-measure, " + failures).c_str(), x, y, ui::PlotColour::Accent,
                         ui::LineStyle::Solid, 2.5f);
            ui::PlotMarkers("", {s->params.c}, {1 - skills.measureFracAtMostC()}, ui::PlotColour::Accent, 5.0f);
            curveOf(skills.curve(), x, y);
            ui::PlotLine("simulated by count of skills", x, y, ui::PlotColour::Accent, ui::LineStyle::Dotted, 1.5f);
        } else {
            if (const EnsembleBands* e = ensemble_runs_.bands()) drawEnsembleCurves(e->c, e->curve, false);
            curveOf(skills.curve(), x, y);
            ui::PlotLine(("simulated, " + failures).c_str(), x, y, ui::PlotColour::Accent, ui::LineStyle::Solid, 2.5f);
            ui::PlotMarkers("", {s->params.c}, {1 - skills.fracAtMostC()}, ui::PlotColour::Accent, 5.0f);
        }
    }
    ui::PlotVLine(in_.c, "c", 5, ui::LineStyle::Dashed);
    ui::EndPlot();
}

void CompetenceView::drawHistogram(const SimulationSnapshot* s, ImVec2 size) {
    std::vector<double> edges, counts;
    double lo = 0.5, ymax = 1;
    if (s) {
        const std::vector<uint64_t>& h = s->result.skills.histogram;
        const double g = double(s->params.grid_points);
        size_t first = h.size();
        for (size_t j = 0; j <= h.size(); ++j) edges.push_back(double(j) / g);
        for (size_t j = 0; j < h.size(); ++j) {
            if (h[j] && first == h.size()) first = j;
            counts.push_back(double(h[j]));
            ymax = std::max(ymax, double(h[j]));
        }
        if (first < h.size()) lo = std::min(lo, std::floor(double(first) / g * 10 - 0.5) / 10);
        lo = std::clamp(lo, 0.0, std::min(in_.c, 1 - in_.theta) - 0.05);
    }
    std::string ylabel = "skills per bin of width " + ui::formatNumber(s ? 1.0 / s->params.grid_points : 0.01, 2);
    ui::SetNextLegendCorner(ui::LegendCorner::TopLeft);
    if (!ui::BeginPlot("competence-histogram", "Competence of the skills (simulated)",
                       {"competence = 1 \u2212 e(s, Y)/deg(s)", ui::Scale::Linear, std::max(0.0, lo), 1.0 + 0.01},
                       {ylabel, ui::Scale::Linear, 0, ymax * 1.1}, size))
        return;
    if (s) ui::PlotStairs("skills", edges, counts, 0);
    ui::PlotVLine(in_.c, "c", 5, ui::LineStyle::Dashed);
    ui::PlotVLine(1 - in_.theta, "1 \u2212 \u03b8", 6, ui::LineStyle::Dotted);
    ui::EndPlot();
}

void CompetenceView::drawTuplePlot(const SimulationSnapshot* s, ImVec2 size) {
    const TheoryCurves& t = theory_;
    const int kp = static_cast<int>(in_.kprime);
    std::string title = std::to_string(kp) + "-tuples of skills: fraction with competence \u2265 c";
    ui::SetNextLegendCorner(ui::LegendCorner::BottomLeft);
    if (!ui::BeginPlot("competence-tuples", title.c_str(), {"competence level c", ui::Scale::Linear, 0, 1},
                       {"fraction of k\u2032-tuples", ui::Scale::Linear, 0, 1.02}, size))
        return;
    ui::PlotLine("single skills: Thm 8 guarantee", t.overlays.c, t.overlays.thm8_competent, 6, ui::LineStyle::Dotted,
                 1.5f);
    ui::PlotLine("k\u2032-tuples: T2 guarantee (\u03b8\u2032 = k\u2032\u03b8)", t.overlays.c,
                 t.overlays.tuples_t2_competent, 6, ui::LineStyle::Solid, 2.0f);
    if (s && s->result.tuples) {
        if (const EnsembleBands* e = ensemble_runs_.bands(); e && !e->tuple_curve.empty())
            drawEnsembleCurves(e->tuple_c, e->tuple_curve, true);
        std::vector<double> x, y;
        curveOf(s->result.tuples->summary.curve(), x, y);
        std::string name =
            std::string("simulated k\u2032-tuples, reading ") + (s->params.tuples == TupleReading::T2 ? "T2" : "S");
        ui::PlotLine(name.c_str(), x, y, 0, ui::LineStyle::Solid, 2.5f);
    }
    ui::PlotVLine(in_.c, "c", 5, ui::LineStyle::Dashed);
    ui::EndPlot();
}

void CompetenceView::drawEnsembleCurves(const std::vector<double>& c, const std::vector<SampleBand>& bands,
                                        bool tuples) const {
    std::vector<double> lo, hi, clo, chi;
    bool central = false;
    for (const SampleBand& b : bands) {
        lo.push_back(b.min), hi.push_back(b.max), clo.push_back(b.lo), chi.push_back(b.hi);
        central = central || b.lo > b.min || b.hi < b.max;
    }
    const std::vector<uint64_t>& seeds = ensemble_runs_.seeds();
    const std::string of = "seeds " + std::to_string(seeds.front()) + "\u2013" + std::to_string(seeds.back());
    ui::PlotBand(("simulated, min\u2013max over " + of).c_str(), c, lo, hi, ui::PlotColour::Accent);
    if (central) ui::PlotBand("simulated, central 90% of the seeds", c, clo, chi, ui::PlotColour::Accent);
    // Each seed's own curve, thin and out of the legend (the export keeps it).
    std::vector<double> x, y;
    for (size_t r = 0; r < seeds.size(); ++r) {
        const SimulationResult& res = ensemble_runs_.runs()[r]->result;
        if (tuples && !res.tuples) continue;
        const CompetenceSummary& sum = tuples ? res.tuples->summary : res.skills;
        const bool measure = !tuples && !ensemble_runs_.runs()[r]->probability.empty();
        curveOf(measure ? sum.measureCurve() : sum.curve(), x, y);
        ui::PlotLine(("##seed " + std::to_string(seeds[r])).c_str(), x, y, ui::PlotColour::Accent, ui::LineStyle::Solid,
                     0.75f);
    }
}

void CompetenceView::drawExplanation() {
    ImGui::TextWrapped(
        "Thm 8: for every set Y of failed pieces of measure \u03b8, at most a fraction min(1, \u03b1*, 1/\u03b2) of "
        "skills have "
        "competence \u2264 c = 1 \u2212 \u03b2\u03b8, where \u03b1* is the smallest \u03b1 with "
        "H(\u03b8) + \u03c1H(\u03b1) \u2212 k\u03b8\u00b7KL(\u03b2\u03b1\u2016\u03b1) < 0.");
    ImGui::TextWrapped(
        "The guarantee (%s) holds for every Y. A random Y (%s) leaves almost every skill competent; the adversary "
        "(%s, aiming at c only) gets close to the exact worst case \u03b1_A (%s), which stays inside the guarantee. "
        "The certificate (%s) is proved for this very graph from its second singular value \u03c3 (expander mixing "
        "lemma, THEORY 8): no failure set of measure \u03b8 can push more skills below c on it.",
        ui::colourName(ui::PlotColour::Foreground), ui::colourName(ui::PlotColour::Green),
        ui::colourName(ui::PlotColour::Accent), ui::colourName(ui::PlotColour::Warm),
        ui::colourName(ui::PlotColour::Purple));
    const SimulationSnapshot* s = runner_.last();
    if (s && s->result.tuples) {
        const TupleReport& t = *s->result.tuples;
        ImGui::TextWrapped(
            "Tuples: %llu of %s possible %u-tuples have edges (%.3g edges each on average). The T2 bound is Thm 8 at "
            "\u03b8\u2032 = k\u2032\u03b8; Cor 13: at \u03b8/k\u2032 it equals the single-skill curve at \u03b8.",
            static_cast<unsigned long long>(t.summary.counted), ui::formatNumber(t.total_tuples, 4).c_str(),
            s->params.kprime, t.summary.counted ? double(t.summary.edge_sum) / double(t.summary.counted) : 0.0);
    }
    if (in_.measure == "zipf")
        uncertainNote(
            "With a Zipf \u03bc\u2081 the guarantee bounds the \u03bc\u2081-measure of incompetent skills, not their "
            "count, and the random-Y curve uses the mean degree.");
}

}  // namespace slingshot::app
