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

constexpr uint64_t kSamplePiecesPerBlock = 16384;
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
    spectral_.reset();
    sampler_.reset();
    graph_.reset();
    measure_.reset();
    target_ = key;
    have_target_ = true;
    error_.clear();
    elapsed_ms_ = 0;
    if (done_ && done_->key == key) return;  // already certified
    try {
        SimulationParams check;  // the same validation (ranges, browser piece limit) as the simulation
        check.n1 = static_cast<uint32_t>(key.n1);
        check.n2 = static_cast<uint64_t>(key.n2);
        check.k = static_cast<uint32_t>(key.k);
        check.seed = static_cast<uint64_t>(key.seed);
        check.max_pieces = kMaxPiecesBrowser;
        if (key.zipf_s > 0) {
            check.measure.kind = MeasureSpec::Kind::Zipf;
            check.measure.zipf_s = key.zipf_s;
        }
        validateSimulation(check);
        const double graph_bytes = SkillGraph::bytesFor(check.n1, check.n2, check.k);
        SpectralParams sp;
        sp.seed = check.seed;
        const double lanczos_bytes = SpectralJob::workBytes(check.n1, lanczosProductsFor(check.n1, sp.target_eps,
                                                                                          sp.start_failure_probability) + 2);
        if (graph_bytes + lanczos_bytes > kCertificateBudgetBytes)
            throw MemoryBudgetError("the certificate needs " + megabytesText(graph_bytes + lanczos_bytes) +
                                    " (graph and Lanczos basis), above the page's " +
                                    megabytesText(kCertificateBudgetBytes) + "; try fewer skills N\u2081 or pieces N\u2082");
        measure_.emplace(key.zipf_s > 0 ? SkillMeasure::zipf(check.n1, key.zipf_s) : SkillMeasure::uniform(check.n1));
        graph_ = std::make_unique<SkillGraph>();
        graph_->n1 = check.n1;
        graph_->n2 = check.n2;
        graph_->k = check.k;
        sampler_ = std::make_unique<GraphSampler>(*graph_, *measure_, check.seed);
    } catch (const std::exception& e) {
        error_ = e.what();
        sampler_.reset();
        graph_.reset();
    }
}

void CertificateTask::step(double slice_ms) {
    const double t0 = nowMs();
    try {
        while (sampler_ && nowMs() - t0 < slice_ms) {
            sampler_->sampleUntil(std::min<uint64_t>(graph_->n2, sampler_->piecesDone() + kSamplePiecesPerBlock));
            if (sampler_->piecesDone() == graph_->n2) {
                pending_hash_ = sampler_->slotsHash();
                sampler_.reset();
                SpectralParams sp;
                sp.seed = static_cast<uint64_t>(target_.seed);
                sp.memory_budget_bytes = kCertificateBudgetBytes - SkillGraph::bytesFor(graph_->n1, graph_->n2, graph_->k);
                spectral_ = std::make_unique<SpectralJob>(*graph_, sp);
            }
        }
        if (spectral_ && !spectral_->finished()) {
            const double left = slice_ms - (nowMs() - t0);
            if (left > 0.5) spectral_->runFor(left);
        }
        if (spectral_ && spectral_->finished()) {
            if (spectral_->state() != JobState::Done) throw std::runtime_error(spectral_->error());
            auto done = std::make_unique<Done>();
            done->key = target_;
            done->spectral = spectral_->result();
            done->slots_hash = pending_hash_;
            done->certifier = std::make_unique<MixingCertifier>(*graph_, done->spectral.sigma_centred_upper);
            spectral_.reset();
            graph_.reset();  // the certifier keeps the sorted degrees it needs
            measure_.reset();
            elapsed_ms_ += nowMs() - t0;
            done->elapsed_ms = elapsed_ms_;
            done_ = std::move(done);
            return;
        }
    } catch (const std::exception& e) {
        error_ = e.what();
        spectral_.reset();
        sampler_.reset();
        graph_.reset();
        measure_.reset();
    }
    const double spent = nowMs() - t0;
    elapsed_ms_ += spent;
    max_slice_ms_ = std::max(max_slice_ms_, spent);
}

double CertificateTask::progress() const {
    // Sampling is a small share of the work next to about 3 x 91 Lanczos products.
    constexpr double kSampleShare = 0.08;
    if (sampler_ && graph_) return kSampleShare * double(sampler_->piecesDone()) / double(std::max<uint64_t>(1, graph_->n2));
    if (spectral_) return kSampleShare + (1 - kSampleShare) * spectral_->progress();
    return done_ ? 1.0 : 0.0;
}

std::string CertificateTask::stage() const {
    if (sampler_) return "certificate: sampling the skill graph";
    if (spectral_) return "certificate: " + spectral_->stageName();
    return "";
}

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
