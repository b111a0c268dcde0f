#include "app/view_curves.h"

#include "app/model_params.h"
#include "app/plot.h"
#include "app/widgets.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace slingshot::app {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
std::string modelLabel(const std::string& name) {
    const std::vector<std::string>& choices = cliParam("bound", "tuples").choices;  // t2, t2exact, t1, p
    for (size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == name) return tupleModelLabels()[i];
    return name;
}

ParamSpec familySpec() {
    return viewParam("family", ParamKind::Choice,
                     "which curves the left plot compares: theta = {2θ, θ, θ/2, θ/4} at one k; k = the list ks at θ", 0,
                     0, {"theta", "k"});
}
ParamSpec thetaSpec() {
    ParamSpec p = cliParam("bound", "theta");
    p.help = "failure measure θ of model M1 (fraction of text pieces it fails); anchors the θ family";
    return p;
}
ParamSpec kSpec() { return cliParam("adversary", "k"); }
ParamSpec ksSpec() {
    ParamSpec p =
        viewParam("ks", ParamKind::IntList, "skills per text piece k of each curve in the k family", 1, 10000);
    p.max_list = 6;
    return p;
}
ParamSpec kprimeSpec() {
    ParamSpec p = cliParam("emergence", "kprime");
    p.help = "tuple sizes k' of the Cor 13 overlay (M2 has failure measure θ/k')";
    p.max_list = 4;
    return p;
}
ParamSpec tuplesSpec() { return cliParam("bound", "tuples"); }
ParamSpec rhoSpec() {
    ParamSpec p = cliParam("bound", "rho");
    p.help = "finite size ρ = N1/N2 (skills per text piece in the population); 0 hides the finite-size curves";
    return p;
}
ParamSpec degreeSpec() {
    ParamSpec p = cliParam("adversary", "degree");
    p.help = "skill degree (text pieces per skill) of the random failure set's binomial";
    return p;
}
ParamSpec certificateSpec() {
    return viewParam("certificate", ParamKind::Choice,
                     "draw the mixing-lemma certificate of a sampled graph with N1 skills, N2 pieces, the view's k and "
                     "the seed (on/off)",
                     0, 0, {"on", "off"});
}
ParamSpec onOff(const char* name, const char* help) {
    ParamSpec p = viewParam(name, ParamKind::Choice, help, 0, 0, {"on", "off"});
    return p;
}

// Short names for legends: T2, T2 exact, T1, route P.
std::string shortModel(const std::string& name) {
    return name == "t2" ? "T2" : name == "t2exact" ? "T2 exact" : name == "t1" ? "T1" : "route P";
}

std::string thetaText(double theta) { return ui::formatNumber(theta, 4); }

}  // namespace

CurvesView::CurvesView() {
    c_.resize(kPoints);
    for (int i = 0; i < kPoints; ++i) c_[i] = static_cast<double>(i) / (kPoints - 1);
}

std::vector<ParamBinding> CurvesView::bindings() {
    return {
        {familySpec(), &family_},
        {thetaSpec(), &theta_},
        {kSpec(), &k_},
        {ksSpec(), &ks_},
        {kprimeSpec(), &kprimes_},
        {tuplesSpec(), &tuples_},
        {rhoSpec(), &rho_},
        {onOff("worst", "draw the exact worst case 1 − α_A (dotted), THEORY §3.3"), &worst_},
        {onOff("random", "draw a uniformly random failure set (markers), binomial expectation"), &random_},
        {degreeSpec(), &degree_},
        {onOff("contrast", "draw the two other k'-tuple models for the first k' (thin)"), &contrast_},
        {certificateSpec(), &certificate_},
        {certifyParam("n1"), &cert_n1_},
        {certifyParam("n2"), &cert_n2_},
        {certifyParam("seed"), &cert_seed_},
    };
}

CurvesView::Inputs CurvesView::inputs() const {
    return {family_, theta_, k_, ks_, kprimes_, tuples_, worst_, random_, contrast_, rho_, degree_};
}

