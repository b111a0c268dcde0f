// Competence view: the competence of skills (and of k'-tuples) measured on a sampled graph under a
// failure model, against the Thm 8 guarantee (asymptotic and finite-size), the exact asymptotic
// worst case 1 - alpha_A, the random-Y expectation and the mixing-lemma certificate of the very
// graph simulated (THEORY 2.6, 3.2-3.3, 4.2, 8).
#pragma once

#include "app/certificate_task.h"
#include "app/seed_ensemble.h"
#include "app/simulation_runner.h"
#include "app/view.h"
#include "core/theory/overlays.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace slingshot::app {

class CompetenceView : public View {
public:
    CompetenceView();
    const char* urlName() const override { return "competence"; }
    const char* title() const override { return "Competence"; }
    void update() override;
    void controls() override;
    void main() override;
    std::vector<ParamBinding> bindings() override;
    bool drawPlot(const std::string& id, ImVec2 size) override;
    bool busy() const override {
        return runner_.busy() || ensemble_runs_.busy() || (certificateOn() && !cert_.settled());
    }
    std::vector<const char*> plotIds() const override {
        return {"competence-fraction", "competence-histogram", "competence-tuples"};
    }

    const SimulationRunner& runner() const { return runner_; }
    // The read-outs above the plots: caption, value ("\u2013" while there is none) and a note that
    // says where it comes from, or why it has no value yet.
    struct Readout {
        std::string caption, value, unit;
    };
    std::vector<Readout> readouts() const;
    const CertificateTask& certificate() const { return cert_; }
    const SeedEnsemble& ensemble() const { return ensemble_runs_; }
    bool certificateOn() const { return certificate_ == "on"; }

    // The engine's overlay curves (cached while theta, k, N1, N2, k' are unchanged), as fractions of
    // skills with competence >= c, over c = j / kOverlaySteps, j = 0 .. kOverlaySteps.
    struct TheoryCurves {
        OverlayCurves overlays;             // the guarantees, drawn as they are
        OverlayPoint at;                    // at the read-out's c
        std::vector<double> worst, random;  // 1 - the failing fractions: competence >= c
    };

private:
    void refreshTheory();
    void drawReadouts();
    void drawFractionPlot(const SimulationSnapshot* s, ImVec2 size);
    void drawHistogram(const SimulationSnapshot* s, ImVec2 size);
    void drawTuplePlot(const SimulationSnapshot* s, ImVec2 size);
    void drawExplanation();
    // The ensemble's band (min-max, and the central 90% where narrower) and each seed's curve, thin.
    void drawEnsembleCurves(const std::vector<double>& c, const std::vector<SampleBand>& bands, bool tuples) const;

    SimulationInputs in_;
    SimulationRunner runner_;
    TheoryCurves theory_;
    std::string certificate_ = "on";  // view-only: compute and draw the certificate of the graph
    CertificateTask cert_;
    long long ensemble_ = 1;  // seeds in the ensemble
    SeedEnsemble ensemble_runs_;
};

}  // namespace slingshot::app
