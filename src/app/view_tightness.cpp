#include "app/view_tightness.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace slingshot::app {
namespace {

// Series colours and styles, shared by the plot and the table that serves as its legend.
struct Look {
    int color;
    ui::LineStyle style;
    float thickness;
};
constexpr Look kThm8{ui::PlotColour::Foreground, ui::LineStyle::Solid, 2.0f};
constexpr Look kFinite{ui::PlotColour::Foreground, ui::LineStyle::Dotted, 1.5f};
constexpr Look kCert{ui::PlotColour::Purple, ui::LineStyle::Solid, 2.5f};
constexpr Look kWorst{ui::PlotColour::Warm, ui::LineStyle::Dashed, 2.0f};
constexpr Look kAdversary{ui::PlotColour::Accent, ui::LineStyle::Solid, 2.5f};
constexpr Look kRandom{ui::PlotColour::Green, ui::LineStyle::Dotted, 2.5f};
constexpr Look kMarkov{ui::PlotColour::Bright, ui::LineStyle::Dashed, 1.2f};
constexpr int kCColor = ui::PlotColour::Reference;

// Names (also the CSV/JSON export names); "##" keeps them out of the in-plot legend, the table
// beside the plot is the legend.
constexpr const char* kThm8Name = "##Thm 8 bound (N2 -> infinity)";
constexpr const char* kFiniteName = "##Thm 8 bound, finite size";
constexpr const char* kCertName = "##certificate for this graph";
constexpr const char* kWorstName = "##exact worst case alpha_A";
constexpr const char* kAdversaryName = "##simulated adversary on this graph";
constexpr const char* kRandomName = "##random failure set, expected";
constexpr const char* kMarkovName = "##Markov theta/(1-c)";

ParamSpec logySpec() {
    return viewParam("logy", ParamKind::Choice, "log scale for the fraction plot (on/off)", 0, 0, {"on", "off"});
}

}  // namespace

// ---------------------------------------------------------------- view

TightnessView::TightnessView() { refreshCurves(); }

std::vector<ParamBinding> TightnessView::bindings() {
    return {{certifyParam("n1"), &n1_},     {certifyParam("n2"), &n2_},       {certifyParam("k"), &k_},
            {certifyParam("seed"), &seed_}, {certifyParam("theta"), &theta_}, {certifyParam("c"), &c_},
            {logySpec(), &logy_},           {ensembleSpec(), &ensemble_}};
}

SimulationParams TightnessView::simParams() const {
    SimulationInputs in;
    in.n1 = n1_, in.n2 = n2_, in.k = k_, in.seed = seed_, in.theta = theta_, in.c = c_;
    in.failure = "adversarial";
    return in.params(false);
}

bool TightnessView::settled() const {
    const bool sim_done = !runner_.stale() || !runner_.error().empty();
    return sim_done && cert_.settled() && !ensemble_runs_.busy();
}

void TightnessView::update() {
    updateSimulationAndCertificate(runner_, simParams(), &cert_);
    ensemble_runs_.update(runner_, simParams(), ensemble_, 8.0);
    refreshCurves();
}

void TightnessView::refreshCurves() {
    const OverlayParams wanted{theta_, static_cast<int>(k_), static_cast<uint64_t>(n1_), static_cast<uint64_t>(n2_)};
    Curves& t = curves_;
    if (t.c.empty() || !(t.at.params == wanted && t.at.c == c_)) t.at = overlayAt(wanted, c_);
    if (t.c.empty() || !(t.overlays.params == wanted)) {
        t.overlays = overlayCurves(wanted);
        const OverlayCurves& o = t.overlays;
        const size_t n = kOverlaySteps;  // c < 1
        for (auto* v : {&t.c, &t.thm8, &t.finite, &t.worst, &t.random, &t.markov}) v->resize(n);
        for (size_t j = 0; j < n; ++j) {
            t.c[j] = o.c[j];
            t.thm8[j] = 1 - o.thm8_competent[j];
            t.finite[j] = 1 - o.finite_competent[j];
            t.worst[j] = o.worst_failing[j];
            t.random[j] = o.random_failing[j];
            t.markov[j] = 1 - o.markov_competent[j];
        }
    }
}

