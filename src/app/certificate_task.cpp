#include "app/certificate_task.h"

#include "app/page_limits.h"
#include "app/plot.h"
#include "app/view_simulation_runner.h"
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

GraphKey graphKeyOf(const SimulationParams& p) {
    return {static_cast<long long>(p.n1), static_cast<long long>(p.n2), static_cast<long long>(p.k),
            static_cast<long long>(p.seed), p.measure.kind == MeasureSpec::Kind::Zipf ? p.measure.zipf_s : 0.0};
}

void CertificateTask::update(const GraphKey& wanted, double slice_ms, double settle_s) {
    const double now = nowMs();
    if (!have_pending_ || !(wanted == pending_)) {
        pending_ = wanted;
        have_pending_ = true;
        pending_since_ = now;
    }
    const bool differs = !have_target_ || !(pending_ == target_);
    if (differs && (!anyItemActive() || now - pending_since_ >= settle_s * 1000)) start(pending_);
    if (running()) step(slice_ms);
}

void CertificateTask::start(const GraphKey& key) {
    job_.reset();
    target_ = key;
    have_target_ = true;
    error_.clear();
    if (done_ && done_->key == key) return;  // already certified
    try {
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
        validateCertificate(p);  // refused shapes first, then the page's memory limit
        const double bytes = estimateCertificateBytes(p);
        if (bytes > kCertificateBudgetBytes)
            throw MemoryBudgetError("the certificate needs " + megabytesText(bytes) +
                                    " (graph and Lanczos basis), above the page's " +
                                    megabytesText(kCertificateBudgetBytes) + "; try fewer skills N\u2081 or pieces N\u2082");
        job_ = std::make_unique<CertificateJob>(p);
    } catch (const std::exception& e) {
        error_ = e.what();
        job_.reset();
    }
}

void CertificateTask::step(double slice_ms) {
    const double t0 = nowMs();
    job_->runFor(slice_ms);
    max_slice_ms_ = std::max(max_slice_ms_, nowMs() - t0);
    if (!job_->finished()) return;
    if (job_->state() != JobState::Done) {
        error_ = job_->error();
    } else {
        auto done = std::make_unique<Done>();
        done->key = target_;
        done->spectral = job_->result().spectral;
        done->slots_hash = job_->result().slots_hash;
        done->certifier = job_->result().certifier;
        done->elapsed_ms = job_->elapsedMs();
        done_ = std::move(done);
    }
    job_.reset();
}

double CertificateTask::progress() const {
    if (job_) return job_->progress();
    return done_ ? 1.0 : 0.0;
}

std::string CertificateTask::stage() const { return job_ ? "certificate: " + job_->stageName() : ""; }

void CertificateTask::drawStatus() const {
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.2f, 0.05f, 1));
        ImGui::TextWrapped("Certificate not computed: %s", error_.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!running()) return;
    char overlay[160];
    std::snprintf(overlay, sizeof overlay, "%s  %.0f%%", stage().c_str(), 100.0 * progress());
    ImGui::ProgressBar(static_cast<float>(progress()), ImVec2(-ImGui::GetFontSize() * 5, 0), overlay);
}

void CertificateTask::drawSummary() const {
    const Done* d = last();
    if (!d) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Certificate: \u03c3 \u2264 %.4g for N\u2081 = %lld, N\u2082 = %s, k = %lld, seed %lld (%u+%u+%u Lanczos products, %.0f ms)%s",
                        d->spectral.sigma_centred_upper, d->key.n1, ui::formatNumber(double(d->key.n2)).c_str(), d->key.k,
                        d->key.seed, d->spectral.top.iterations, d->spectral.deflated.iterations,
                        d->spectral.centred.iterations, d->elapsed_ms, stale() ? "  (previous graph)" : "");
    ImGui::PopStyleColor();
}

const std::vector<double>& CertificateTask::failingCurve(double theta, const std::vector<double>& c) const {
    static const std::vector<double> none;
    if (!done_) return none;
    if (curves_of_ != done_.get() || curves_grid_ != c) {
        curves_.clear();
        curves_of_ = done_.get();
        curves_grid_ = c;
    }
    auto [it, fresh] = curves_.try_emplace(theta);
    if (fresh)
        for (double cj : c) it->second.push_back(done_->certifier->certify(theta, cj).frac);
    return it->second;
}

std::vector<double> CertificateTask::competentCurve(double theta, const std::vector<double>& c) const {
    std::vector<double> y = failingCurve(theta, c);
    for (double& v : y) v = 1 - v;
    return y;
}

}  // namespace slingshot::app
