// "How tight is the theory?" view (THEORY 8 and 3.3): for the reader's (theta, k) and one
// sampled graph (N1, N2, seed), curves over the competence level c of the fraction of skills with
// competence <= c that
//   * Thm 8 allows (asymptotic alpha*, and the finite-size version with rho = N1/N2),
//   * the mixing-lemma certificate allows for THIS graph (Lanczos sigma, MixingCertifier),
//   * the exact asymptotic worst case alpha_A reaches,
//   * the simulated adversary reaches on the same graph (SimulationJob, adversarial failures),
//   * a uniformly random failure set reaches on average (binomial tail),
// with the ratios bound / worst case read out at the chosen c. Two time-sliced tasks run inside
// frames: the simulation (SimulationRunner) and the certificate (graph sampling, then SpectralJob);
// the certificate only reruns when the graph (N1, N2, k, seed) changes.
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

class TightnessView : public View {
public:
    TightnessView();
    const char* urlName() const override { return "tightness"; }
    const char* title() const override { return "Tightness"; }
    void update() override;
    void controls() override;
    void main() override;
    std::vector<ParamBinding> bindings() override;
    bool drawPlot(const std::string& id, ImVec2 size) override;
    bool busy() const override { return !settled(); }
    std::vector<const char*> plotIds() const override { return {"tightness-fraction", "tightness-ratio"}; }

    const SimulationRunner& runner() const { return runner_; }
    const CertificateTask& certificate() const { return cert_; }
    const SeedEnsemble& ensemble() const { return ensemble_runs_; }
    // Both tasks have finished for the current parameters (or were refused).
    bool settled() const;

    // The engine's overlay curves as fractions of skills with competence <= c (cached while theta, k,
    // N1, N2 are unchanged), over c = j / kOverlaySteps, j < kOverlaySteps: at c = 1 every one is 1.
    struct Curves {
        OverlayCurves overlays;
        OverlayPoint at;  // at the read-out's c
        std::vector<double> c, thm8, finite, worst, random, markov;
    };
    const Curves& curves() const { return curves_; }

private:
    SimulationParams simParams() const;
    void refreshCurves();
    void drawReadoutTable(const SimulationSnapshot* s, const CertificateTask::Done* d);
    void drawFractionPlot(const SimulationSnapshot* s, const CertificateTask::Done* d, ImVec2 size,
                          bool legend = false);
    void drawRatioPlot(const CertificateTask::Done* d, ImVec2 size);
    void drawExplanation(const CertificateTask::Done* d);

    // Bound parameters (slingshot-cli `certify` flag names).
    long long n1_ = 1000, n2_ = 100000, k_ = 8, seed_ = 1;
    double theta_ = 0.05, c_ = 0.6;
    std::string logy_ = "on";  // view-only: log scale for the fraction plot

    SimulationRunner runner_;
    CertificateTask cert_;
    Curves curves_;
    long long ensemble_ = 1;  // seeds of the adversary's ensemble
    SeedEnsemble ensemble_runs_;
};

}  // namespace slingshot::app
