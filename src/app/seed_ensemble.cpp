#include "app/seed_ensemble.h"

#include "app/widgets.h"

#include <imgui.h>

#include <cstdio>

namespace slingshot::app {

SeedEnsemble::SeedEnsemble()
    : members_(
          kLanes, JobKind::Simulation, [](const SimulationParams& p) { return simulationRequest(p, 0); },
          [](const SimulationParams&, const Bytes& result) { return simulationSnapshotOf(result); }) {}

void SeedEnsemble::update(const SimulationRunner& first, const SimulationParams& wanted, long long seeds,
                          double slice_ms) {
    wanted_ = seeds < 1 ? 1 : size_t(seeds);
    std::vector<SimulationParams> members;
    for (size_t j = 1; j < wanted_; ++j) {
        SimulationParams p = wanted;
        p.seed = wanted.seed + j;
        members.push_back(p);
    }
    members_.update(members, slice_ms);

    std::vector<uint64_t> seeds_now;
    std::vector<const SimulationSnapshot*> runs;
    if (wanted_ > 1 && first.last() && !first.stale() && *first.lastParams() == wanted) {
        seeds_now.push_back(wanted.seed);
        runs.push_back(first.last());
    }
    for (size_t j = 0; j + 1 < wanted_; ++j)
        if (const SimulationSnapshot* s = members_.result(j)) {
            seeds_now.push_back(wanted.seed + j + 1);
            runs.push_back(s);
        }
    if (runs == runs_ && wanted == bands_for_) return;  // the same runs: the bands stand
    runs_ = std::move(runs);
    bands_for_ = wanted;
    seeds_ = std::move(seeds_now);
    bands_.reset();
    if (runs_.size() < 2) return;
    std::vector<const SimulationResult*> results;
    for (const SimulationSnapshot* s : runs_) results.push_back(&s->result);
    bands_ = ensembleBands(results);
}

void SeedEnsemble::drawStatus() {
    if (wanted_ < 2) return;
    if (!error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.2f, 0.05f, 1));
        ImGui::TextWrapped("Ensemble not run: %s", error().c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (running()) {
        char overlay[96];
        std::snprintf(overlay, sizeof overlay, "ensemble: %zu of %zu seeds", runs_.size(), wanted_);
        ImGui::ProgressBar(static_cast<float>(double(runs_.size()) / double(wanted_)),
                           ImVec2(-ImGui::GetFontSize() * 5, 0), overlay);
        ImGui::SameLine();
        if (ImGui::Button("Cancel##ensemble")) members_.cancel();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stops the ensemble's runs; the seeds done so far stay drawn");
        return;
    }
    if (members_.cancelled()) mutedText("Ensemble cancelled after %zu of %zu seeds.", runs_.size(), wanted_);
}

}  // namespace slingshot::app
