#include "app/view_overview.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "core/theory/bounds.h"
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <tuple>

namespace slingshot::app {
namespace {

ParamSpec nSpec() {
    ParamSpec p = cliParam("scaling", "n");
    p.help = "model size N (parameters) whose numbers the diagram shows; D = 20 N tokens";
    return p;
}
ParamSpec cSpec() { return cliParam("emergence", "c"); }
ParamSpec kSpec() {
    ParamSpec p = cliParam("stimulus", "k");
    p.required = false;
    return p;
}

constexpr long long kStimulusN1 = 10000;  // the skills of the stimulus box (as in the Stimulus view)
constexpr double kTokensPerPiece = 100;
constexpr int kStimulusKprime = 4;

struct Setting {
    const char* view;
    const char* name;
    Json value;
};
struct Step {
    const char* title;
    const char* text;
    const char* view;
    std::vector<Setting> settings;
};

const std::vector<Step>& steps() {
    static const std::vector<Step> s = {
        {"Scale lowers the loss",
         "A model with N parameters trained on D tokens has loss L = E + A/Nᵃ + B/Dᵇ. The floor E is the entropy of "
         "text; the theory only uses the excess δ = L − E. Each 10× in scale roughly halves δ.",
         "scaling",
         {}},
        {"Skills and text pieces",
         "Each piece of text needs k skills drawn at random: a random bipartite graph of skills and pieces. The model "
         "fails a fraction θ ≈ δ of the pieces, and a failure counts against every skill the piece uses.",
         "graph",
         {}},
        {"Competence of skills",
         "A skill's competence is the fraction of its pieces the model gets right. On a sampled graph, random failures "
         "leave almost every skill near 1 − θ; the theory must also cover the worst possible failures.",
         "competence",
         {}},
        {"Guaranteed competence (Thm 8, Cor 13)",
         "Left: whatever pieces the model fails, most skills keep competence ≥ c; halving θ pushes the curve right. "
         "Right: a model with θ/k' has exactly the same curve for k'-tuples of skills as the smaller model has for "
         "single skills.",
         "curves",
         {{"curves", "family", "theta"},
          {"curves", "theta", 0.1},
          {"curves", "k", 8},
          {"curves", "kprime", Json::array({2, 4})},
          {"curves", "tuples", "t2"}}},
        {"Emergence: about 10× per doubling",
         "Put together: the guaranteed competence on k'-tuples rises with N in the same shape for every k', about ten "
         "times later for each doubling of k'. The markers are simulated random failures, far above the guarantee.",
         "emergence",
         {{"emergence", "c", 0.8},
          {"emergence", "target", 0.5},
          {"emergence", "kprime", Json::array({1, 2, 4, 8})},
          {"emergence", "tuples", "t2"}}},
        {"Slingshot generalization",
         "Training can show only a tiny fraction of all 4- or 8-tuples of skills together, yet the guarantee covers "
         "far more of them. The model is competent on combinations it never saw: the paper's slingshot "
         "generalization, which usual generalization arguments do not explain.",
         "stimulus",
         {{"stimulus", "c", 0.5}, {"stimulus", "n1", kStimulusN1}, {"stimulus", "kprime", Json::array({4, 8})}}},
    };
    return s;
}

}  // namespace

int OverviewView::tourSteps() { return static_cast<int>(steps().size()); }

std::vector<ParamBinding> OverviewView::bindings() {
    std::vector<ParamBinding> b = {{nSpec(), &n_}, {cSpec(), &c_}, {kSpec(), &k_}};
    for (const ParamBinding& p : player_.bindings()) b.push_back(p);
    return b;
}

void OverviewView::update() { player_.advance(&n_, kMinN, kMaxN, ImGui::GetIO().DeltaTime); }

void OverviewView::recompute() {
    last_ = {n_, c_, k_};
    have_ = true;
    boxes_.clear();
    EmergenceModel m;
    m.k = static_cast<double>(k_);
    m.c = c_;
    const double d = tokensFor(m, n_);
    const double l = loss(m.law, n_, d), delta = excessLoss(m.law, n_, d);
    const double halving = excessLoss(m.law, 10 * n_, tokensFor(m, 10 * n_)) / delta;
    const double theta = thetaAt(m, n_).theta;
    const double beta_min = betaMin(theta, m.k);
    const double frac = guaranteedFraction(m, n_, 1);
    const int kps[] = {1, 2};
    const Thresholds t = emergenceThresholds(m, kps, 0.5);
    const double cor13 = std::fabs(fracTuplesT2(theta / 2, c_, m.k, 2) - fracCompetent(theta, c_, m.k));
    // Where half of the 4-tuples are guaranteed, how many can training have shown?
    const int kp4 = std::min<int>(kStimulusKprime, static_cast<int>(k_));
    const std::optional<double> n4 = thresholdN(m, kp4, 0.5);
    const double seen4 = n4 ? stimulusCount(kStimulusN1, static_cast<int>(k_), kp4, tokensFor(m, *n4) / kTokensPerPiece)
                                  .seen_fraction_bound
                            : 1.0;
    auto f = [](double v, int sig = 3) { return ui::formatNumber(v, sig); };
    const std::string cs = f(c_);

    boxes_.push_back({"Scaling law", "L = E + A/Nᵃ + B/Dᵇ",
                      "N = " + f(n_) + "\nD = " + f(d) + "\nL = " + f(l, 4) + " nats/token", "scaling"});
    boxes_.push_back({"Excess loss", "δ = L − E", "δ = " + f(delta, 4) + "\n10× scale: δ × " + f(halving), "scaling"});
    boxes_.push_back(
        {"Failed text pieces", "θ = c_map·δ, c_map = 1", "θ = " + f(theta) + "\nof all text pieces", "scaling"});
    boxes_.push_back({"Skill graph", "k random skills per piece",
                      "k = " + std::to_string(k_) + "\nThm 8 beats Markov\nabove β_min = " + f(beta_min), "graph"});
    boxes_.push_back({"Competence (Thm 8)", "H(θ) − kθ·KL(βα‖α) < 0",
                      "≥ " + f(100 * frac) + "% of skills\nhave competence ≥ " + cs, "competence"});
    auto nText = [&](const std::optional<double>& n) { return n ? f(*n) : std::string("never"); };
    std::string em = "k'=1: N = " + nText(t.n[0]) + "\nk'=2: N = " + nText(t.n[1]);
    if (t.ratios[0]) em += "\n(" + f(*t.ratios[0]) + "× per doubling)";
    boxes_.push_back({"Emergence", "50% of k'-tuples", em, "emergence"});
    boxes_.push_back(
        {"Curves, Cor 13", "pairs at θ/2 = skills at θ", "max difference at\nc = " + cs + ": " + f(cor13), "curves"});
    boxes_.push_back(
        {"Paucity of stimulus", "seen ≤ n·C(k,k')/C(N₁,k')",
         n4 ? std::to_string(kp4) + "-tuples 50% competent\nat N = " + f(*n4) + "\nseen ≤ " + f(100 * seen4) + "%"
            : std::to_string(kp4) + "-tuples never reach 50%",
         "stimulus"});
}

const std::vector<OverviewView::Box>& OverviewView::boxes() {
    if (!have_ || !(Inputs{n_, c_, k_} == last_)) recompute();
    return boxes_;
}

void OverviewView::goToStep(int step) {
    if (step < 0 || step >= tourSteps()) {
        step_ = -1;
        nav_.go("overview");
        return;
    }
    if (step_ < 0) nav_.setGuide([this] { drawGuide(); });
    step_ = step;
    const Step& s = steps()[static_cast<size_t>(step)];
    for (const Setting& set : s.settings) nav_.setParam(set.view, set.name, set.value);
    nav_.go(s.view);
}

void OverviewView::drawGuide() {
    if (step_ < 0) return;
    const Step& s = steps()[static_cast<size_t>(step_)];
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("tour", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(ui::paletteColor(0)), "Tour %d of %d: %s", step_ + 1, tourSteps(),
                       s.title);
    ImGui::TextWrapped("%s", s.text);
    int next = step_;
    if (ImGui::Button("\u25C0 Back")) next = step_ - 1;
    ImGui::SameLine();
    if (ImGui::Button(step_ + 1 < tourSteps() ? "Next \u25B6" : "Finish")) next = step_ + 1;
    ImGui::SameLine();
    if (ImGui::Button("End tour")) next = -1;
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (next != step_) goToStep(next);  // Back from the first step ends the tour
}

void OverviewView::controls() {
    ImGui::SeparatorText("Guided tour");
    if (step_ < 0) {
        ImGui::TextWrapped("Six steps through the paper's argument; each opens a view with the right settings.");
        if (ImGui::Button("Start the tour \u25B6", ImVec2(-1, 0))) startTour();
    }
    ImGui::SeparatorText("Numbers in the diagram");
    logSlider("model size N (parameters)", &n_, kMinN, kMaxN);
    paramTooltip(nSpec(), "Every box recomputes for this N (D = 20 N, Hoffmann et al. 2022 fit, c_map = 1).");
    player_.controls(&n_, kMinN, kMaxN);
    ImGui::TextUnformatted("competence level c");
    ImGui::SetNextItemWidth(-1);
    double lo = 0, hi = 0.99;
    ImGui::SliderScalar("##c", ImGuiDataType_Double, &c_, &lo, &hi, "%.3g", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(cSpec());
    ImGui::TextUnformatted("k (skills per text piece)");
    ImGui::SetNextItemWidth(-1);
    long long klo = 1, khi = 32;
    ImGui::SliderScalar("##k", ImGuiDataType_S64, &k_, &klo, &khi, "%lld", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(kSpec());
    uncertainNote(
        "c_map = 1 (error fraction = excess loss), T2 tuples, 10⁴ skills and 100 tokens per text piece are our "
        "choices.");
}

namespace {

// The chain diagram's grid, one text scale so that the widest line fits a box. Wide: three boxes a
// row, the last two rows' side boxes under boxes 4 and 5. Narrow (phones): the chain runs down the
// left column and the side boxes sit right of boxes 4 and 5.
struct DiagramLayout {
    ImVec2 origin;
    float fs, w, h, gap, vgap, text_size;
    bool narrow;

    DiagramLayout(const std::vector<OverviewView::Box>& boxes, ImVec2 at, ImVec2 avail)
        : origin(at), fs(ImGui::GetFontSize()) {
        narrow = avail.x < fs * 36;
        gap = fs * (avail.x < fs * 50 ? 1.4f : 2.2f);
        const int columns = narrow ? 2 : 3;
        w = std::max(fs * 9, (avail.x - float(columns - 1) * gap) / float(columns));
        vgap = fs * 1.8f;
        h = narrow ? fs * 6.4f : std::clamp((avail.y - fs * 6) / 3 - vgap, fs * 6.4f, fs * 7.5f);
        float need = 0;
        for (const OverviewView::Box& box : boxes)
            need = std::max({need, ImGui::CalcTextSize(box.title).x, ImGui::CalcTextSize(box.formula).x,
                             ImGui::CalcTextSize(box.value.c_str()).x * 1.1f});
        text_size = fs * std::clamp((w - fs) / need, 0.7f, 1.0f);
    }
    std::pair<ImVec2, ImVec2> rect(int i) const {
        int row = 0, col = 0;
        if (narrow) {
            row = i < 6 ? i : i - 2;
            col = i < 6 ? 0 : 1;
        } else {
            row = i < 3 ? 0 : i < 6 ? 1 : 2;
            col = i < 6 ? i % 3 : (i == 6 ? 1 : 2);
        }
        const ImVec2 p(origin.x + float(col) * (w + gap), origin.y + float(row) * (h + vgap));
        return {p, ImVec2(p.x + w, p.y + h)};
    }
};

void drawArrow(ImDrawList* dl, ImVec2 a, ImVec2 z, ImU32 colour, float thick, float fs) {
    dl->AddLine(a, z, colour, thick);
    ImVec2 d(z.x - a.x, z.y - a.y);
    const float len = std::sqrt(d.x * d.x + d.y * d.y);
    if (len < 1) return;
    d = ImVec2(d.x / len, d.y / len);
    const ImVec2 n(-d.y, d.x);
    const float s = fs * 0.45f;
    dl->AddTriangleFilled(z, ImVec2(z.x - d.x * s * 1.6f + n.x * s, z.y - d.y * s * 1.6f + n.y * s),
                          ImVec2(z.x - d.x * s * 1.6f - n.x * s, z.y - d.y * s * 1.6f - n.y * s), colour);
}

// Wide: along each row, the bend from the end of row 1 to the start of row 2, down to the side
// boxes. Narrow: down the chain, across to the side boxes.
void drawDiagramArrows(ImDrawList* dl, const DiagramLayout& l) {
    const ImU32 arrow = ImGui::GetColorU32(ImGuiCol_Text, 0.6f);
    const float thick = std::max(1.5f, l.fs / 10);
    auto centre = [](ImVec2 a, ImVec2 b) { return ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2); };
    if (l.narrow) {
        for (int i = 0; i < 5; ++i) {
            auto [a0, a1] = l.rect(i);
            auto [b0, b1] = l.rect(i + 1);
            drawArrow(dl, ImVec2(centre(a0, a1).x, a1.y + 2), ImVec2(centre(b0, b1).x, b0.y - 2), arrow, thick, l.fs);
        }
        for (auto [from, to] : {std::pair{4, 6}, std::pair{5, 7}}) {
            auto [a0, a1] = l.rect(from);
            auto [b0, b1] = l.rect(to);
            drawArrow(dl, ImVec2(a1.x + 2, centre(a0, a1).y), ImVec2(b0.x - 2, centre(b0, b1).y), arrow, thick, l.fs);
        }
        return;
    }
    for (int i : {0, 1, 3, 4}) {
        auto [a0, a1] = l.rect(i);
        auto [b0, b1] = l.rect(i + 1);
        drawArrow(dl, ImVec2(a1.x + 2, centre(a0, a1).y), ImVec2(b0.x - 2, centre(b0, b1).y), arrow, thick, l.fs);
    }
    {
        auto [a0, a1] = l.rect(2);
        auto [b0, b1] = l.rect(3);
        const float midY = a1.y + l.vgap / 2, x0 = centre(a0, a1).x, x1 = centre(b0, b1).x;
        dl->AddLine(ImVec2(x0, a1.y + 2), ImVec2(x0, midY), arrow, thick);
        dl->AddLine(ImVec2(x0, midY), ImVec2(x1, midY), arrow, thick);
        drawArrow(dl, ImVec2(x1, midY), ImVec2(x1, b0.y - 2), arrow, thick, l.fs);
    }
    for (auto [from, to] : {std::pair{4, 6}, std::pair{5, 7}}) {
        auto [a0, a1] = l.rect(from);
        auto [b0, b1] = l.rect(to);
        drawArrow(dl, ImVec2(centre(a0, a1).x, a1.y + 2), ImVec2(centre(b0, b1).x, b0.y - 2), arrow, thick, l.fs);
    }
}

// One box as a button: title, formula and value, tinted by its place in the chain. True when clicked.
bool drawBox(ImDrawList* dl, const DiagramLayout& l, const OverviewView::Box& box, int i) {
    auto [p0, p1] = l.rect(i);
    ImGui::SetCursorScreenPos(p0);
    ImGui::PushID(i);
    const bool clicked = ImGui::InvisibleButton("box", ImVec2(p1.x - p0.x, p1.y - p0.y));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    if (hovered) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("Open the %s view", box.view);
    }
    const int colour = i < 6 ? i % 6 : 5;
    const float fs = l.fs, tf = l.text_size;
    dl->AddRectFilled(p0, p1, ui::paletteColor(colour, hovered ? 0.28f : 0.14f), fs * 0.4f);
    dl->AddRect(p0, p1, ui::paletteColor(colour, 0.9f), fs * 0.4f, 0, hovered ? 2.5f : 1.5f);
    dl->PushClipRect(p0, p1, true);
    const float x = p0.x + fs * 0.5f, y = p0.y + fs * 0.3f;
    ImFont* font = ImGui::GetFont();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(font, tf, ImVec2(x, y), text, box.title);
    dl->AddText(font, tf, ImVec2(x, y + tf * 1.2f), muted, box.formula);
    dl->AddText(font, tf * 1.1f, ImVec2(x, y + tf * 2.5f), text, box.value.c_str());
    dl->PopClipRect();
    return clicked;
}

}  // namespace

std::string OverviewView::figureSummary() {
    std::string out = "A diagram of the theory's chain, each box with its number for this model; a box opens its view.";
    for (const Box& b : boxes()) {
        std::string value = b.value;  // lines of the box, read as one sentence
        for (size_t at = value.find('\n'); at != std::string::npos; at = value.find('\n', at))
            value.replace(at, 1, "; ");
        out.append(" ").append(b.title).append(": ").append(value);
        out.append(b.formula && *b.formula ? std::string(" (") + b.formula + ")." : std::string("."));
    }
    return out;
}

void OverviewView::main() {
    const std::vector<Box>& b = boxes();
    const float fs = ImGui::GetFontSize();
    ImGui::TextWrapped(
        "Arora & Goyal explain emergence without looking inside the model: a scaling law fixes the loss, the loss "
        "fixes how many text pieces the model fails, and a random graph of skills and pieces turns that into "
        "guaranteed competence on skills and on combinations of skills. Click a box to open its view.");
    ImGui::Spacing();

    const DiagramLayout layout(b, ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    drawDiagramArrows(dl, layout);
    for (int i = 0; i < static_cast<int>(b.size()); ++i)
        if (drawBox(dl, layout, b[static_cast<size_t>(i)], i)) nav_.go(b[static_cast<size_t>(i)].view);
    auto [q0, q1] = layout.rect(7);
    ImGui::SetCursorScreenPos(ImVec2(layout.origin.x, q1.y + fs));
    ImGui::TextWrapped(
        "Numbers for N = %s, D = 20·N, Hoffmann et al. (2022) fit, θ = δ, k = %lld, competence level c = %s. The boxes "
        "recompute as you move the controls; every number comes from the engine and can be reproduced with "
        "slingshot-cli (scaling, bound, emergence, stimulus).",
        ui::formatNumber(n_, 3).c_str(), k_, ui::formatNumber(c_, 3).c_str());
    if (step_ < 0 && ImGui::Button("Start the guided tour \u25B6")) startTour();
}

}  // namespace slingshot::app
