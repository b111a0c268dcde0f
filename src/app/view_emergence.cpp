#include "app/view_emergence.h"

#include "app/page_limits.h"
#include "app/plot.h"
#include "app/simulation_runner.h"
#include "app/widgets.h"
#include "core/theory/skill_counts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot::app {
namespace {

constexpr double kSimBudgetMs = 8;  // per frame

ParamSpec kprimeSpec() {
    ParamSpec p = cliParam("emergence", "kprime");
    p.max_list = 6;
    return p;
}
ParamSpec simSpec() {
    return viewParam("sim", ParamKind::Choice,
                     "simulated points: a random failure set of measure θ(N) on a sampled skill graph at each N", 0, 0,
                     {"on", "off"});
}
ParamSpec simRangeSpec(const char* name, const char* help) {
    ParamSpec p = viewParam(name, ParamKind::Number, help, 0, 1e40);
    p.open_min = true;
    return p;
}
ParamSpec simPointsSpec() {
    return viewParam("sim-points", ParamKind::Integer, "number of simulated model sizes (log-spaced)", 2, 12);
}
ParamSpec simN1Spec() {
    ParamSpec p = cliParam("simulate", "n1");
    p.name = "sim-n1";
    p.max = 1000;  // pairs: N1² ordered tuples
    return p;
}
ParamSpec atSpec() {
    ParamSpec p = cliParam("scaling", "n");
    p.help = "model size N of the player's marker (parameters)";
    return p;
}
ParamSpec simN2Spec() {
    ParamSpec p = cliParam("simulate", "n2");
    p.name = "sim-n2";
    p.max = 2e6;  // keeps each point well under a second in the browser
    return p;
}

std::string kpLabel(int kp) { return kp == 1 ? "skills (k'=1)" : "k'=" + std::to_string(kp) + " tuples"; }

}  // namespace

EmergenceView::EmergenceView()
    : sim_runs_(
          kSimLanes, JobKind::Simulation, [](const SimulationParams& p) { return simulationRequest(p, 0); },
          [](const SimulationParams& p, const Bytes& result) {
              const auto snapshot = simulationSnapshotOf(result);
              const SimulationResult& r = snapshot->result;
              auto pt = std::make_unique<SimPoint>(SimPoint{0, p.theta, 1 - r.skills.fracBelowC(), std::nullopt});
              if (r.tuples) pt->frac_pairs = 1 - r.tuples->summary.fracBelowC();
              return pt;
          }) {}

std::vector<ParamBinding> EmergenceView::bindings() {
    std::vector<ParamBinding> b;
    params_.addBindings(b);
    b.push_back({kprimeSpec(), &kprimes_});
    b.push_back({cliParam("emergence", "target"), &target_});
    b.push_back({cliParam("emergence", "from"), &from_});
    b.push_back({cliParam("emergence", "to"), &to_});
    b.push_back({cliParam("emergence", "zipf"), &zipf_});
    b.push_back({cliParam("emergence", "n1"), &n1_});
    b.push_back(models_.binding());
    b.push_back({simSpec(), &sim_});
    b.push_back({cliParam("simulate", "seed"), &seed_});
    b.push_back({ensembleSpec(), &ensemble_});
    b.push_back({atSpec(), &at_});
    for (const ParamBinding& p : player_.bindings()) b.push_back(p);
    b.push_back({simRangeSpec("sim-from", "smallest simulated model size N (parameters)"), &sim_from_});
    b.push_back({simRangeSpec("sim-to", "largest simulated model size N (parameters)"), &sim_to_});
    b.push_back({simPointsSpec(), &sim_points_});
    b.push_back({simN1Spec(), &sim_n1_});
    b.push_back({simN2Spec(), &sim_n2_});
    return b;
}

EmergenceView::TheoryInputs EmergenceView::theoryInputs() const {
    return {params_, kprimes_, target_, from_, to_, zipf_, n1_};
}