void TightnessView::controls() {
    ImGui::TextWrapped("Thm 8 is an upper bound. How close is it to what a failure set can really do?");
    ImGui::SeparatorText("Theory");
    numberSlider("\u03b8  measure of failed pieces", &theta_, certifyParam("theta"), "%.3f",
                 "The failure set Y has \u03b8N\u2082 pieces (Ctrl+click to type up to 1).", 0.5);
    intSlider("k  skills per text piece", &k_, certifyParam("k"), false,
              "More skills per piece: each failure is spread over more skills, the guarantee tightens.", 1, 32);
    numberSlider("c  competence level of the read-out", &c_, certifyParam("c"), "%.3f",
                 "The table reads every curve at this c; the adversary aims at it.");

    ImGui::SeparatorText("The sampled graph");
    intSlider("N\u2081  skills", &n1_, certifyParam("n1"), true,
              "Lanczos works in dimension N\u2081: larger N\u2081 costs memory and time.", 2, 100000);
    intSlider("N\u2082  text pieces", &n2_, certifyParam("n2"), true,
              "Degree kN\u2082/N\u2081; one Lanczos product is a pass over the kN\u2082 slots.", 100, 10000000);
    seedInput(&seed_, certifyParam("seed"),
              "Same seed, same graph: here, in the other views and in slingshot-cli certify.",
              "Next seed: a new random graph, a new certificate, a new adversary");
    intSlider("seeds of the adversary (ensemble)", &ensemble_, ensembleSpec(), false,
              "The adversary also runs on the graphs of seed + 1, \u2026: its curve gets the band from the lowest to "
              "the highest seed's value. The certificate stays this graph's.");

    ImGui::SeparatorText("Display");
    onOffCheckbox("log scale (fractions)", &logy_);
    paramTooltip(logySpec(), "Small fractions (the random failure set) only show on a log scale.");
}

void TightnessView::main() {
    const SimulationSnapshot* s = runner_.last();
    const CertificateTask::Done* d = cert_.last();
    runner_.drawStatus();
    ensemble_runs_.drawStatus();
    cert_.drawStatus();
    if (s || d) {
        cert_.drawSummary();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        if (s)
            ImGui::TextWrapped(
                "Adversary: \u03b8 = %.3g aiming at c = %.3g, %s failed pieces, %.0f ms%s%s", s->params.theta,
                s->params.c, ui::formatNumber(double(s->result.failed)).c_str(), s->elapsed_ms,
                d && d->key == graphKeyOf(s->params)
                    ? (d->slots_hash == s->result.slots_hash ? ", same graph as the certificate (slot hashes agree)"
                                                             : ", slot hashes differ")
                    : "",
                runner_.showsWantedRun() ? "" : "  (previous run)");
        ImGui::PopStyleColor();
    } else if (runner_.error().empty() && cert_.error().empty()) {
        mutedText("Sampling the graph\u2026 the theory curves are already drawn.");
    }

    const float fs = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const bool wide = avail.x >= fs * 48;
    if (wide) {
        const float right = std::clamp(avail.x * 0.4f, fs * 20, fs * 27), left = avail.x - gap - right;
        const float top_h = std::max(fs * 16, (avail.y - ImGui::GetStyle().ItemSpacing.y) * 0.6f);
        const float bottom_h = std::max(fs * 11, avail.y - top_h - ImGui::GetStyle().ItemSpacing.y);
        drawFractionPlot(s, d, ImVec2(left, top_h));
        ImGui::SameLine();
        ImGui::BeginChild("tightness-table", ImVec2(right, top_h), false);
        drawReadoutTable(s, d);
        ImGui::EndChild();
        drawRatioPlot(d, ImVec2(left, bottom_h));
        ImGui::SameLine();
        ImGui::BeginChild("tightness-explain", ImVec2(right, bottom_h), false);
        drawExplanation(d);
        ImGui::EndChild();
    } else {
        const float h = std::max(fs * 16, avail.y * 0.7f);
        drawFractionPlot(s, d, ImVec2(avail.x, h));
        drawReadoutTable(s, d);
        drawRatioPlot(d, ImVec2(avail.x, std::max(fs * 12, h * 0.7f)));
        drawExplanation(d);
    }
}

bool TightnessView::drawPlot(const std::string& id, ImVec2 size) {
    runner_.drawStatus();
    ensemble_runs_.drawStatus();
    cert_.drawStatus();
    size.y = ImGui::GetContentRegionAvail().y;
    if (id == "tightness-fraction")
        drawFractionPlot(runner_.last(), cert_.last(), size, true);
    else if (id == "tightness-ratio")
        drawRatioPlot(cert_.last(), size);
    else
        return false;
    return true;
}

