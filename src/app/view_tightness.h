// "How tight is the theory?" view (issue 8, THEORY 8 and 3.3): for the reader's (theta, k) and one
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

#include "app/view.h"
#include "app/view_simulation_runner.h"
#include "core/skill_graph.h"
#include "core/skill_measure.h"
#include "core/spectral.h"
#include "core/spectral_certificate.h"

#include <imgui.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

// The graph a certificate belongs to: everything that decides the sampled slots.
struct GraphKey {
    long long n1 = 0, n2 = 0, k = 0, seed = 0;
    bool operator==(const GraphKey&) const = default;
};

// Samples the graph (same seed, same slots as the simulation) and runs the Lanczos job on it, a
// slice per frame; keeps the last finished certifier (the graph itself is freed once done).
class CertificateTask {
public:
    struct Done {
        GraphKey key;
        SpectralResult spectral;
        uint64_t slots_hash = 0;
        std::unique_ptr<MixingCertifier> certifier;
        double elapsed_ms = 0;  // wall time inside the slices (sampling + Lanczos)
    };

    // Restarts when `wanted` differs from the current target and no widget is being dragged (or it
    // has settled for settle_s); then runs for slice_ms.
    void update(const GraphKey& wanted, double slice_ms, double settle_s = 0.3);
    const Done* last() const { return done_.get(); }
    bool running() const { return static_cast<bool>(graph_); }
    bool stale() const { return !done_ || running() || !error_.empty() || !(done_->key == target_); }
    const std::string& error() const { return error_; }
    double progress() const;
    std::string stage() const;
    double maxSliceMs() const { return max_slice_ms_; }
    // Progress bar with the stage, or the refusal; nothing when idle.
    void drawStatus() const;

private:
    void start(const GraphKey& key);
    void step(double slice_ms);

    GraphKey target_, pending_;
    bool have_target_ = false, have_pending_ = false;
    double pending_since_ = 0;
    std::optional<SkillMeasure> measure_;
    std::unique_ptr<SkillGraph> graph_;
    std::unique_ptr<GraphSampler> sampler_;
    std::unique_ptr<SpectralJob> spectral_;
    uint64_t pending_hash_ = 0;  // slots hash of the graph being certified
    double elapsed_ms_ = 0, max_slice_ms_ = 0;
    std::unique_ptr<Done> done_;
    std::string error_;
};

class TightnessView : public View {
public:
    TightnessView();
    const char* urlName() const override { return "tightness"; }
    const char* title() const override { return "Tightness"; }
    void update() override;
    void controls() override;
    void main() override;
    std::vector<ParamBinding> bindings() override;
    std::vector<const char*> plotIds() const override { return {"tightness-fraction", "tightness-ratio"}; }

    const SimulationRunner& runner() const { return runner_; }
    const CertificateTask& certificate() const { return cert_; }
    // Both tasks have finished for the current parameters (or were refused).
    bool settled() const;

    // Curves over c = j / kCurvePoints, j = 0 .. kCurvePoints - 1 (the certifier's grid).
    static constexpr int kCurvePoints = 200;
    struct Curves {
        double theta = -1, rho = -1;
        long long k = 0, degree = 0;
        std::vector<double> c, thm8, finite, worst, random, markov;
    };
    const Curves& curves() const { return curves_; }

private:
    GraphKey graphKey() const { return {n1_, n2_, k_, seed_}; }
    SimulationParams simParams() const;
    void refreshCurves();
    void drawReadoutTable(const SimulationSnapshot* s, const CertificateTask::Done* d);
    void drawFractionPlot(const SimulationSnapshot* s, const CertificateTask::Done* d, ImVec2 size);
    void drawRatioPlot(const CertificateTask::Done* d, ImVec2 size);
    void drawExplanation(const CertificateTask::Done* d);

    // Bound parameters (slingshot-cli `certify` flag names).
    long long n1_ = 1000, n2_ = 100000, k_ = 8, seed_ = 1;
    double theta_ = 0.05, c_ = 0.6;
    std::string logy_ = "on";  // view-only: log scale for the fraction plot

    SimulationRunner runner_;
    CertificateTask cert_;
    Curves curves_;
};

}  // namespace slingshot::app