EmergenceView::SimInputs EmergenceView::simInputs() const {
    SimInputs s{{}, {}, params_.c, params_.k, seed_, sim_n1_, sim_n2_, ensemble_, sim_ == "on"};
    if (!s.on || !(sim_from_ > 0) || !(sim_to_ > sim_from_) || sim_points_ < 2) return s;
    EmergenceModel m = params_.model();
    for (long long i = 0; i < sim_points_; ++i) {
        double n =
            sim_from_ * std::pow(sim_to_ / sim_from_, static_cast<double>(i) / static_cast<double>(sim_points_ - 1));
        s.n_params.push_back(n);
        s.theta.push_back(thetaAt(m, n).theta);
    }
    return s;
}

void EmergenceView::recomputeTheory() {
    last_ = theoryInputs();
    have_ = true;
    error_.clear();
    try {
        const EmergenceModel m = params_.model();
        std::vector<int> kps(kprimes_.begin(), kprimes_.end());
        if (!(from_ < to_)) throw std::invalid_argument("from must be below to");
        sweepEmergence(m, kps, from_, to_, kPoints, sweep_);
        thresholds_ = emergenceThresholds(m, kps, target_);

        // Zipf: the N at which the skill of rank r (and a pair of two rank-r skills) is guaranteed.
        ranks_.clear();
        for (int i = 0; i <= 48; ++i) {
            double r = std::round(std::pow(static_cast<double>(n1_), i / 48.0));
            if (ranks_.empty() || r > ranks_.back()) ranks_.push_back(r);
        }
        zipf_n_.assign(2, std::vector<double>(ranks_.size(), NAN));
        const bool pairs = params_.tuples != "p";
        for (size_t i = 0; i < ranks_.size(); ++i) {
            double mu = zipfMeasure(n1_, zipf_, static_cast<long long>(ranks_[i]));
            if (auto n = nForMeasure(m, mu, 1)) zipf_n_[0][i] = *n;
            if (pairs)
                if (auto n = nForMeasure(m, mu * mu, 2)) zipf_n_[1][i] = *n;
        }
        bands_.clear();
        for (long long lo = 1, hi = 1;; lo = hi + 1, hi = std::min(n1_, hi * 10)) {  // ranks 1, 2-10, 11-100, ...
            bands_.push_back({lo, hi, nForMeasure(m, zipfMeasure(n1_, zipf_, hi), 1)});
            if (hi >= n1_) break;
        }
    } catch (const std::exception& e) {
        error_ = e.what();
    }
}

SimulationParams EmergenceView::pointParams(const SimInputs& in, size_t i, size_t member) const {
    SimulationParams p;
    p.n1 = static_cast<uint32_t>(in.n1);
    p.n2 = static_cast<uint64_t>(in.n2);
    p.k = static_cast<uint32_t>(in.k);
    p.theta = in.theta[i];
    p.failure = FailureMode::Random;
    p.c = in.c;
    p.kprime = 2;
    p.tuples = TupleReading::T2;
    p.seed = static_cast<uint64_t>(in.seed) + member * in.n_params.size() + i;
    p.max_pieces = kMaxPiecesBrowser;
    return p;
}

const EmergenceView::Marker& EmergenceView::markerNow() {
    if (marker_.n == at_ && marker_.theory == last_) return marker_;
    marker_ = {at_, last_, {}};
    const EmergenceModel m = params_.model();
    for (int kp : sweep_.kprimes) marker_.frac.push_back(guaranteedFraction(m, at_, kp));
    return marker_;
}

void EmergenceView::update() {
    player_.advance(&at_, from_, to_, ImGui::GetIO().DeltaTime);
    intervals_.update(params_, kprimes_, target_, kSimBudgetMs / 2);
    models_.update(params_, kprimes_);
    SimInputs now;
    try {
        now = simInputs();
    } catch (const std::exception& e) {
        sim_error_ = e.what();
        return;
    }
    std::vector<SimulationParams> wanted;
    if (now.on)
        for (size_t j = 0; j < size_t(now.seeds); ++j)
            for (size_t i = 0; i < now.n_params.size(); ++i) wanted.push_back(pointParams(now, i, j));
    if (!sim_last_ || !(now == *sim_last_)) sim_error_.clear();
    sim_last_ = now;
    sim_runs_.update(wanted, kSimBudgetMs, 0);  // no debounce: the inputs above have already changed
    if (!sim_runs_.error().empty()) sim_error_ = sim_runs_.error();
    // The points and bands change only when a run finishes or the inputs change, not every frame.
    if (sim_runs_.finished() != collected_runs_ || !(now == collected_for_)) {
        collected_runs_ = sim_runs_.finished();
        collected_for_ = now;
        collectSimulated(now);
    }
}

