#include "app/simulation_runner.h"

#include "app/engine_codecs.h"
#include "app/engine_jobs.h"
#include "app/page_limits.h"
#include "app/sampled_graph_cache.h"
#include "app/widgets.h"
#include "core/graph/piece_blocks.h"
#include "core/graph/streamed_counts.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace slingshot::app {

namespace {

// The per-skill arrays of a snapshot from 64-bit counts (a streamed run); refused if a count does not
// fit the snapshot's 32 bits (it cannot within the page's limit of k N2 < 2^32 slots).
void countsInto(SimulationSnapshot& snap, const StreamedCounts& c) {
    auto narrow = [](const std::vector<uint64_t>& v, std::vector<uint32_t>& out) {
        out.resize(v.size());
        for (size_t s = 0; s < v.size(); ++s) {
            if (v[s] > UINT32_MAX) throw std::invalid_argument("a skill has more than 2^32 edges");
            out[s] = static_cast<uint32_t>(v[s]);
        }
    };
    narrow(c.degree, snap.degree);
    narrow(c.failed_edges, snap.failed_edges);
}

void measureInto(SimulationSnapshot& snap, const SkillMeasure& mu) {
    if (mu.isUniform()) return;
    snap.probability.resize(mu.size());
    for (uint32_t s = 0; s < mu.size(); ++s) snap.probability[s] = mu.probability(s);
}

// What a view keeps of a finished run: the result and the per-skill arrays it draws.
std::unique_ptr<SimulationSnapshot> snapshotOf(const SimulationJob& job, uint64_t keep_slots) {
    auto snap = std::make_unique<SimulationSnapshot>();
    snap->params = job.params();
    snap->result = job.result();
    const SkillGraph& g = job.graph();
    if (const StreamedCounts* counts = job.streamedCounts()) {
        countsInto(*snap, *counts);
    } else {
        snap->degree.assign(g.degree.data(), g.degree.data() + g.n1);
        snap->failed_edges.assign(job.failedEdges().data(), job.failedEdges().data() + g.n1);
    }
    measureInto(*snap, job.measure());
    if (!job.streamedCounts() && double(g.n2) * g.k <= double(keep_slots)) {
        snap->slots.resize(g.n2 * g.k);
        for (uint64_t i = 0; i < g.n2; ++i)
            for (uint32_t j = 0; j < g.k; ++j) snap->slots[i * g.k + j] = g.slot(i, j);
        snap->failed.assign(job.failures().failed.data(), job.failures().failed.data() + g.n2);
    }
    snap->elapsed_ms = job.elapsedMs();
    snap->estimated_bytes = estimateSimulationBytes(job.params());
    return snap;
}

struct SimulationRequest {
    SimulationParams params;
    uint64_t keep_slots = 0;
};

SimulationRequest readRequest(const Bytes& request) {
    SimulationRequest q;
    ByteReader r(request);
    r.get(q.params);
    r.get(q.keep_slots);
    r.finish();
    return q;
}

}  // namespace

SLINGSHOT_BYTE_FIELDS(SimulationSnapshot, &SimulationSnapshot::params, &SimulationSnapshot::result,
                      &SimulationSnapshot::degree, &SimulationSnapshot::failed_edges, &SimulationSnapshot::probability,
                      &SimulationSnapshot::slots, &SimulationSnapshot::failed, &SimulationSnapshot::elapsed_ms,
                      &SimulationSnapshot::estimated_bytes)

Bytes simulationRequest(const SimulationParams& wanted, uint64_t keep_slots_up_to) {
    // A graph too big to draw whose slots nothing else reads streams (the same numbers), and the
    // page's workers can share its blocks.
    SimulationParams p = wanted;
    if (!readsSlotsLater(p) && double(p.n2) * p.k > double(keep_slots_up_to)) p.slots = SlotStorage::Streamed;
    ByteWriter w;
    w.put(p);
    w.put(keep_slots_up_to);
    return w.take();
}

std::unique_ptr<SimulationSnapshot> simulationSnapshotOf(const Bytes& result) {
    auto snap = std::make_unique<SimulationSnapshot>();
    ByteReader r(result);
    r.get(*snap);
    r.finish();
    return snap;
}

namespace {

// A run with tuples sends its snapshot once the skills are final, before the tuples' stages.
class SimulationEngineJob final : public EngineJob {
public:
    explicit SimulationEngineJob(const SimulationRequest& q)
        : job_(std::make_unique<SimulationJob>(q.params, keptGraphFor(q.params))), keep_slots_(q.keep_slots) {}
    Job& job() override { return *job_; }
    Bytes result() override {
        keepGraph(job_->sampledGraph());  // for the next run on this graph
        return snapshot();
    }
    std::optional<Bytes> partialResult() override {
        if (gave_partial_ || !job_->skillsReady() || job_->finished()) return std::nullopt;
        gave_partial_ = true;
        return snapshot();
    }

private:
    Bytes snapshot() const {
        ByteWriter w;
        w.put(*snapshotOf(*job_, keep_slots_));
        return w.take();
    }

