// The engine's certificate job (core/graph/certificate.h) run inside frames for the page: the graph
// of the simulation's seed (so it is the very graph the simulation runs on), a slice per frame,
// under the page's memory limit; keeps the last finished certifier. Used by the Competence, Curves
// and Tightness views.
#pragma once

#include "app/job_driver.h"
#include "core/graph/certificate.h"
#include "query/query.h"

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

void writeValue(ByteWriter& w, const GraphKey& v);
void readValue(ByteReader& r, GraphKey& v);

// A slingshot-cli `certify` parameter as the page binds it (N2 up to the page's limit).
ParamSpec certifyParam(const char* name);

// The graph of a simulation run (uniform or Zipf measure).
GraphKey graphKeyOf(const SimulationParams& p);

class CertificateTask;
class SimulationRunner;

// One frame of a view that runs a simulation and, when `cert` is given, the certificate of the same
// graph: a few milliseconds in all, split between the two while both run.
void updateSimulationAndCertificate(SimulationRunner& runner, const SimulationParams& wanted, CertificateTask* cert);

// "σ ≤ 92.31, proved (Gram matrix)" or "σ ≤ 92.77 with probability ≥ 1 − 1e-06 over the Lanczos
// start": the certificate's constant and how it is known, as the views show it.
std::string sigmaBoundText(const SpectralResult& r);

class CertificateTask {
public:
    struct Done {
        GraphKey key;
        SpectralResult spectral;
        uint64_t slots_hash = 0;
        std::shared_ptr<const MixingCertifier> certifier;
        double elapsed_ms = 0;  // wall time inside the slices (sampling + Lanczos)
    };

    CertificateTask();

    // Once per frame: see JobDriver::update.
    void update(const GraphKey& wanted, double slice_ms) { driver_.update(wanted, slice_ms); }
    const Done* last() const { return driver_.last(); }
    bool running() const { return driver_.running(); }
    bool stale() const { return driver_.stale(); }
    // Finished (or refused) for the last wanted graph.
    bool settled() const { return !driver_.busy(); }
    const std::string& error() const { return driver_.error(); }
    // What a read-out of the certificate says while it has none: "not computed" (refused; the
    // status line says why) or "computing".
    const char* waitingNote() const { return error().empty() ? "computing" : "not computed"; }
    double progress() const { return driver_.progress(); }
    std::string stage() const { return running() ? "certificate: " + driver_.stageName() : ""; }
    double maxSliceMs() const { return driver_.maxSliceMs(); }
    // Progress bar with the stage, or the refusal; nothing when idle.
    void drawStatus() const;
    // One muted line: sigma, Lanczos products, time, and "(previous graph)" while stale.
    void drawSummary() const;

    // The certified fraction of skills with competence <= c, for each c, from the last finished
    // certificate (empty without one). Kept per theta until the certificate or the grid changes, so
    // views drawing it every frame do not certify again.
    const std::vector<double>& failingCurve(double theta, const std::vector<double>& c) const;
    // 1 - failingCurve: the certifier's "fraction with competence > c" guarantee (kept alike).
    const std::vector<double>& competentCurve(double theta, const std::vector<double>& c) const;

private:
    JobDriver<GraphKey, Done> driver_;
    mutable uint64_t curves_generation_ = UINT64_MAX;  // the certificate curves_ come from
    mutable std::vector<double> curves_grid_;
    struct Curves {
        std::vector<double> failing, competent;
    };
    const Curves& curvesFor(double theta, const std::vector<double>& c) const;
    mutable std::map<double, Curves> curves_;  // by theta
};

}  // namespace slingshot::app