void EmergenceView::collectSimulated(const SimInputs& in) {
    const size_t points = in.on ? in.n_params.size() : 0;
    sim_done_.clear();
    sim_bands_.clear();
    for (size_t i = 0; i < points; ++i) {
        if (const SimPoint* first = sim_runs_.result(i)) {
            sim_done_.push_back(*first);
            sim_done_.back().n_params = in.n_params[i];
        }
        if (in.seeds < 2) continue;
        std::vector<double> skills, pairs;
        for (size_t j = 0; j < size_t(in.seeds); ++j)
            if (const SimPoint* pt = sim_runs_.result(j * points + i)) {
                skills.push_back(pt->frac_skills);
                if (pt->frac_pairs) pairs.push_back(*pt->frac_pairs);
            }
        if (skills.size() < 2) continue;
        SimBand b{in.n_params[i], sampleBand(skills, kEnsembleBandLevel), std::nullopt};
        if (pairs.size() == skills.size()) b.pairs = sampleBand(pairs, kEnsembleBandLevel);
        sim_bands_.push_back(b);
    }
}

void EmergenceView::controls() {
    ImGui::SeparatorText("What counts as competent");
    params_.levelControls();
    ImGui::TextUnformatted("target fraction (threshold markers)");
    ImGui::SetNextItemWidth(-1);
    double tlo = 0.01, thi = 0.99;
    ImGui::SliderScalar("##target", ImGuiDataType_Double, &target_, &tlo, &thi, "%.2f", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(cliParam("emergence", "target"), "The vertical lines mark the N where each curve reaches it.");
    ImGui::TextUnformatted("tuple sizes k'");
    intListInput("##kprime", &kprimes_, kprimeSpec());
    params_.tupleControls();

    ImGui::SeparatorText("From model size to θ");
    params_.lawControls();

    ImGui::SeparatorText("Play over model size");
    logSlider("marker at model size N", &at_, from_, to_);
    paramTooltip(atSpec(), "Where each curve stands at this N (the solid vertical line, with the marker on).");
    player_.controls(&at_, from_, to_, "marker on the curves at N");

    ImGui::SeparatorText("Simulated points");
    onOffCheckbox("simulate random failures at θ(N)", &sim_);
    paramTooltip(simSpec(), "One sampled graph per N; results are kept until an input changes.");
    if (sim_ == "on") {
        double n1 = static_cast<double>(sim_n1_), n2 = static_cast<double>(sim_n2_);
        if (logSlider("skills N₁ of the simulated graph", &n1, 10, 1000)) sim_n1_ = std::llround(n1);
        paramTooltip(simN1Spec(), "Pairs are counted over all N₁² ordered pairs (reading T2).");
        if (logSlider("text pieces N₂ of the simulated graph", &n2, 1e4, 2e6)) sim_n2_ = std::llround(n2);
        paramTooltip(simN2Spec(), "More pieces: more edges per skill, less noise, longer runs.");
        mutedText("seed %lld", seed_);
        ImGui::SameLine();
        if (ImGui::SmallButton("new graphs")) ++seed_;
        paramTooltip(cliParam("simulate", "seed"), "Samples new graphs and failure sets (seed + point index).");
        intSlider("seeds per model size (ensemble)", &ensemble_, ensembleSpec(), false,
                  "Each model size is simulated with this many seeds (seed + j·points + point index for seed "
                  "j) and drawn as a band from the lowest to the highest value; the markers stay the first seed's.");
    }

    ImGui::SeparatorText("Trained models");
    models_.controls();
    ImGui::SeparatorText("Skill frequencies (Zipf)");
    logSlider("Zipf exponent s (μ(r) ∝ r⁻ˢ)", &zipf_, 0.01, 3);
    paramTooltip(cliParam("emergence", "zipf"),
                 "Larger s: frequent skills get more of the measure and emerge earlier.");
    double n1 = static_cast<double>(n1_);
    if (logSlider("number of skills N₁", &n1, 10, 1e7)) n1_ = std::llround(n1);
    paramTooltip(cliParam("emergence", "n1"));
}

void EmergenceView::drawSimulationStatus() {
    if (sim_ != "on") return;
    if (!sim_error_.empty()) {
        ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "Simulation stopped: %s", sim_error_.c_str());
        return;
    }
    const size_t points = sim_last_ ? sim_last_->n_params.size() : 0;
    if (simulationRunning()) {
        if (ensemble_ > 1)
            ImGui::Text("Simulating: %zu of %zu runs done (%zu model sizes × %lld seeds; %s)", sim_runs_.finished(),
                        sim_runs_.size(), points, ensemble_, sim_runs_.stageName().c_str());
        else
            ImGui::Text("Simulating N: %zu of %zu done (%s)", sim_runs_.finished(), sim_runs_.size(),
                        sim_runs_.stageName().c_str());
        ImGui::SameLine();
        ImGui::ProgressBar(static_cast<float>(sim_runs_.progress()), ImVec2(ImGui::GetFontSize() * 8, 0));
        ImGui::SameLine();
        if (ImGui::SmallButton("cancel")) sim_ = "off";
    } else if (ensemble_ > 1) {
        mutedText(
            "Simulated %zu model sizes × %lld seeds (%lld to %lld): N₁ = %lld skills, N₂ = %s pieces, "
            "k = %lld; bands from the lowest to the highest seed's value.",
            sim_done_.size(), ensemble_, seed_, seed_ + ensemble_ * static_cast<long long>(points) - 1, sim_n1_,
            ui::formatNumber(static_cast<double>(sim_n2_), 3).c_str(), params_.k);
    } else {
        mutedText("Simulated %zu model sizes: N₁ = %lld skills, N₂ = %s pieces, k = %lld, seed %lld.", sim_done_.size(),
                  sim_n1_, ui::formatNumber(static_cast<double>(sim_n2_), 3).c_str(), params_.k, seed_);
    }
}

