// The engine's certificate job (core/graph/certificate.h) run inside frames for the page: the graph
// of the simulation's seed (so it is the very graph the simulation runs on), a slice per frame,
// under the page's memory limit; keeps the last finished certifier. Used by the Competence, Curves
// and Tightness views.
#pragma once

#include "query/query.h"
#include "core/graph/certificate.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slingshot {
struct SimulationParams;
}

namespace slingshot::app {

// The graph a certificate belongs to: everything that decides the sampled slots.
struct GraphKey {
    long long n1 = 0, n2 = 0, k = 0, seed = 0;
    double zipf_s = 0;  // 0: uniform mu1; else Zipf(zipf_s)
    bool operator==(const GraphKey&) const = default;
};

// A slingshot-cli `certify` parameter as the page binds it (N2 up to the page's limit).
ParamSpec certifyParam(const char* name);

// The graph of a simulation run (uniform or Zipf measure).
GraphKey graphKeyOf(const SimulationParams& p);

class CertificateTask;
class SimulationRunner;

// One frame of a view that runs a simulation and, when `cert` is given, the certificate of the same
// graph: a few milliseconds in all, split between the two while both run.
void updateSimulationAndCertificate(SimulationRunner& runner, const SimulationParams& wanted, CertificateTask* cert);

class CertificateTask {
public:
    struct Done {
        GraphKey key;
        SpectralResult spectral;
        uint64_t slots_hash = 0;
        std::shared_ptr<const MixingCertifier> certifier;
        double elapsed_ms = 0;  // wall time inside the slices (sampling + Lanczos)
    };

    // Restarts when `wanted` differs from the current target and no widget is being dragged (or it
    // has settled for settle_s); then runs for slice_ms.
    void update(const GraphKey& wanted, double slice_ms, double settle_s = 0.3);
    const Done* last() const { return done_.get(); }
    bool running() const { return static_cast<bool>(job_); }
    bool stale() const { return !done_ || running() || !error_.empty() || !(done_->key == target_); }
    // Finished (or refused) for the last wanted graph.
    bool settled() const { return !stale() || !error_.empty(); }
    const std::string& error() const { return error_; }
    // What a read-out of the certificate says while it has none: "not computed" (refused; the
    // status line says why) or "computing".
    const char* waitingNote() const { return error_.empty() ? "computing" : "not computed"; }
    double progress() const;
    std::string stage() const;
    double maxSliceMs() const { return max_slice_ms_; }
    // Progress bar with the stage, or the refusal; nothing when idle.
    void drawStatus() const;
    // One muted line: sigma, Lanczos products, time, and "(previous graph)" while stale.
    void drawSummary() const;

    // The certified fraction of skills with competence <= c, for each c, from the last finished
    // certificate (empty without one). Kept per theta until the certificate or the grid changes, so
    // views drawing it every frame do not certify again.
    const std::vector<double>& failingCurve(double theta, const std::vector<double>& c) const;
    // 1 - failingCurve: the certifier's "fraction with competence > c" guarantee.
    std::vector<double> competentCurve(double theta, const std::vector<double>& c) const;

private:
    void start(const GraphKey& key);
    void step(double slice_ms);

    GraphKey target_, pending_;
    bool have_target_ = false, have_pending_ = false;
    double pending_since_ = 0;
    std::unique_ptr<CertificateJob> job_;
    double max_slice_ms_ = 0;
    std::unique_ptr<Done> done_;
    std::string error_;
    mutable const Done* curves_of_ = nullptr;  // what curves_ were computed from
    mutable std::vector<double> curves_grid_;
    mutable std::map<double, std::vector<double>> curves_;  // by theta
};

}  // namespace slingshot::app
