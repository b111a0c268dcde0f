#include "app/model_params.h"

#include "app/widgets.h"
#include "core/theory/cloze.h"
#include "query/model_notes.h"

#include <imgui.h>

namespace slingshot::app {
namespace {

ParamSpec dRuleSpec() { return cliParam("emergence", "d-rule"); }
ParamSpec kSpec() {
    ParamSpec p = cliParam("stimulus", "k");
    p.required = false;
    return p;
}

}  // namespace

const std::vector<std::string>& tupleModelLabels() {
    static const std::vector<std::string> labels = {"T2: k'-pieces (Cor 13 exact)", "T2, exact accounting",
                                                    "T1: block split", "route P: product"};
    return labels;
}

EmergenceModel ModelParams::model() const {
    EmergenceModel m;
    m.law = presets.find(preset).value_or(hoffmann2022());
    m.data_rule = d_rule == "optimal" ? DataRule::ComputeOptimal : DataRule::Ratio;
    m.tokens_per_param = ratio;
    m.theta_map = thetaMapFromName(theta_map).value_or(ThetaMap::Linear);
    m.c_map = cmap;
    m.k = static_cast<double>(k);
    m.c = c;
    m.tuples = tupleModelFromName(tuples).value_or(TupleModel::T2);
    return m;
}

void ModelParams::addBindings(std::vector<ParamBinding>& out) {
    ParamSpec preset_spec =
        ScalingPresets::withFit(cliParam("emergence", "preset"), presets.store() && presets.store()->fit());
    out.push_back({preset_spec, &preset});
    out.push_back({dRuleSpec(), &d_rule});
    out.push_back({cliParam("emergence", "ratio"), &ratio});
    out.push_back({cliParam("emergence", "theta-map"), &theta_map});
    out.push_back({cliParam("emergence", "cmap"), &cmap});
    out.push_back({kSpec(), &k});
    out.push_back({cliParam("emergence", "c"), &c});
    out.push_back({cliParam("emergence", "tuples"), &tuples});
}

void ModelParams::lawControls() {
    ImGui::TextUnformatted("scaling law");
    const bool has_fit = presets.store() && presets.store()->fit();
    const ParamSpec preset_spec = ScalingPresets::withFit(cliParam("emergence", "preset"), has_fit);
    std::vector<std::string> preset_labels = {"Hoffmann et al. 2022 (Chinchilla)",
                                              "Besiroglu et al. 2024 (replication)"};
    if (has_fit) preset_labels.push_back("fit: your own law (Scaling view)");
    choiceCombo("##preset", &preset, preset_spec, preset_labels);
    paramTooltip(cliParam("emergence", "preset"), "L = E + A/Nᵃ + B/Dᵇ; only the excess L − E matters.");
    int rule = d_rule == "optimal" ? 1 : 0;
    ImGui::RadioButton("D = r·N", &rule, 0);
    paramTooltip(dRuleSpec());
    sameLineIfFits(boxedLabelWidth("compute-optimal D"));
    ImGui::RadioButton("compute-optimal D", &rule, 1);
    paramTooltip(dRuleSpec());
    d_rule = rule == 1 ? "optimal" : "ratio";
    if (d_rule == "ratio") {
        logSlider("r = D/N (tokens per parameter)", &ratio, 1, 1000);
        paramTooltip(cliParam("emergence", "ratio"), "More data per parameter lowers the excess loss at every N.");
    }
    ImGui::TextUnformatted("excess loss δ → failure measure θ");
    int map = theta_map == "pinsker" ? 1 : 0;
    ImGui::RadioButton("θ = c_map·δ", &map, 0);
    paramTooltip(cliParam("emergence", "theta-map"));
    sameLineIfFits(boxedLabelWidth("θ = √(2δ)"));
    ImGui::RadioButton("θ = √(2δ)", &map, 1);
    paramTooltip(cliParam("emergence", "theta-map"), "Pinsker's worst case: a non-paper variant that breaks Cor 13.");
    theta_map = map == 1 ? "pinsker" : "linear";
    if (theta_map == "linear") {
        for (const auto& p : cmapPresets()) {
            if (ImGui::RadioButton(std::string(p.label).c_str(), cmap == p.value)) cmap = p.value;
            paramTooltip(cliParam("emergence", "cmap"),
                         "Doubling c_map moves every threshold about 10× in N; the ratios stay.");
        }
        uncertainNote("c_map is not given by the paper; 1 reads \"error fraction = excess loss\".");
    } else {
        uncertainNote("Non-paper variant: k'-tuples would need the loss to fall by k'², not k'.");
    }
}

void ModelParams::levelControls() {
    ImGui::TextUnformatted("k (skills per text piece)");
    ImGui::SetNextItemWidth(-1);
    long long lo = 1, hi = 32;
    ImGui::SliderScalar("##k", ImGuiDataType_S64, &k, &lo, &hi, "%lld", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(kSpec(),
                 "Each failed piece charges all its k skills; larger k spreads failures thinner (Ctrl+click to type).");
    ImGui::TextUnformatted("competence level c");
    ImGui::SetNextItemWidth(-1);
    double clo = 0, chi = 0.99;
    ImGui::SliderScalar("##c", ImGuiDataType_Double, &c, &clo, &chi, "%.3g", ImGuiSliderFlags_AlwaysClamp);
    paramTooltip(cliParam("emergence", "c"),
                 "A skill is competent if it answers at least this fraction of its cloze questions.");
}

void ModelParams::tupleControls() {
    ImGui::TextUnformatted("k'-tuple model");
    choiceCombo("##tuples", &tuples, cliParam("emergence", "tuples"), tupleModelLabels());
    paramTooltip(cliParam("emergence", "tuples"));
    uncertainNote("T2 (the paper's reading as we reconstruct it) vs T1 / route P.");
}

std::vector<std::string> ModelParams::notes() const {
    try {
        return modellingNotes(model());
    } catch (const std::exception& e) {
        return {std::string("no model: ") + e.what()};
    }
}

void ModelParams::choicesNote() const {
    std::string text = "Rests on: ";
    const std::vector<std::string> all = notes();
    for (size_t i = 0; i < all.size(); ++i) text += (i ? "; " : "") + all[i];
    // Where a line wraps into many (phones), the choices fold away behind their title.
    const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 30;
    if (narrow && !ImGui::TreeNode("Modelling choices")) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s.", text.c_str());
    ImGui::PopStyleColor();
    if (narrow) ImGui::TreePop();
}

}  // namespace slingshot::app