bool EmergenceView::ensureComputed() {
    if (!have_ || !(theoryInputs() == last_)) recomputeTheory();
    if (error_.empty()) return true;
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "Cannot draw these parameters: %s", error_.c_str());
    return false;
}

bool EmergenceView::drawPlot(const std::string& id, ImVec2 size) {
    if (id != "emergence-main" && id != "emergence-zipf") return false;
    if (!ensureComputed()) return true;
    if (id == "emergence-main") {
        drawSimulationStatus();
        drawMainPlot(ImVec2(size.x, ImGui::GetContentRegionAvail().y), false);
    } else {
        drawZipfPlot(size);
    }
    return true;
}

// Thresholds and their ratios (with the fit's intervals when the law is the reader's fit), and the
// modelling choices they rest on.
void EmergenceView::drawThresholds() {
    const float fs = ImGui::GetFontSize();
    const std::vector<ThresholdInterval>* iv = intervals_.current();
    ImGui::TextWrapped("Smallest N with ≥ %s of k'-tuples guaranteed competence ≥ %s:",
                       ui::formatNumber(target_, 3).c_str(), ui::formatNumber(params_.c, 3).c_str());
    for (size_t i = 0; i < sweep_.kprimes.size() && i < thresholds_.n.size(); ++i) {
        std::string t = "k'=" + std::to_string(sweep_.kprimes[i]) + ": " +
                        (thresholds_.n[i] ? ui::formatNumber(*thresholds_.n[i], 4) : std::string("never"));
        if (i > 0 && thresholds_.ratios[i - 1]) t += " (" + ui::formatNumber(*thresholds_.ratios[i - 1], 3) + "×)";
        if (iv && i < iv->size())
            t += " [" + ((*iv)[i].lo ? ui::formatNumber(*(*iv)[i].lo, 2) : std::string("beyond 10⁴⁰")) + " – " +
                 ((*iv)[i].hi ? ui::formatNumber(*(*iv)[i].hi, 2) : std::string("beyond 10⁴⁰")) + "]";
        // Side by side while they fit, else on the next line.
        const float w = ImGui::CalcTextSize(t.c_str()).x;
        if (i > 0 &&
            ImGui::GetItemRectMax().x + fs * 1.5f + w < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine(0, fs * 1.5f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui::paletteColor(static_cast<int>(i))), "%s", t.c_str());
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    if (params_.preset == ScalingPresets::kFitName) {
        if (!intervals_.missing().empty())
            ImGui::TextWrapped("%s", intervals_.missing().c_str());
        else if (iv)
            ImGui::TextWrapped(
                "[ ]: %d%% of the thresholds of %u refits to your runs with resampled residuals (the "
                "fit's uncertainty only)",
                static_cast<int>(ThresholdIntervalTask::kLevel * 100), ThresholdIntervalTask::kReplicas);
        else
            ImGui::TextWrapped("Intervals: refitting your runs %u times…", ThresholdIntervalTask::kReplicas);
    }
    ImGui::PopStyleColor();
    params_.choicesNote();
}

void EmergenceView::main() {
    if (!ensureComputed()) return;
    const float fs = ImGui::GetFontSize();

    drawThresholds();
    drawSimulationStatus();

    // Wide and tall: the Zipf plot and its text share the lower row. Otherwise the main plot fills the
    // view and the Zipf part follows below it (the main area scrolls).
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool compact = avail.x < fs * 50 || avail.y < fs * 32;
    const float lowerH = compact ? fs * 16 : std::max(fs * 13, avail.y * 0.38f);
    const float mainH = compact ? std::max(fs * 16, avail.y - fs * 0.5f)
                                : std::max(fs * 14, avail.y - lowerH - ImGui::GetStyle().ItemSpacing.y);

    drawMainPlot(ImVec2(-1, mainH), compact);

    // Lower row: the Zipf plot and its frequency bands, then the explanation.
    const float zipfW = compact ? -1 : std::max(fs * 20, avail.x * 0.5f);
    drawZipfPlot(ImVec2(zipfW, lowerH));
    if (!compact) ImGui::SameLine();
    ImGui::BeginChild("emergence-text", ImVec2(0, compact ? 0 : lowerH), compact ? ImGuiChildFlags_AutoResizeY : 0);
    models_.drawTable();
    ImGui::TextUnformatted("Every skill in the band is guaranteed by:");
    for (const Band& b : bands_) {
        std::string range = b.first == b.last ? "rank " + std::to_string(b.first)
                                              : "ranks " + ui::formatNumber(static_cast<double>(b.first), 6) + "–" +
                                                    ui::formatNumber(static_cast<double>(b.last), 6);
        ImGui::BulletText("%s: N = %s", range.c_str(), b.n ? ui::formatNumber(*b.n, 3).c_str() : "beyond 10⁴⁰");
    }
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Curves: N → D → δ = A/Nᵃ + B/Dᵇ → θ = c_map·δ → Thm 8 at θ' = k'θ. 10× scale halves θ; halving θ doubles k' "
        "(Cor 13): about 10× in N per doubling of k'. Markers: random failure sets of measure θ(N), far above the "
        "worst-case guarantee. A skill of measure μ is safe once the bound on incompetent measure falls below μ: "
        "frequent skills first.");
    ImGui::EndChild();
}

