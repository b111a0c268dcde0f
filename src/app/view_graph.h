// Skill graph view: the random bipartite graph of Defs 4-5 (THEORY 2.5-2.6). Small graphs are drawn
// (skills above, text pieces below, failed pieces marked, skills coloured by competence, hover for
// neighbours and numbers); large graphs show the degree histogram against Bin(kN2, 1/N1) (or, for a
// Zipf measure, degree against rank next to kN2 mu1(s)) and the graph's statistics.
#pragma once

#include "app/model_size_player.h"
#include "app/seed_ensemble.h"
#include "app/simulation_runner.h"
#include "app/view.h"
#include "core/graph/graph_stats.h"

#include <imgui.h>

#include <string>

namespace slingshot::app {

// Graphs at most this large are drawn node by node.
inline constexpr long long kDrawMaxSkills = 40, kDrawMaxPieces = 150;

class GraphView : public View {
public:
    GraphView();
    const char* urlName() const override { return "graph"; }
    const char* title() const override { return "Skill graph"; }
    void update() override;
    ModelSizePlayer* player() override { return &player_; }
    // With the player on, θ is the failure measure of a model of size N (THEORY 5: the emergence
    // model's defaults, Hoffmann et al.'s law, D = 20 N, c_map = 1) and moves with N.
    static constexpr double kPlayFromN = 1e9, kPlayToN = 1e14;
    void controls() override;
    void main() override;
    std::string figureSummary() override;
    std::vector<ParamBinding> bindings() override;
    std::vector<const char*> plotIds() const override { return {degreesPlotId()}; }
    // Embeds show the bipartite picture (degrees when the graph is too large to draw) or the degrees.
    std::vector<const char*> embedPlotIds() const override { return {"graph-bipartite", "graph-degrees"}; }
    bool drawPlot(const std::string& id, ImVec2 size) override;
    bool busy() const override { return runner_.busy() || ensemble_runs_.busy(); }
    const SeedEnsemble& ensemble() const { return ensemble_runs_; }
    // The ensemble's spread as the statistics table shows it ("" with one seed).
    const std::string& ensembleSpread();

    const SimulationRunner& runner() const { return runner_; }
    // What main() drew last: the bipartite graph (true) or the degree plot.
    bool drewGraph() const { return drew_graph_; }
    // The degree plot of the last graph: the histogram (uniform measure) or degree against rank (Zipf).
    const char* degreesPlotId() const;

private:
    void drawBipartite(const SimulationSnapshot& s, ImVec2 size);
    void drawColourLegend(const SimulationSnapshot& s);
    void drawDegrees(const SimulationSnapshot& s, ImVec2 size);
    void drawStatistics(const SimulationSnapshot& s);

    SimulationInputs in_;
    SimulationRunner runner_;
    long long ensemble_ = 1;                   // seeds in the ensemble
    double at_ = 1e11;                         // the player's model size N
    double theta_for_n_ = 0, theta_of_n_ = 0;  // θ(N) and the N it was read at
    ModelSizePlayer player_;
    SeedEnsemble ensemble_runs_;
    std::vector<const SimulationSnapshot*> spread_runs_;  // the runs ensemble_spread_ was made from
    std::string ensemble_spread_;
    int show_ = 0;  // small graphs: 0 = the graph, 1 = the degree histogram
    bool drew_graph_ = false;
    // Colour scale of competence [lo, 1] for the drawn snapshot.
    double colour_lo_ = 0.5;
    // Cached degree histogram of the snapshot it was made from.
    uint64_t histogram_generation_ = 0;  // 0: none yet
    DegreeHistogram histogram_;
};

}  // namespace slingshot::app
