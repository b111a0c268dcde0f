#include "app/view_stimulus.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/theory/stimulus_sweep.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot::app {
namespace {

ParamSpec kprimeSpec() {
    ParamSpec p = cliParam("emergence", "kprime");
    p.help = "tuple sizes k' compared (each at most k)";
    p.max_list = 4;
    return p;
}
ParamSpec n1Spec() {
    ParamSpec p = cliParam("stimulus", "n1");
    p.required = false;
    return p;
}
ParamSpec tokensPerPieceSpec() { return cliParam("stimulus", "tokens-per-piece"); }
ParamSpec atSpec() {
    ParamSpec p = cliParam("scaling", "n");
    p.help = "model size N of the read-outs (parameters)";
    return p;
}
ParamSpec logySpec() {
    return viewParam("logy", ParamKind::Choice, "log scale for the fraction axis (shows the tiny seen fractions)", 0, 0,
                     {"on", "off"});
}

}  // namespace

StimulusView::StimulusView() { params_.c = 0.5; }

std::vector<ParamBinding> StimulusView::bindings() {
    std::vector<ParamBinding> b;
    params_.addBindings(b);
    b.push_back({n1Spec(), &n1_});
    b.push_back({kprimeSpec(), &kprimes_});
    b.push_back({tokensPerPieceSpec(), &tokens_per_piece_});
    b.push_back({cliParam("emergence", "from"), &from_});
    b.push_back({cliParam("emergence", "to"), &to_});
    b.push_back({atSpec(), &at_});
    b.push_back({logySpec(), &logy_});
    for (const ParamBinding& p : player_.bindings()) b.push_back(p);
    return b;
}

void StimulusView::update() { player_.advance(&at_, from_, to_, ImGui::GetIO().DeltaTime); }

void StimulusView::recompute() {
    last_ = inputs();
    have_ = true;
    error_.clear();
    curves_.clear();
    at_readings_.clear();
    try {
        const EmergenceModel m = params_.model();
        validateModel(m);
        if (!(from_ < to_)) throw std::invalid_argument("from must be below to");
        const int k = static_cast<int>(params_.k);
        for (long long kp : kprimes_)  // the view explains k' > k instead of drawing zeros
            if (kp > params_.k)
                throw std::invalid_argument("k' = " + std::to_string(kp) + " exceeds k = " + std::to_string(k));
        if (n1_ < params_.k) throw std::invalid_argument("N1 must be at least k");
        const std::vector<int> kprimes(kprimes_.begin(), kprimes_.end());
        const StimulusSweep sweep = sweepStimulus(m, n1_, kprimes, tokens_per_piece_, from_, to_, kPoints);
        n_ = sweep.n_params;
        for (const StimulusSweep::Curve& swept : sweep.curves) {
            Curve c{swept.kprime, {}, {}, {}};
            for (const StimulusAt& p : swept.points) {
                c.seen.push_back(p.seen_fraction_bound);
                c.guaranteed.push_back(p.guaranteed_fraction);
                c.unseen_high.push_back(std::max(p.seen_fraction_bound, p.guaranteed_fraction));
            }
            curves_.push_back(std::move(c));
        }
    } catch (const std::exception& e) {
        error_ = e.what();
        curves_.clear();
    }
    readAt();
}

void StimulusView::readAt() {
    readings_at_ = at_;
    at_readings_.clear();
    if (!error_.empty()) return;
    const EmergenceModel m = params_.model();
    for (const Curve& c : curves_) {
        const StimulusAt s = stimulusAt(m, n1_, static_cast<int>(c.kprime), tokens_per_piece_, at_);
        at_readings_.push_back({c.kprime, s.d_tokens, s.n_train, s.theta.theta, s.seen_fraction_bound,
                                s.guaranteed_fraction, s.log10_sets_total});
    }
}

void StimulusView::controls() {
    ImGui::SeparatorText("Skills and tuples");
    params_.levelControls();
    double n1 = static_cast<double>(n1_);
    if (logSlider("number of skills N₁", &n1, 10, 1e8)) n1_ = std::llround(n1);
    paramTooltip(n1Spec(), "There are C(N₁, k') k'-sets; more skills make any one set rarer in training.");
    uncertainNote("Nobody knows N₁ for language; 10⁴ is our example.");
    ImGui::TextUnformatted("tuple sizes k'");
    intListInput("##kprime", &kprimes_, kprimeSpec());
    params_.tupleControls();

    ImGui::SeparatorText("Training data");
    logSlider("tokens per text piece", &tokens_per_piece_, 10, 1e4);
    paramTooltip(tokensPerPieceSpec(), "Fewer tokens per piece: more training pieces, so more tuples seen.");
    mutedText("n_train = D / %s training pieces", ui::formatNumber(tokens_per_piece_, 3).c_str());
    uncertainNote("A piece of about a paragraph (100 tokens) is our choice.");
    logSlider("read-outs at model size N", &at_, from_, to_);
    paramTooltip(atSpec(), "The numbers above the plot are for this N (the dashed vertical line).");
    player_.controls(&at_, from_, to_, "marker on the curves at N");
    onOffCheckbox("log scale for fractions", &logy_);
    paramTooltip(logySpec());

    ImGui::SeparatorText("From model size to θ");
    params_.lawControls();
}