// compact: the threshold values are in the row above, not on the lines.
void EmergenceView::drawMainPlot(ImVec2 size, bool compact) {
    ui::SetNextLegendCorner(ui::LegendCorner::TopLeft);
    std::string yl = "guaranteed fraction of k'-tuples with competence ≥ " + ui::formatNumber(params_.c, 3);
    if (ui::BeginPlot("emergence-main", "Guaranteed competence against model size (reconstruction)",
                      {"model size N (parameters)", ui::Scale::Log10, from_, to_}, {yl, ui::Scale::Linear, 0, 1.02},
                      size)) {
        for (size_t i = 0; i < sweep_.kprimes.size(); ++i) {
            int col = static_cast<int>(i);
            ui::PlotLine(kpLabel(sweep_.kprimes[i]).c_str(), sweep_.n_params, sweep_.frac[i], col);
            if (i < thresholds_.n.size() && thresholds_.n[i])
                ui::PlotVLine(*thresholds_.n[i], compact ? "" : ui::formatNumber(*thresholds_.n[i], 3).c_str(), col,
                              ui::LineStyle::Dashed);  // narrow: the values are in the row above
        }
        ui::PlotHLine(target_, ("target " + ui::formatNumber(target_, 3)).c_str(), 6, ui::LineStyle::Dotted);
        if (!sim_done_.empty()) {
            std::vector<double> xs, ys, xp, yp;
            for (const SimPoint& p : sim_done_) {
                xs.push_back(p.n_params), ys.push_back(p.frac_skills);
                if (p.frac_pairs) xp.push_back(p.n_params), yp.push_back(*p.frac_pairs);
            }
            ui::PlotMarkers("simulated skills", xs, ys, 0, 5);
            if (!xp.empty()) ui::PlotMarkers("simulated pairs (T2)", xp, yp, 1, 5);
        }
        drawSimulatedBands();
        if (player_.shown()) {  // the player's N: where each curve stands
            const Marker& mk = markerNow();
            ui::PlotVLine(at_, ("N = " + ui::formatNumber(at_, 3)).c_str(), 6, ui::LineStyle::Solid);
            for (size_t i = 0; i < mk.frac.size(); ++i)
                ui::PlotMarkers(("##" + kpLabel(sweep_.kprimes[i]) + " at N").c_str(), {at_}, {mk.frac[i]},
                                static_cast<int>(i), 6);
        }
        models_.drawLines();
        ui::EndPlot();
    }
}

