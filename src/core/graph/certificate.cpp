#include "core/graph/certificate.h"

#include <algorithm>
#include <stdexcept>

namespace slingshot {
namespace {

constexpr uint64_t kSamplePiecesPerBlock = 16384;
// The Lanczos stage advances the inner job by progress units: it has no item count of its own.
constexpr uint64_t kLanczosUnits = 1000;

double lanczosBytes(const CertificateParams& p) {
    SpectralParams sp = p.spectral;
    sp.memory_budget_bytes = p.memory_budget_bytes - SkillGraph::bytesFor(p.n1, p.n2, p.k);
    return SpectralJob::bytesFor(sp, p.n1);
}

}  // namespace

CertificateParams certificateOf(const SimulationParams& sim) {
    CertificateParams p;
    p.n1 = sim.n1;
    p.n2 = sim.n2;
    p.k = sim.k;
    p.seed = sim.seed;
    p.measure = sim.measure;
    p.max_pieces = sim.max_pieces;
    p.spectral.seed = sim.seed;
    p.memory_budget_bytes = sim.memory_budget_bytes;
    return p;
}

void validateCertificate(const CertificateParams& p) {
    SimulationParams shape;
    shape.n1 = p.n1;
    shape.n2 = p.n2;
    shape.k = p.k;
    shape.seed = p.seed;
    shape.measure = p.measure;
    shape.max_pieces = p.max_pieces;
    validateSimulation(shape);
}

double estimateCertificateBytes(const CertificateParams& p) {
    return SkillGraph::bytesFor(p.n1, p.n2, p.k) + lanczosBytes(p);
}

CertificateJob::CertificateJob(CertificateParams params) : p_(std::move(params)) {
    validateCertificate(p_);
    requireWithinBudget("the certificate (graph and Lanczos basis)", estimateCertificateBytes(p_),
                        p_.memory_budget_bytes);

    JobStage sample;
    sample.name = "sampling the skill graph";
    sample.weight = 0.08;  // next to about 3 x 91 Lanczos products
    sample.block_items = kSamplePiecesPerBlock;
    sample.begin = [this] {
        measure_.emplace(measureOf(p_.measure, p_.n1));
        graph_ = std::make_unique<SkillGraph>();
        graph_->n1 = p_.n1;
        graph_->n2 = p_.n2;
        graph_->k = p_.k;
        sampler_ = std::make_unique<GraphSampler>(*graph_, *measure_, p_.seed);
        return p_.n2;
    };
    sample.block = [this](uint64_t, uint64_t last) { sampler_->sampleUntil(last); };
    sample.end = [this] {
        result_.slots_hash = sampler_->slotsHash();
        sampler_.reset();
        SpectralParams sp = p_.spectral;
        sp.memory_budget_bytes = p_.memory_budget_bytes - SkillGraph::bytesFor(p_.n1, p_.n2, p_.k);
        spectral_ = std::make_unique<SpectralJob>(*graph_, sp);
    };
    addStage(std::move(sample));

    JobStage lanczos;
    lanczos.name = "Lanczos";
    lanczos.weight = 0.92;
    lanczos.block_items = 1;
    lanczos.begin = [] { return kLanczosUnits; };
    lanczos.block = [this](uint64_t, uint64_t last) {
        const double until = double(last) / double(kLanczosUnits);
        while ((last == kLanczosUnits || spectral_->progress() < until) && spectral_->step(1)) {
        }
        if (spectral_->finished() && spectral_->state() != JobState::Done) throw std::runtime_error(spectral_->error());
    };
    lanczos.end = [this] {
        result_.spectral = spectral_->result();
        result_.certifier = std::make_shared<const MixingCertifier>(*graph_, result_.spectral.sigma_centred_upper);
        spectral_.reset();
        graph_.reset();  // the certifier keeps the sorted degrees it needs
        measure_.reset();
    };
    addStage(std::move(lanczos));
}

CertificateJob::~CertificateJob() = default;

std::string CertificateJob::stageName() const {
    if (spectral_ && !spectral_->finished()) return spectral_->stageName();
    return Job::stageName();
}

}  // namespace slingshot
