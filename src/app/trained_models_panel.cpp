#include "app/trained_models_panel.h"

#include "app/plot.h"
#include "app/widgets.h"
#include "query/trained_models_text.h"

#include <imgui.h>
#include <imgui_internal.h>  // GetActiveID: the field shows the bound text unless it is being edited

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace slingshot::app {

namespace {

ParamSpec modelsSpec() { return cliParam("emergence", "models"); }

}  // namespace

ParamBinding TrainedModelsPanel::binding() { return {modelsSpec(), &text_}; }

void TrainedModelsPanel::controls() {
    const std::vector<std::string> entries = trainedModelEntries(text_);
    bool published = std::find(entries.begin(), entries.end(), kPublishedModels) != entries.end();
    if (checkbox("published models (N, D from their papers)", &published))
        text_ = withPublishedModels(text_, published);
    paramTooltip(modelsSpec(), "GPT-3, Gopher, Chinchilla, PaLM, LLaMA 65B, Llama 2 70B and Llama 3.1 405B.");

    const ImGuiID id = ImGui::GetID("##models");
    if (ImGui::GetActiveID() != id) std::snprintf(buffer_, sizeof buffer_, "%s", text_.c_str());
    ImGui::TextUnformatted("your models: NAME:N:D; ...");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##models", buffer_, sizeof buffer_, ImGuiInputTextFlags_EnterReturnsTrue)) {
        try {
            validateParam(modelsSpec(), Json(std::string(buffer_)));
            parseTrainedModels(buffer_);
            text_ = buffer_;
            field_error_.clear();
        } catch (const std::exception& e) {
            field_error_ = std::string(e.what()) + "; kept the previous models";
        }
    }
    paramTooltip(modelsSpec(), "For example \"published; My 7B:7e9:2e12\"; press Enter to apply.");
    if (!field_error_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", field_error_.c_str());
}

void TrainedModelsPanel::update(const ModelParams& params, const std::vector<long long>& kprimes) {
    Inputs now{text_, params, kprimes};
    if (have_ && now == last_) return;
    last_ = now;
    have_ = true;
    rows_.clear();
    error_.clear();
    kprimes_ = kprimes;
    try {
        const EmergenceModel m = params.model();
        const std::vector<int> kps(kprimes.begin(), kprimes.end());
        for (const TrainedModel& t : parseTrainedModels(text_)) rows_.push_back({t, readTrainedModel(m, t, kps)});
    } catch (const std::exception& e) {
        rows_.clear();
        error_ = std::string("models: ") + e.what();
    }
}

void TrainedModelsPanel::drawLines() const {
    if (rows_.empty()) return;
    ui::PlotLegendLine("trained models (their own D)", ui::PlotColour::Foreground, ui::LineStyle::Dotted, 1.5f);
    for (const Row& r : rows_)
        ui::PlotVLine(r.model.n_params, r.model.name.c_str(), ui::PlotColour::Foreground, ui::LineStyle::Dotted);
}

void TrainedModelsPanel::drawTable() const {
    if (!error_.empty()) ImGui::TextColored(ImVec4(0.85f, 0.25f, 0.1f, 1), "%s", error_.c_str());
    if (rows_.empty()) return;
    ImGui::TextUnformatted("Trained models at their own N and D (this law and reading):");
    const int columns = 4 + static_cast<int>(kprimes_.size());
    if (!ImGui::BeginTable("trained-models", columns,
                           ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX))
        return;
    ImGui::TableSetupColumn("model");
    ImGui::TableSetupColumn("N");
    ImGui::TableSetupColumn("D");
    ImGui::TableSetupColumn("\u03b8");
    std::vector<std::string> heads;
    for (long long kp : kprimes_) heads.push_back("k'=" + std::to_string(kp));
    for (const std::string& h : heads) ImGui::TableSetupColumn(h.c_str());
    ImGui::TableHeadersRow();
    for (const Row& r : rows_) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.model.name.c_str());
        if (!r.model.source.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.model.source.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui::formatNumber(r.model.n_params, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ui::formatNumber(r.model.d_tokens, 3).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", formatFixed(r.reading.theta.theta).c_str(), r.reading.theta.clipped ? " (cut at 1)" : "");
        for (double f : r.reading.frac) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(formatFixed(f).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace slingshot::app