void TightnessView::drawReadoutTable(const SimulationSnapshot* s, const CertificateTask::Done* d) {
    const double theta = theta_, c = c_;
    const OverlayPoint& at = curves_.at;
    const double alpha_a = at.worst_failing;
    const BoundDetail& b = at.thm8;
    ImGui::TextWrapped("Fraction of skills with competence \u2264 c = %.3g", c);
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("tightness-readouts", 4, flags)) return;
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("curve", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("at c", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("\u00f7 \u03b1_A", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    auto row = [&](const Look& look, const std::string& name, const char* note, double v, bool have) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::LineSwatch(look.color, look.style, look.thickness);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(name.c_str());
        if (note && *note) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", note);
            ImGui::PopStyleColor();
        }
        ImGui::TableNextColumn();
        constexpr double kTiny = 1e-6;  // below this a fraction reads as "none" in words
        ImGui::TextUnformatted(!have ? "\u2013" : v > 0 && v < kTiny ? "< 10\u207b\u2076" : formatFixed(v).c_str());
        ImGui::TableNextColumn();
        if (have && alpha_a > 0 && v >= kTiny)
            ImGui::TextUnformatted(("\u00d7" + ui::formatNumber(v / alpha_a, 3)).c_str());
        else
            ImGui::TextUnformatted("\u2013");
    };
    row(kThm8, "Thm 8 bound",
        std::isfinite(b.alpha_star) ? "N\u2082 \u2192 \u221e, min(1, \u03b1*, 1/\u03b2)"
                                    : "Markov only (\u03b1* = \u221e)",
        b.alpha_bound, true);
    const double rho = double(n1_) / double(n2_);
    row(kFinite, "Thm 8, finite size", ("\u03c1 = N\u2081/N\u2082 = " + ui::formatNumber(rho, 3)).c_str(),
        1 - at.finite_competent, true);
    std::string cert_note = "mixing lemma: this graph, every Y";
    double cert_v = 0;
    if (d) {
        const MixingCertificate mc = d->certifier->certify(theta, c);
        cert_v = mc.frac;
        cert_note += "; limit: " + mc.limit;
    } else {
        cert_note += " at once; " + std::string(cert_.waitingNote());
    }
    row(kCert, "certificate", cert_note.c_str(), cert_v, d != nullptr);
    row(kWorst, "exact worst case \u03b1_A", "N\u2082/N\u2081 \u2192 \u221e", alpha_a, true);
    const bool sim_here = s && s->params.c == c && s->params.theta == theta;
    row(kAdversary, "simulated adversary", sim_here ? "one Y found for this c on this graph" : runner_.waitingNote(),
        sim_here ? s->result.skills.fracAtMostC() : 0, sim_here);
    row(kRandom, "random failure set",
        ("expected, P[Bin(" + ui::formatNumber(double(at.degree), 5) + ", \u03b8) \u2265 (1\u2212c)d]").c_str(),
        at.random_failing, true);
    row(kMarkov, "Markov \u03b8/(1\u2212c)", "from the mean alone", 1 - at.markov_competent, true);
    ImGui::EndTable();
}

void TightnessView::drawFractionPlot(const SimulationSnapshot* s, const CertificateTask::Done* d, ImVec2 size,
                                     bool legend) {
    const Curves& t = curves_;
    // The read-out table is the legend beside the plot; alone (embed) the plot carries its own.
    auto name = [legend](const char* n) { return legend ? n + 2 : n; };
    const bool logy = logy_ == "on";
    const std::string title = "Fraction of skills with competence \u2264 c   (\u03b8 = " + ui::formatNumber(theta_, 3) +
                              ", k = " + std::to_string(k_) + ")";
    if (!ui::BeginPlot("tightness-fraction", title.c_str(), {"competence level c", ui::Scale::Linear, 0, 1},
                       {logy ? "fraction of skills (log scale)" : "fraction of skills",
                        logy ? ui::Scale::Log10 : ui::Scale::Linear, logy ? 1e-4 : 0, logy ? 1.3 : 1.02},
                       size))
        return;
    ui::PlotLine(name(kMarkovName), t.c, t.markov, kMarkov.color, kMarkov.style, kMarkov.thickness);
    ui::PlotLine(name(kRandomName), t.c, t.random, kRandom.color, kRandom.style, kRandom.thickness);
    ui::PlotLine(name(kWorstName), t.c, t.worst, kWorst.color, kWorst.style, kWorst.thickness);
    ui::PlotLine(name(kThm8Name), t.c, t.thm8, kThm8.color, kThm8.style, kThm8.thickness);
    ui::PlotLine(name(kFiniteName), t.c, t.finite, kFinite.color, kFinite.style, kFinite.thickness);
    if (d)
        ui::PlotLine(name(kCertName), t.c, cert_.failingCurve(theta_, t.c), kCert.color, kCert.style, kCert.thickness);
    if (const EnsembleBands* e = ensemble_runs_.bands()) {  // competence < c fails: 1 - the band, flipped
        std::vector<double> lo, hi;
        for (const SampleBand& b : e->curve) lo.push_back(1 - b.max), hi.push_back(1 - b.min);
        const std::vector<uint64_t>& seeds = ensemble_runs_.seeds();
        ui::PlotBand(("adversary, min\u2013max over seeds " + std::to_string(seeds.front()) + "\u2013" +
                      std::to_string(seeds.back()))
                         .c_str(),
                     e->c, lo, hi, kAdversary.color);
    }
    if (s) {
        std::vector<double> x, y;
        for (const CompetencePoint& p : s->result.skills.curve()) {
            x.push_back(p.c);
            y.push_back(1 - p.frac);  // fraction with competence < c
        }
        ui::PlotLine(name(kAdversaryName), x, y, kAdversary.color, kAdversary.style, kAdversary.thickness);
        ui::PlotMarkers("##adversary at its c", {s->params.c}, {s->result.skills.fracAtMostC()}, kAdversary.color,
                        5.0f);
    }
    ui::PlotVLine(c_, "c", kCColor, ui::LineStyle::Dashed);
    ui::PlotVLine(1 - theta_, "", 6, ui::LineStyle::Dotted);  // 1 - theta: every bound reaches 1 there
    ui::EndPlot();
}