    std::unique_ptr<SimulationJob> job_;
    uint64_t keep_slots_;
    bool gave_partial_ = false;
};

}  // namespace

std::unique_ptr<EngineJob> makeSimulationEngineJob(const Bytes& request) {
    return std::make_unique<SimulationEngineJob>(readRequest(request));
}

uint32_t simulationAffinity(const Bytes& request) { return graphAffinity(readRequest(request).params); }

std::vector<Bytes> simulationShares(const Bytes& request, unsigned ways) {
    const SimulationRequest q = readRequest(request);
    if (q.params.slots != SlotStorage::Streamed) return {};
    const uint64_t blocks = pieceBlockCount(q.params.n2);
    const uint64_t parts = std::min<uint64_t>(ways, blocks);
    std::vector<Bytes> out;
    for (uint64_t i = 0; parts > 1 && i < parts; ++i) {
        ByteWriter w;
        w.put(q.params);
        const BlockShare share = blockShare(blocks, i, parts);
        w.put(share.first);
        w.put(share.last);
        out.push_back(w.take());
    }
    return out;
}

std::unique_ptr<EngineJob> makeStreamedBlocksEngineJob(const Bytes& request) {
    ByteReader r(request);
    SimulationParams p = r.read<SimulationParams>();
    const uint64_t first = r.read<uint64_t>(), last = r.read<uint64_t>();
    r.finish();
    return engineJobOf(std::make_unique<StreamedCountJob>(std::move(p), first, last), [](const StreamedCountJob& job) {
        ByteWriter w;
        w.put(job.counts());
        return w.take();
    });
}

Bytes joinSimulationShares(const Bytes& request, const std::vector<const Bytes*>& shares, double elapsed_ms) {
    const SimulationRequest q = readRequest(request);
    StreamedCounts total(q.params.n1);
    for (const Bytes* share : shares) {
        ByteReader r(*share);
        total.add(r.read<StreamedCounts>());
        r.finish();
    }
    const SkillMeasure mu = measureOf(q.params.measure, q.params.n1);
    SimulationSnapshot snap;
    snap.params = q.params;
    snap.result = streamedResult(q.params, mu, total);
    countsInto(snap, total);
    measureInto(snap, mu);
    snap.elapsed_ms = elapsed_ms;
    snap.estimated_bytes = estimateSimulationBytes(q.params);
    ByteWriter w;
    w.put(snap);
    return w.take();
}

SimulationRunner::SimulationRunner(uint64_t keep_slots_up_to)
    : driver_(
          JobKind::Simulation,
          [keep_slots_up_to](const SimulationParams& p) { return simulationRequest(p, keep_slots_up_to); },
          [](const SimulationParams&, const Bytes& result) { return simulationSnapshotOf(result); }) {}

void SimulationRunner::drawStatus() {
    if (!error().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.2f, 0.05f, 1));
        ImGui::TextWrapped("Not run: %s", error().c_str());
        ImGui::PopStyleColor();
        if (partial())
            mutedText("Showing this run's skills; its tuples were not computed.");
        else if (last())
            mutedText("Showing the last completed run.");
        return;
    }
    if (running()) {
        char overlay[160];
        std::snprintf(overlay, sizeof overlay, "%s  %.0f%%", driver_.stageName().c_str(), 100.0 * driver_.progress());
        ImGui::ProgressBar(static_cast<float>(driver_.progress()), ImVec2(-ImGui::GetFontSize() * 5, 0), overlay);
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) driver_.cancel();
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Stops this run; the last completed result stays on screen");
        if (partial()) mutedText("The skills are final; the tuples are still being counted.");
        return;
    }
    if (cancelled() && partial())
        mutedText(
            "Run cancelled after its skills; the tuples were not counted. Press \"same graph, rerun\" to count them.");
    else if (cancelled())
        mutedText("Run cancelled; showing the last completed run. Press \"same graph, rerun\" to run it.");
}

namespace {

ParamSpec simulateParam(const char* name) {
    ParamSpec p = cliParam("simulate", name);
    if (p.name == "n2") p.max = double(kMaxPiecesBrowser);  // the page's limit on text pieces
    return p;
}

}  // namespace

ParamSpec ensembleSpec() {
    ParamSpec p = viewParam("ensemble", ParamKind::Integer,
                            "seeds in the ensemble: the same run with this many seeds, drawn as a band (1 = one run)",
                            1, double(kMaxEnsembleSeedsPage));
    return p;
}