void CurvesView::recompute() {
    last_ = inputs();
    have_ = true;
    const TupleModel model = tupleModelFromName(tuples_).value_or(TupleModel::T2);
    const double k = static_cast<double>(k_);
    auto curve = [&](auto&& f) {
        std::vector<double> y(c_.size());
        for (size_t i = 0; i < c_.size(); ++i) y[i] = f(c_[i]);
        return y;
    };

    members_.clear();
    if (family_ == "k") {
        for (long long kk : ks_)
            members_.push_back({"k = " + std::to_string(kk), theta_, static_cast<double>(kk), {}, {}, {}, {}});
    } else {
        for (int i = 0; i < 4; ++i) {
            double th = std::min(1.0, theta_ * std::ldexp(1.0, 1 - i));  // 2θ, θ, θ/2, θ/4
            members_.push_back({"θ = " + thetaText(th), th, k, {}, {}, {}, {}});
        }
    }
    for (Member& m : members_) {
        m.bound = curve([&](double c) { return fracCompetent(m.theta, c, m.k); });
        m.finite =
            rho_ > 0 ? curve([&](double c) { return fracCompetent(m.theta, c, m.k, rho_); }) : std::vector<double>{};
        // Tightness overlays are defined for a failure level tau = 1 - c > 0 (c < 1).
        m.worst = worst_ == "on" ? curve([&](double c) {
            return c < 1 ? 1 - greedyAdversaryAlpha(m.theta, 1 - c, static_cast<int>(m.k)) : kNaN;
        })
                                 : std::vector<double>{};
        m.random = random_ == "on"
                       ? curve([&](double c) { return c < 1 ? 1 - randomYFraction(m.theta, 1 - c, degree_) : kNaN; })
                       : std::vector<double>{};
    }

    // Cor 13: single skills of M1 at θ against k'-tuples of M2 at θ/k' (and of M1 itself).
    m1_ = curve([&](double c) { return fracCompetent(theta_, c, k); });
    tuples_curves_.clear();
    cor13_diff_.clear();
    for (long long kp : kprimes_) {
        const int kpi = static_cast<int>(kp);
        Tuple t{kp, curve([&](double c) { return fracTuples(model, theta_ / kpi, c, k, kpi); }),
                curve([&](double c) { return fracTuples(model, theta_, c, k, kpi); })};
        double diff = 0;
        for (size_t i = 0; i < c_.size(); ++i) diff = std::max(diff, std::fabs(t.m2[i] - m1_[i]));
        cor13_diff_.push_back(diff);
        tuples_curves_.push_back(std::move(t));
    }
    contrast_a_.clear();
    contrast_b_.clear();
    if (contrast_ == "on" && !kprimes_.empty() && kprimes_[0] > 1) {
        const int kp = static_cast<int>(kprimes_[0]);
        std::vector<std::string> others;
        for (const char* name : {"t2", "t1", "p"})
            if (name != tuples_ && !(tuples_ == "t2exact" && std::string(name) == "t2")) others.push_back(name);
        if (others.size() > 2) others.resize(2);
        auto of = [&](const std::string& name) {
            TupleModel m = *tupleModelFromName(name);
            return curve([&](double c) { return fracTuples(m, theta_ / kp, c, k, kp); });
        };
        contrast_a_ = of(others[0]);
        contrast_a_name_ = shortModel(others[0]) + ", k'=" + std::to_string(kp) + " at θ/" + std::to_string(kp);
        contrast_b_ = of(others[1]);
        contrast_b_name_ = shortModel(others[1]) + ", k'=" + std::to_string(kp) + " at θ/" + std::to_string(kp);
    }
}

void CurvesView::update() {
    if (certificateOn()) cert_.update(graphKey(), 8.0);
}