bool StimulusView::ensureComputed() {
    if (!have_ || !(inputs() == last_)) recompute();
    if (at_ != readings_at_) readAt();
    if (error_.empty()) return true;
    ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "Cannot draw these parameters: %s", error_.c_str());
    return false;
}

bool StimulusView::drawPlot(const std::string& id, ImVec2 size) {
    if (id != "stimulus-main") return false;
    if (ensureComputed()) drawMainPlot(size);
    return true;
}

void StimulusView::main() {
    if (!ensureComputed()) return;
    const float fs = ImGui::GetFontSize();
    if (!at_readings_.empty()) {
        const Reading& r0 = at_readings_[0];
        ImGui::TextWrapped("At N = %s:  D = %s tokens,  n_train = %s pieces,  θ = %s", ui::formatNumber(at_, 3).c_str(),
                           ui::formatNumber(r0.d_tokens, 3).c_str(), ui::formatNumber(r0.n_train, 3).c_str(),
                           ui::formatNumber(r0.theta, 3).c_str());
        for (size_t i = 0; i < at_readings_.size(); ++i) {
            const Reading& r = at_readings_[i];
            ImGui::PushStyleColor(ImGuiCol_Text, ui::paletteColor(static_cast<int>(i)));
            ImGui::TextWrapped("k'=%lld: seen ≤ %s (of 10^%.1f sets), guaranteed ≥ %s: ≥ %s competent, never seen",
                               r.kprime, ui::formatNumber(r.seen, 3).c_str(), r.log10_sets,
                               ui::formatNumber(r.guaranteed, 3).c_str(),
                               ui::formatNumber(std::max(0.0, r.guaranteed - r.seen), 3).c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped(
            "slingshot-cli stimulus --n1 %lld --k %lld --kprime %lld --ntrain %.6g --theta %.6g --c %.6g --tuples %s",
            n1_, params_.k, r0.kprime, r0.n_train, r0.theta, params_.c, params_.tuples.c_str());
        ImGui::PopStyleColor();
    }
    params_.choicesNote();

    const float textH = fs * 5.0f;
    const float plotH = std::max(fs * 16, ImGui::GetContentRegionAvail().y - textH);
    drawMainPlot(ImVec2(-1, plotH));
    ImGui::TextWrapped(
        "n_train training pieces of k skills each contain at most n_train·C(k, k') distinct k'-sets, out of C(N₁, k'): "
        "the fraction ever seen together is at most min(1, n_train·C(k, k')/C(N₁, k')) (dashed). Solid: the fraction "
        "guaranteed competence ≥ c (Thm 8 for k'-tuples). In the shaded region the guarantee exceeds everything "
        "training "
        "could have shown: competence on combinations never seen, which usual generalization arguments do not explain "
        "(\"slingshot generalization\", Arora & Goyal §1.1).");
}

void StimulusView::drawMainPlot(ImVec2 size) {
    const bool logy = logy_ == "on";
    ui::SetNextLegendCorner(ui::LegendCorner::TopLeft);
    std::string yl = "fraction of k'-tuples (competence ≥ " + ui::formatNumber(params_.c, 3) + ")";
    if (ui::BeginPlot("stimulus-main", "Shaded: competent on k'-tuples never seen together in training",
                      {"model size N (parameters)", ui::Scale::Log10, from_, to_},
                      {yl, logy ? ui::Scale::Log10 : ui::Scale::Linear, logy ? 1e-12 : 0.0, logy ? 1.5 : 1.02}, size)) {
        for (size_t i = 0; i < curves_.size(); ++i) {
            const Curve& c = curves_[i];
            const std::string kp = std::to_string(c.kprime);
            int col = static_cast<int>(i);
            ui::PlotBand(("##k'=" + kp + ": competent, never seen").c_str(), n_, c.seen, c.unseen_high, col);
            ui::PlotLine(("k'=" + kp + ": guaranteed").c_str(), n_, c.guaranteed, col);
            ui::PlotLine(("k'=" + kp + ": seen (upper bound)").c_str(), n_, c.seen, col, ui::LineStyle::Dashed);
        }
        ui::PlotVLine(at_, "", 6, ui::LineStyle::Dotted);
        if (player_.shown())  // the read-outs' values on the curves, moving with N while it plays
            for (size_t i = 0; i < at_readings_.size(); ++i) {
                const Reading& r = at_readings_[i];
                const std::string kp = std::to_string(r.kprime);
                ui::PlotMarkers(("##k'=" + kp + " guaranteed at N").c_str(), {at_}, {r.guaranteed}, int(i), 5);
                ui::PlotMarkers(("##k'=" + kp + " seen at N").c_str(), {at_}, {r.seen}, int(i), 4);
            }
        ui::EndPlot();
    }
}

}  // namespace slingshot::app