SimulationParams SimulationInputs::params(bool with_tuples) const {
    SimulationParams p;
    p.n1 = static_cast<uint32_t>(n1);
    p.n2 = static_cast<uint64_t>(n2);
    p.k = static_cast<uint32_t>(k);
    p.theta = theta;
    p.c = c;
    p.failure = failureModeFromName(failure).value_or(FailureMode::Random);
    if (with_tuples) {
        p.kprime = static_cast<uint32_t>(kprime);
        p.tuples = tupleReadingFromName(tuples).value_or(TupleReading::T2);
    }
    if (measure == "zipf") {
        p.measure.kind = MeasureSpec::Kind::Zipf;
        p.measure.zipf_s = zipf_s;
    }
    p.seed = static_cast<uint64_t>(seed);
    p.max_pieces = kMaxPiecesBrowser;
    return p;
}

std::vector<ParamBinding> SimulationInputs::bindings(bool with_tuples) {
    std::vector<ParamBinding> b = {
        {simulateParam("n1"), &n1},           {simulateParam("n2"), &n2},           {simulateParam("k"), &k},
        {simulateParam("theta"), &theta},     {simulateParam("failure"), &failure}, {simulateParam("c"), &c},
        {simulateParam("measure"), &measure}, {simulateParam("zipf-s"), &zipf_s},   {simulateParam("seed"), &seed}};
    if (with_tuples) {
        b.push_back({simulateParam("kprime"), &kprime});
        b.push_back({simulateParam("tuples"), &tuples});
    }
    return b;
}

void SimulationInputs::draw(SimulationRunner& runner, bool with_tuples) {
    ImGui::SeparatorText("Skill graph");
    intSlider("N\u2081  skills", &n1, simulateParam("n1"), true,
              "More skills: lower degree kN\u2082/N\u2081, noisier competence.");
    intSlider("N\u2082  text pieces", &n2, simulateParam("n2"), true,
              "More pieces: higher degree, competence concentrates (the theorems need N\u2082 \u226b N\u2081).");
    intSlider("k  skills per text piece", &k, simulateParam("k"), false,
              "Each piece draws k skills i.i.d. from \u03bc\u2081; larger k spreads each failure over more skills.");
    const ParamSpec measure_spec = simulateParam("measure");
    choiceCombo("##measure", &measure, measure_spec,
                {"uniform \u03bc\u2081 (every skill equally likely)", "Zipf \u03bc\u2081(i) \u221d i\u207b\u02e2"});
    paramTooltip(measure_spec, "Zipf: frequent skills get high degree (and emerge first, THEORY 5.3).");
    if (measure == "zipf")
        numberSlider("Zipf exponent s", &zipf_s, simulateParam("zipf-s"), "%.2f",
                     "s = 0 is uniform; larger s, steeper.");

    ImGui::SeparatorText("Failed text pieces");
    numberSlider(
        "\u03b8  measure of failed pieces", &theta, simulateParam("theta"), "%.3f",
        "The model's error fraction: \u03b8N\u2082 pieces fail (random, adversarial) or each with prob. \u03b8.");
    const ParamSpec failure_spec = simulateParam("failure");
    choiceCombo("##failure", &failure, failure_spec,
                {"random: exactly \u03b8N\u2082 pieces at random", "independent: each piece with probability \u03b8",
                 "adversarial: the worst set found for level c"});
    paramTooltip(failure_spec,
                 "Thm 8 holds for every failure set of measure \u03b8; the adversary searches for the worst.");
    numberSlider("c  competence level", &c, simulateParam("c"), "%.3f",
                 "A skill is competent at level c if at least a fraction c of its edges go to pieces not failed.");

    if (with_tuples) {
        ImGui::SeparatorText("k\u2032-tuples of skills");
        const ParamSpec kp = simulateParam("kprime");
        int v = static_cast<int>(kprime);
        ImGui::RadioButton("k\u2032 = 2", &v, 2);
        paramTooltip(kp, "Pairs of skills.");
        sameLineIfFits(boxedLabelWidth("k\u2032 = 3"));
        ImGui::RadioButton("k\u2032 = 3", &v, 3);
        paramTooltip(kp, "Triples: N\u2081\u00b3 tuples, so far fewer edges per tuple at the same N\u2082.");
        kprime = v;
        choiceCombo("##tuples", &tuples, simulateParam("tuples"),
                    {"T2: k\u2032-pieces of k\u2032 random pieces", "S: skills co-occurring in one piece"});
        paramTooltip(simulateParam("tuples"),
                     "T2 is the reading in which Cor 13 holds exactly; S has no closed-form bound.");
    }

    ImGui::SeparatorText("Randomness");
    seedInput(&seed, simulateParam("seed"), "The same seed gives the same graph here, natively and in slingshot-cli.",
              "Next seed: a new random graph and failure set");
    if (ImGui::Button("same graph, rerun")) runner.rerun();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Run again with this seed: the same graph and the same numbers");
}

}  // namespace slingshot::app