void CurvesView::controls() {
    ImGui::SeparatorText("Curves to compare");
    int fam = family_ == "k" ? 1 : 0;
    ImGui::RadioButton("θ family", &fam, 0);
    paramTooltip(familySpec(), "Four models, each failing half as many pieces as the last (≈ 10× more scale).");
    sameLineIfFits(boxedLabelWidth("k family"));
    ImGui::RadioButton("k family", &fam, 1);
    paramTooltip(familySpec(), "One θ, several numbers k of skills per text piece.");
    family_ = fam == 1 ? "k" : "theta";

    logSlider("θ of model M₁ (failed text pieces)", &theta_, 1e-3, 0.49);
    paramTooltip(thetaSpec(),
                 family_ == "theta" ? "The left plot shows 2θ, θ, θ/2 and θ/4." : "All curves share this θ.");
    ImGui::TextUnformatted("k (skills per text piece)");
    ImGui::SetNextItemWidth(-1);
    long long klo = 1, khi = 64;
    ImGui::SliderScalar("##k", ImGuiDataType_S64, &k_, &klo, &khi, "%lld", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(kSpec(),
                 "More skills per piece spread each failure over more skills: curves rise (Ctrl+click to type).");
    if (family_ == "k") {
        ImGui::TextUnformatted("k of each curve");
        intListInput("##ks", &ks_, ksSpec());
    }

    ImGui::SeparatorText("Overlays (single skills)");
    onOffCheckbox("exact worst case 1 − α_A (dotted)", &worst_);
    paramTooltip(bindings()[7].spec,
                 "The best an adversary can do as N₂/N₁ → ∞: the guarantee is valid but about 1.3–3× loose.");
    onOffCheckbox("random failure set (markers)", &random_);
    paramTooltip(bindings()[8].spec,
                 "Typical failures, not the worst: almost every skill stays at competence ≈ 1 − θ.");
    if (random_ == "on") {
        double d = static_cast<double>(degree_);
        if (logSlider("skill degree d̄ of the random set", &d, 10, 1e5)) degree_ = std::llround(d);
        paramTooltip(degreeSpec());
    }
    ImGui::TextUnformatted("finite size ρ = N₁/N₂ (0 = off)");
    ImGui::SetNextItemWidth(-1);
    double rlo = 0, rhi = 0.2;
    ImGui::SliderScalar("##rho", ImGuiDataType_Double, &rho_, &rlo, &rhi, "%.4g", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(rhoSpec(), "Adds ρ·H(α) to the exponent: dashed curves, slightly lower than the asymptotic ones.");

    ImGui::SeparatorText("Certificate of a sampled graph");
    onOffCheckbox("certificate (dash-dot)", &certificate_);
    paramTooltip(certificateSpec(),
                 "Proved for one sampled graph from its second singular value: every failure set of "
                 "measure θ leaves at least this fraction competent (THEORY 8).");
    if (certificateOn()) {
        intSlider("N₁  skills of the graph", &cert_n1_, certifyParam("n1"), true,
                  "Lanczos works in dimension N₁: larger N₁ costs memory and time.", 2, 100000);
        intSlider("N₂  text pieces of the graph", &cert_n2_, certifyParam("n2"), true,
                  "More pieces per skill: the certificate approaches Thm 8 (finite size ρ = N₁/N₂).", 100, 10000000);
        seedInput(&cert_seed_, certifyParam("seed"),
                  "Same seed, same graph as slingshot-cli certify and the other views.",
                  "Next seed: a new random graph and its certificate");
    }

    ImGui::SeparatorText("k'-tuples (Cor 13)");
    ImGui::TextUnformatted("tuple sizes k'");
    intListInput("##kprime", &kprimes_, kprimeSpec());
    ImGui::TextUnformatted("tuple model");
    choiceCombo("##tuples", &tuples_, tuplesSpec(), tupleModelLabels());
    paramTooltip(tuplesSpec(), "T2 makes Cor 13 exact; T1 and P are other readings of the paper.");
    onOffCheckbox("show the other models (thin)", &contrast_);
    uncertainNote(
        "The paper's k'-tuple construction is not known exactly. T2 (a k'-piece fails if any of its pieces "
        "fails) is the only reading under which Cor 13 holds as \"identical\"; T1 and route P are "
        "contrasts. The figure is our reconstruction.");
}

bool CurvesView::ensureComputed() {
    if (have_ && inputs() == last_) return true;
    try {
        recompute();
        return true;
    } catch (const std::exception& e) {
        members_.clear();
        tuples_curves_.clear();
        have_ = false;
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "Cannot draw these parameters: %s", e.what());
        return false;
    }
}

bool CurvesView::drawPlot(const std::string& id, ImVec2 size) {
    if (id != "curves-family" && id != "curves-cor13") return false;
    if (!ensureComputed()) return true;
    if (id == "curves-family") {
        if (certificateOn()) cert_.drawStatus();
        drawFamilyPlot(ImVec2(size.x, ImGui::GetContentRegionAvail().y));
    } else {
        drawCor13Plot(size);
    }
    return true;
}

void CurvesView::main() {
    if (!ensureComputed()) return;
    if (certificateOn()) {
        cert_.drawStatus();
        cert_.drawSummary();
    }
    const float fs = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool side = avail.x >= fs * 44;
    const float textH = fs * (side ? 6.5f : 3.0f);  // stacked: the explanation scrolls below the plots
    const float plotH = side ? std::max(fs * 14, avail.y - textH) : std::max(fs * 13, (avail.y - textH) * 0.5f);
    const float plotW = side ? (avail.x - ImGui::GetStyle().ItemSpacing.x) * 0.5f : -1;

    drawFamilyPlot(ImVec2(plotW, plotH));
    if (side) ImGui::SameLine();
    drawCor13Plot(ImVec2(plotW, plotH));

    // Cor 13 read-out: the largest gap between the M2 tuple curves and the M1 single-skill curve.
    std::string diffs;
    for (size_t j = 0; j < cor13_diff_.size(); ++j)
        diffs += (j ? ",  " : "") + std::string("k'=") + std::to_string(kprimes_[j]) + ": " +
                 ui::formatNumber(cor13_diff_[j], 3);
    ImGui::TextWrapped("Cor 13 check, max over c of |M₂ k'-tuple curve − M₁ single-skill curve|:  %s", diffs.c_str());
    if (tuples_ != "t2") mutedText("(not 0 under %s: only T2 makes the curves identical)", modelLabel(tuples_).c_str());
    ImGui::TextWrapped(
        "Thm 8: with k random skills per text piece and any set of failed pieces of measure θ, at most a fraction α of "
        "skills have competence ≤ c = 1 − βθ whenever H(θ) − kθ·KL(βα‖α) < 0 (the paper writes −KL as "
        "H(βα) − βα ln 1/α − (1−βα) ln 1/(1−α)). Plotted: y = 1 − min(1, α*, θ/(1 − c)); it falls to 0 at c = 1 − θ. "
        "Halving θ (about 10× the scale) moves the curve right. Cor 13: the k'-tuple curve of a model with θ/k' is "
        "exactly the single-skill curve at θ. Dash-dot: the certificate of one sampled graph (expander mixing lemma "
        "with "
        "its σ): a bound that holds for that very graph, not only with high probability.");
}

void CurvesView::drawFamilyPlot(ImVec2 size) {
    const std::string kText = std::to_string(k_);
    ui::Axis ax{"competence level c", ui::Scale::Linear, 0, 1};
    ui::SetNextLegendCorner(ui::LegendCorner::BottomLeft);
    std::string title = family_ == "k" ? "Thm 8 performance curves at θ = " + thetaText(theta_) + " (reconstruction)"
                                       : "Thm 8 performance curves, k = " + kText + " (reconstruction)";
    if (ui::BeginPlot("curves-family", title.c_str(), ax,
                      {"fraction of skills with competence ≥ c", ui::Scale::Linear, 0, 1.02}, size)) {
        for (size_t i = 0; i < members_.size(); ++i) {
            const Member& m = members_[i];
            int col = static_cast<int>(i);
            if (!m.finite.empty())
                ui::PlotLine(("##" + m.label + ", finite size").c_str(), c_, m.finite, col, ui::LineStyle::Dashed,
                             1.5f);
            if (!m.worst.empty())
                ui::PlotLine(("##" + m.label + ", worst case 1 − α_A").c_str(), c_, m.worst, col, ui::LineStyle::Dotted,
                             2.0f);
            if (!m.random.empty()) {
                std::vector<double> xs, ys;  // every 5th point keeps the markers apart
                for (size_t j = 0; j < c_.size(); j += 5) xs.push_back(c_[j]), ys.push_back(m.random[j]);
                ui::PlotMarkers(("##" + m.label + ", random failure set").c_str(), xs, ys, col, 2.5f);
            }
            if (certificateOn() && cert_.last() && m.k == static_cast<double>(cert_.last()->key.k))
                ui::PlotLine(("##" + m.label + ", certificate").c_str(), c_, cert_.competentCurve(m.theta, c_), col,
                             ui::LineStyle::DashDot, 2.0f);
            ui::PlotLine(m.label.c_str(), c_, m.bound, col);
        }
        if (worst_ == "on") ui::PlotLegendLine("exact worst case 1 − α_A", 6, ui::LineStyle::Dotted, 2.0f);
        if (random_ == "on")
            ui::PlotLegendMarkers(("random failure set, d̄ = " + std::to_string(degree_)).c_str(), 6, 2.5f);
        if (certificateOn() && cert_.last()) {
            const GraphKey& g = cert_.last()->key;
            const std::string name = "certificate, graph N₁ = " + ui::formatNumber(double(g.n1)) +
                                     ", N₂ = " + ui::formatNumber(double(g.n2)) + ", k = " + std::to_string(g.k) +
                                     (cert_.stale() ? " (previous)" : "");
            ui::PlotLegendLine(name.c_str(), 6, ui::LineStyle::DashDot, 2.0f);
        }
        if (rho_ > 0)
            ui::PlotLegendLine(("finite size ρ = " + ui::formatNumber(rho_, 3)).c_str(), 6, ui::LineStyle::Dashed,
                               1.5f);
        ui::EndPlot();
    }
}

void CurvesView::drawCor13Plot(ImVec2 size) {
    const ui::Axis ax{"competence level c", ui::Scale::Linear, 0, 1};
    ui::SetNextLegendCorner(ui::LegendCorner::BottomLeft);
    std::string t2 = "Cor 13: k'-tuples of M₂ (θ/k') = skills of M₁ (θ = " + thetaText(theta_) + ")";
    if (ui::BeginPlot("curves-cor13", t2.c_str(), ax,
                      {"fraction of skills / k'-tuples with competence ≥ c", ui::Scale::Linear, 0, 1.02}, size)) {
        ui::PlotLine(("skills, M₁ at θ = " + thetaText(theta_)).c_str(), c_, m1_, 0, ui::LineStyle::Solid, 5.0f);
        for (size_t j = 0; j < tuples_curves_.size(); ++j) {
            const Tuple& t = tuples_curves_[j];
            const std::string kp = std::to_string(t.kprime);
            int col = 1 + static_cast<int>(j) % 5;
            if (j == 0)  // one is enough to show that tuples of the same model are far worse
                ui::PlotLine(("k'=" + kp + ", M₁ at θ (before scaling)").c_str(), c_, t.before, col,
                             ui::LineStyle::Solid, 1.2f);
            ui::PlotLine(("k'=" + kp + ", M₂ at θ/" + kp + " (" + tuples_ + ")").c_str(), c_, t.m2, col,
                         ui::LineStyle::Dashed, 2.5f);
        }
        if (!contrast_a_.empty()) {
            ui::PlotLine(contrast_a_name_.c_str(), c_, contrast_a_, 4, ui::LineStyle::Dotted, 2.0f);
            ui::PlotLine(contrast_b_name_.c_str(), c_, contrast_b_, 5, ui::LineStyle::Dotted, 2.0f);
        }
        ui::EndPlot();
    }
}

}  // namespace slingshot::app