// The seeds' spread at each simulated N: min to max (and the central 90% when it is narrower).
void EmergenceView::drawSimulatedBands() {
    if (sim_bands_.size() < 2) return;  // a band needs two model sizes to span
    std::vector<double> x, lo, hi, clo, chi, plo, phi;
    bool central = false;
    for (const SimBand& b : sim_bands_) {
        x.push_back(b.n_params);
        lo.push_back(b.skills.min), hi.push_back(b.skills.max);
        clo.push_back(b.skills.lo), chi.push_back(b.skills.hi);
        central = central || b.skills.lo > b.skills.min || b.skills.hi < b.skills.max;
        if (b.pairs) plo.push_back(b.pairs->min), phi.push_back(b.pairs->max);
    }
    ui::PlotBand("skills: min–max over seeds", x, lo, hi, 0);
    if (central) ui::PlotBand("skills: central 90% of seeds", x, clo, chi, 0);
    if (plo.size() == x.size()) ui::PlotBand("pairs: min–max over seeds", x, plo, phi, 1);
}

void EmergenceView::drawZipfPlot(ImVec2 size) {
    double ymin = 1e300, ymax = 0;
    for (const auto& row : zipf_n_)
        for (double v : row)
            if (std::isfinite(v)) ymin = std::min(ymin, v), ymax = std::max(ymax, v);
    if (!(ymax > 0)) ymin = from_, ymax = to_;
    ymin = std::pow(10.0, std::floor(std::log10(ymin))), ymax = std::pow(10.0, std::ceil(std::log10(ymax)));
    if (ymax <= ymin) ymax = ymin * 10;
    ui::SetNextLegendCorner(ui::LegendCorner::TopLeft);
    std::string zt = "Zipf skills (s = " + ui::formatNumber(zipf_, 3) +
                     ", N₁ = " + ui::formatNumber(static_cast<double>(n1_), 6) + ")";
    if (ui::BeginPlot("emergence-zipf", zt.c_str(),
                      {"skill frequency rank r", ui::Scale::Log10, 1, static_cast<double>(n1_)},
                      {"N guaranteeing competence ≥ c", ui::Scale::Log10, ymin, ymax}, size)) {
        ui::PlotLine("skill of rank r", ranks_, zipf_n_[0], 0);
        if (params_.tuples != "p")
            ui::PlotLine("pair of two rank-r skills (μ²)", ranks_, zipf_n_[1], 1, ui::LineStyle::Dashed);
        ui::EndPlot();
    }
}

}  // namespace slingshot::app
