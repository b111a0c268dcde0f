#include "app/certificate_task.h"

#include "app/engine_codecs.h"
#include "app/engine_jobs.h"
#include "app/page_limits.h"
#include "app/plot.h"
#include "app/simulation_runner.h"
#include "app/widgets.h"
#include "core/base/memory_budget.h"
#include "core/graph/simulation.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace slingshot::app {
namespace {

// Graph and Lanczos basis together, at most (the page shares the browser's memory with the simulation).
constexpr double kCertificateBudgetBytes = 6e8;

}  // namespace

ParamSpec certifyParam(const char* name) {
    ParamSpec p = cliParam("certify", name);
    if (p.name == "n2") p.max = double(kMaxPiecesBrowser);  // the page's limit on text pieces
    return p;
}

void updateSimulationAndCertificate(SimulationRunner& runner, const SimulationParams& wanted, CertificateTask* cert) {
    const bool both = cert && cert->running() && (runner.running() || runner.stale());
    runner.update(wanted, both ? 4.0 : 8.0);
    if (cert) cert->update(graphKeyOf(wanted), runner.running() ? 4.0 : 8.0);
}

SLINGSHOT_BYTE_FIELDS(GraphKey, &GraphKey::n1, &GraphKey::n2, &GraphKey::k, &GraphKey::seed, &GraphKey::zipf_s)

GraphKey graphKeyOf(const SimulationParams& p) {
    return {static_cast<long long>(p.n1), static_cast<long long>(p.n2), static_cast<long long>(p.k),
            static_cast<long long>(p.seed), p.measure.kind == MeasureSpec::Kind::Zipf ? p.measure.zipf_s : 0.0};
}

namespace {

// The page's certificate job for a graph: its shape and limits checked first, then the page's
// memory limit (with advice a reader can act on).
std::unique_ptr<CertificateJob> certificateJobFor(const GraphKey& key) {
    CertificateParams p;
    p.n1 = static_cast<uint32_t>(key.n1);
    p.n2 = static_cast<uint64_t>(key.n2);
    p.k = static_cast<uint32_t>(key.k);
    p.seed = static_cast<uint64_t>(key.seed);
    p.spectral.seed = p.seed;
    p.max_pieces = kMaxPiecesBrowser;  // the same limits as the simulation
    if (key.zipf_s > 0) {
        p.measure.kind = MeasureSpec::Kind::Zipf;
        p.measure.zipf_s = key.zipf_s;
    }
    p.memory_budget_bytes = kCertificateBudgetBytes;
    validateCertificate(p);
    const double bytes = estimateCertificateBytes(p);
    if (bytes > kCertificateBudgetBytes)
        throw MemoryBudgetError(
            "the certificate needs " + megabytesText(bytes) + " (graph and Lanczos basis), above the page's " +
            megabytesText(kCertificateBudgetBytes) + "; try fewer skills N\u2081 or pieces N\u2082");
    return std::make_unique<CertificateJob>(p);
}

// The finished job's result for the page: the spectral result and the certifier's parts.
Bytes encodeDone(const GraphKey& key, const CertificateJob& job) {
    ByteWriter w;
    w.put(key);
    w.put(job.result().spectral);
    w.put(job.result().slots_hash);
    w.put(job.result().certifier->parts());
    w.put(job.elapsedMs());
    return w.take();
}

std::unique_ptr<CertificateTask::Done> decodeDone(const GraphKey&, const Bytes& bytes) {
    auto done = std::make_unique<CertificateTask::Done>();
    ByteReader r(bytes);
    r.get(done->key);
    r.get(done->spectral);
    r.get(done->slots_hash);
    done->certifier = std::make_shared<const MixingCertifier>(r.read<MixingCertifier::Parts>());
    r.get(done->elapsed_ms);
    r.finish();
    return done;
}

}  // namespace

std::unique_ptr<EngineJob> makeCertificateEngineJob(const Bytes& request) {
    ByteReader r(request);
    const GraphKey key = r.read<GraphKey>();
    r.finish();
    return engineJobOf(certificateJobFor(key), [key](const CertificateJob& job) { return encodeDone(key, job); });
}

namespace {

Bytes encodeKey(const GraphKey& key) {
    ByteWriter w;
    w.put(key);
    return w.take();
}

}  // namespace

CertificateTask::CertificateTask() : driver_(JobKind::Certificate, encodeKey, decodeDone) {}

void CertificateTask::drawStatus() const {
    if (!error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.2f, 0.05f, 1));
        ImGui::TextWrapped("Certificate not computed: %s", error().c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!running()) return;
    char overlay[160];
    std::snprintf(overlay, sizeof overlay, "%s  %.0f%%", stage().c_str(), 100.0 * progress());
    ImGui::ProgressBar(static_cast<float>(progress()), ImVec2(-ImGui::GetFontSize() * 5, 0), overlay);
}

std::string sigmaBoundText(const SpectralResult& r) {
    std::string text = "\u03c3 \u2264 " + ui::formatNumber(r.sigma_centred_upper, 4);
    if (r.method == SpectralMethod::Gram) return text + ", proved (Gram matrix)";
    char delta[32];
    std::snprintf(delta, sizeof delta, "%.0e", r.start_failure_probability);
    return text + " with probability \u2265 1 \u2212 " + delta + " over the Lanczos start";
}

void CertificateTask::drawSummary() const {
    const Done* d = last();
    if (!d) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped(
        "Certificate: %s, for N\u2081 = %lld, N\u2082 = %s, k = %lld, seed %lld (%u+%u+%u Lanczos "
        "products, %.0f ms)%s",
        sigmaBoundText(d->spectral).c_str(), d->key.n1, ui::formatNumber(double(d->key.n2)).c_str(), d->key.k,
        d->key.seed, d->spectral.top.iterations, d->spectral.deflated.iterations, d->spectral.centred.iterations,
        d->elapsed_ms, stale() ? "  (previous graph)" : "");
    ImGui::PopStyleColor();
}

const CertificateTask::Curves& CertificateTask::curvesFor(double theta, const std::vector<double>& c) const {
    static const Curves none;
    const Done* done = last();
    if (!done) return none;
    if (curves_generation_ != driver_.generation() || curves_grid_ != c) {
        curves_.clear();
        curves_generation_ = driver_.generation();
        curves_grid_ = c;
    }
    auto [it, fresh] = curves_.try_emplace(theta);
    if (fresh)
        for (double cj : c) {
            const double failing = done->certifier->certify(theta, cj).frac;
            it->second.failing.push_back(failing);
            it->second.competent.push_back(1 - failing);
        }
    return it->second;
}

const std::vector<double>& CertificateTask::failingCurve(double theta, const std::vector<double>& c) const {
    return curvesFor(theta, c).failing;
}

const std::vector<double>& CertificateTask::competentCurve(double theta, const std::vector<double>& c) const {
    return curvesFor(theta, c).competent;
}

}  // namespace slingshot::app
