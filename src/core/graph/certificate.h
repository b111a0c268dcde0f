// The mixing-lemma certificate of one sampled skill graph as one resumable job: sample the graph
// (the same slots as a simulation with the same N1, N2, k, measure and seed), run the three
// Lanczos runs of spectral.h on it, then keep the certifier (sorted degrees) and free the graph.
// The CLI's `certify` and the page's Competence, Curves and Tightness views run this job.
#pragma once

#include "core/base/job.h"
#include "core/graph/simulation.h"
#include "core/graph/skill_graph.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace slingshot {

struct CertificateParams {
    uint32_t n1 = 1000;    // skills
    uint64_t n2 = 100000;  // text pieces
    uint32_t k = 8;        // slots per piece
    uint64_t seed = 1;     // the graph's; the Lanczos start vectors use spectral.seed
    MeasureSpec measure;
    uint64_t max_pieces = kMaxPiecesNative;
    SpectralParams spectral;  // its memory budget is ignored: the job splits memory_budget_bytes
    double memory_budget_bytes = kDefaultMemoryBudgetBytes;  // graph and Lanczos basis together
    bool operator==(const CertificateParams&) const = default;
};

// The certificate of a simulation's graph (its shape, measure, seed, limits and memory budget),
// with default Lanczos parameters whose start vectors use the same seed.
CertificateParams certificateOf(const SimulationParams& sim);

// Throws std::invalid_argument for a graph shape validateSimulation refuses.
void validateCertificate(const CertificateParams& p);
// Bytes of the graph and of the Lanczos basis for the products the spectral parameters need.
double estimateCertificateBytes(const CertificateParams& p);

struct CertificateResult {
    uint64_t slots_hash = 0;  // as SimulationResult::slots_hash for the same graph
    SpectralResult spectral;
    std::shared_ptr<const MixingCertifier> certifier;  // for certify(theta, c) at any theta, c
};

class CertificateJob : public Job {
public:
    // Throws std::invalid_argument (bad shape, as validateSimulation says) or MemoryBudgetError
    // naming the bytes needed.
    explicit CertificateJob(CertificateParams params);
    ~CertificateJob() override;

    const CertificateParams& params() const { return p_; }
    // Complete once state() == JobState::Done.
    const CertificateResult& result() const { return result_; }
    // The Lanczos run under way while it runs ("Lanczos: ..."), else the stage.
    std::string stageName() const override;

private:
    CertificateParams p_;
    std::optional<SkillMeasure> measure_;
    std::unique_ptr<SkillGraph> graph_;
    std::unique_ptr<GraphSampler> sampler_;
    std::unique_ptr<SpectralJob> spectral_;
    CertificateResult result_;
};

}  // namespace slingshot