void TightnessView::drawRatioPlot(const CertificateTask::Done* d, ImVec2 size) {
    const Curves& t = curves_;
    std::vector<double> thm8(t.c.size()), finite(t.c.size()), cert(t.c.size());
    const std::vector<double>& certified = cert_.failingCurve(theta_, t.c);
    for (size_t j = 0; j < t.c.size(); ++j) {
        const double w = t.worst[j] > 0 ? t.worst[j] : std::nan("");
        thm8[j] = t.thm8[j] / w;
        finite[j] = t.finite[j] / w;
        cert[j] = d ? certified[j] / w : std::nan("");
    }
    ui::SetNextLegendCorner(ui::LegendCorner::TopRight);
    if (!ui::BeginPlot("tightness-ratio", "How loose: bound \u00f7 exact worst case \u03b1_A",
                       {"competence level c", ui::Scale::Linear, 0, 1},
                       {"ratio (log scale)", ui::Scale::Log10, 0.8, 30}, size))
        return;
    ui::PlotLine("Thm 8", t.c, thm8, kThm8.color, kThm8.style, kThm8.thickness);
    ui::PlotLine("Thm 8, finite size", t.c, finite, kFinite.color, kFinite.style, kFinite.thickness);
    if (d) ui::PlotLine("certificate", t.c, cert, kCert.color, kCert.style, kCert.thickness);
    ui::PlotHLine(1, "", kWorst.color, ui::LineStyle::Dashed);  // bound = worst case
    ui::PlotVLine(c_, "c", kCColor, ui::LineStyle::Dashed);
    ui::EndPlot();
}

void TightnessView::drawExplanation(const CertificateTask::Done* d) {
    const OverlayPoint& at = curves_.at;
    ImGui::TextWrapped(
        "Every curve counts the skills a failure set Y of measure \u03b8 leaves with competence \u2264 c. "
        "The upper three (%s, %s) are guarantees: no Y can do worse. The lower ones are what a Y actually does. "
        "At c = 1 \u2212 \u03b8 (dotted line) a Y can spoil every skill a little, and no bound is left.",
        ui::colourName(kThm8.color), ui::colourName(kCert.color));
    ImGui::TextWrapped(
        "Thm 8 is a union bound over all Y and all skill sets for a random graph, so it is loose: "
        "about %s\u00d7 the exact worst case \u03b1_A at c = %.2g. The certificate is about this one graph: "
        "its second singular value says how evenly the graph spreads every Y, with no \"with high probability\". "
        "It can be tighter than Thm 8 at small c (large gaps \u03c4 \u2212 \u03b8 favour it) and looser near 1 \u2212 "
        "\u03b8, "
        "where it falls back on counting edges, like Markov.",
        ui::formatNumber(at.worst_failing > 0 ? (1 - at.thm8.frac) / at.worst_failing : std::nan(""), 2).c_str(), c_);
    ImGui::TextWrapped(
        "The adversary (%s) searches this graph for the worst Y aiming at c: it lands close to \u03b1_A, so the worst "
        "case is real. A random Y (%s) almost never hurts a skill: a typical model is far from the case the "
        "theorem guards against.",
        ui::colourName(kAdversary.color), ui::colourName(kRandom.color));
    if (d && d->certifier)
        mutedText("%s; \u03c3\u2082(B) = %.4g, \u03c3\u2081 = %.4g.", sigmaBoundText(d->spectral).c_str(),
                  d->spectral.sigma2, d->spectral.sigma1);
}

}  // namespace slingshot::app
