// `emergence`: guaranteed fractions of k'-tuples across model sizes (THEORY §5), the threshold
// sizes and their ratios, and optionally the sizes at which Zipf-ranked skills become competent.
#include "core/theory/emergence.h"
#include "core/theory/skill_counts.h"
#include "core/theory/threshold_intervals.h"
#include "core/theory/trained_models.h"
#include "query/command_support.h"
#include "query/commands.h"
#include "query/model_notes.h"
#include "query/number_text.h"
#include "query/theory_args.h"
#include "query/trained_models_text.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace slingshot {

namespace {

// The modelling choices every number here depends on, and what a reader must know to trust them.
Json emergenceNotes(const EmergenceModel& m, std::span<const int> kprimes, long long clipped, long long points) {
    Json notes = Json::array();
    for (const std::string& note : modellingNotes(m)) notes.push_back(note);
    for (int kp : kprimes)
        if (tuplesWithoutBlocks(m.tuples, m.k, kp)) {
            notes.push_back("t1 with k' > k: a piece holds no block of k' skills, so nothing is guaranteed for k' = " +
                            std::to_string(kp) + " at any size");
            break;
        }
    if (clipped > 0)
        notes.push_back("theta reached 1 at " + std::to_string(clipped) + " of " + std::to_string(points) +
                        " sizes (the excess loss is above " +
                        (m.theta_map == ThetaMap::Linear ? std::string("1/c_map") : std::string("1/2, Pinsker's cut")) +
                        " there; a law with E = 0 counts all its loss as excess), so nothing is guaranteed at those "
                        "sizes");
    return notes;
}

// With a fitted law: each threshold's interval from a residual bootstrap of the reader's points.
void addThresholdIntervals(const Args& a, const EmergenceModel& m, const std::optional<PointsFit>& fitted,
                           std::span<const int> kprimes, double target, Json& out) {
    const long long replicas = a.integer("bootstrap");
    if (!fitted) {
        for (const char* flag : {"bootstrap", "interval", "bootstrap-seed"})
            if (a.given(flag))
                throw QueryError(std::string("--") + flag + " needs --preset fit (intervals come from your points)");
        return;
    }
    if (replicas == 0) return;
    if (m.law.name != fitted->fit.law.name) {
        out["notes"].push_back("no threshold intervals: the fitted law's constants were overridden");
        return;
    }
    ThresholdIntervalParams p;
    p.model = m;
    p.kprimes.assign(kprimes.begin(), kprimes.end());
    p.target = target;
    p.level = a.number("interval");
    p.replicas = static_cast<uint32_t>(replicas);
    p.seed = static_cast<uint64_t>(a.integer("bootstrap-seed"));
    p.points = fitted->points;
    p.fit = fitted->fit;
    const auto job = runJob<ThresholdIntervalJob>(std::move(p));
    const std::vector<ThresholdInterval>& iv = job->result();
    const double level = job->params().level;
    long long invalid = 0;
    for (size_t i = 0; i < iv.size(); ++i) {
        Json& t = out["thresholds"][i];
        t["n_lo"] = optionalOrNull(iv[i].lo);
        t["n_hi"] = optionalOrNull(iv[i].hi);
        t["unreached_replicas"] = iv[i].unreached;
        invalid = iv[i].invalid_law;
    }
    out["threshold_intervals"] = {{"method", "residual bootstrap of the fit"},
                                  {"level", level},
                                  {"replicas", replicas},
                                  {"seed", job->params().seed},
                                  {"invalid_laws", invalid}};
    out["notes"].push_back("n_lo .. n_hi: central " + shortNumber(100 * level) + "% of the thresholds of " +
                           std::to_string(replicas) +
                           " refits to your points with resampled residuals (null: beyond 1e40); they show "
                           "the fit's uncertainty, not that of the modelling choices");
}

// --models: each trained model at its own (N, D) under this law and reading.
Json trainedModelsJson(const EmergenceModel& m, const std::vector<TrainedModel>& models, std::span<const int> kprimes) {
    Json out = Json::array();
    for (const TrainedModel& t : models) {
        const TrainedModelReading r = readTrainedModel(m, t, kprimes);
        Json frac = Json::array();
        for (size_t i = 0; i < kprimes.size(); ++i) frac.push_back({{"kprime", kprimes[i]}, {"frac", r.frac[i]}});
        out.push_back({{"name", t.name},
                       {"n", t.n_params},
                       {"d", t.d_tokens},
                       {"tokens_per_param", t.d_tokens / t.n_params},
                       {"source", t.source.empty() ? Json(nullptr) : Json(t.source)},
                       {"excess_loss", r.excess_loss},
                       {"theta", r.theta.theta},
                       {"theta_clipped", r.theta.clipped},
                       {"fractions", frac}});
    }
    return out;
}

Json runEmergence(const Args& a) {
    const std::optional<PointsFit> fitted = pointsFitFrom(a);
    const EmergenceModel m = emergenceModelFrom(a, a.number("k"), a.number("c"), fitted);
    const double from = a.number("from"), to = a.number("to");
    if (!(from < to)) throw QueryError("--from must be below --to");
    std::vector<int> kprimes;
    for (long long kp : a.intList("kprime")) kprimes.push_back(static_cast<int>(kp));
    const double target = a.number("target");

    const EmergenceSweep sweep = sweepEmergence(m, kprimes, from, to, static_cast<int>(a.integer("points")));
    Json curves = Json::array();
    for (size_t i = 0; i < kprimes.size(); ++i) {
        Json points = Json::array();
        for (size_t j = 0; j < sweep.n_params.size(); ++j)
            points.push_back({{"n", sweep.n_params[j]}, {"theta", sweep.theta[j]}, {"frac", sweep.frac[i][j]}});
        curves.push_back({{"kprime", kprimes[i]}, {"points", points}});
    }
    const Thresholds t = emergenceThresholds(m, kprimes, target);
    Json thresholds = Json::array(), ratios = Json::array();
    for (size_t i = 0; i < kprimes.size(); ++i)
        thresholds.push_back({{"kprime", kprimes[i]}, {"n", optionalOrNull(t.n[i])}});
    for (const auto& r : t.ratios) ratios.push_back(optionalOrNull(r));
    Json out = {{"curves", curves},
                {"thresholds", thresholds},
                {"ratios", ratios},
                {"target", target},
                {"k", m.k},
                {"c", m.c},
                {"tuples", std::string(tupleModelName(m.tuples))},
                {"preset", m.law.name}};
    addLawFields(out, m.law);
    // The D of each N: r N (r given or 20) or compute-optimal under the law.
    const bool optimal = m.data_rule == DataRule::ComputeOptimal;
    out["d_rule"] = optimal ? "optimal" : "ratio";
    out["tokens_per_param"] = optimal ? Json(nullptr) : Json(m.tokens_per_param);
    addThetaFields(out, m);
    const long long clipped = std::count(sweep.theta_clipped.begin(), sweep.theta_clipped.end(), 1);
    out["theta_clipped_points"] = clipped;
    out["notes"] = emergenceNotes(m, kprimes, clipped, static_cast<long long>(sweep.n_params.size()));
    addThresholdIntervals(a, m, fitted, kprimes, target, out);
    if (a.has("models")) {
        std::vector<TrainedModel> models;
        try {
            models = parseTrainedModels(a.text("models"));
        } catch (const std::invalid_argument& e) {
            throw QueryError(std::string("--models: ") + e.what());
        }
        out["models"] = trainedModelsJson(m, models, kprimes);
        out["notes"].push_back(
            "models sit at their own (N, D) from their papers (docs/THEORY.md), not on the curves' D rule");
    }

    if (a.has("zipf") || a.has("n1") || a.has("rank")) {
        if (!a.has("zipf") || !a.has("n1") || !a.has("rank"))
            throw QueryError("--zipf, --n1 and --rank go together (Zipf exponent, number of skills, ranks)");
        const long long n1 = a.integer("n1");
        Json zipf = Json::array();
        for (long long rank : a.intList("rank")) {
            if (rank > n1) throw QueryError("--rank " + std::to_string(rank) + " exceeds --n1 " + std::to_string(n1));
            const double mu = zipfMeasure(n1, a.number("zipf"), rank);
            zipf.push_back({{"rank", rank}, {"measure", mu}, {"n", optionalOrNull(nForMeasure(m, mu, 1))}});
        }
        out["zipf"] = zipf;
        out["notes"].push_back(
            "the zipf block is for single skills (k' = 1) of each rank, whatever --kprime and --tuples say");
    }
    return out;
}

}  // namespace

CommandSpec emergenceCommand() {
    std::vector<ParamSpec> p = {
        Param("k", "skills per text piece").range(1, 1e6).byDefault("8"),
        Param("c", "competence level c").range(0, 1).openMax().byDefault("0.8"),
        Param("kprime", "tuple sizes k'", ParamKind::IntList).range(1, 64).byDefault("1,2,4,8"),
        tuplesParam(),
        Param("from", "smallest model size N of the sweep (parameters)").range(0, 1e40).openMin().byDefault("1e8"),
        Param("to", "largest model size N of the sweep (parameters)").range(0, 1e40).openMin().byDefault("1e17"),
        Param("points", "log-spaced sweep points", ParamKind::Integer).range(2, 10000).byDefault("200"),
        Param("target", "guaranteed fraction whose threshold N is reported")
            .range(0, 1)
            .openMin()
            .openMax()
            .byDefault("0.5"),
        Param("ratio", "tokens per parameter r, D = r N (default 20)").range(0, 1e6).openMin(),
        dRuleParam(),
        Param("bootstrap", "with --preset fit: refits to your points for the thresholds' intervals (0: none)",
              ParamKind::Integer)
            .range(0, 10000)
            .byDefault("200"),
        Param("interval", "with --preset fit: central probability of the thresholds' intervals")
            .range(0, 1)
            .openMin()
            .openMax()
            .byDefault("0.9"),
        Param("bootstrap-seed", "with --preset fit: seed of the resampled residuals", ParamKind::Integer)
            .range(0, 9007199254740992.0)
            .byDefault("1"),
        Param("models",
              "trained models at their own N and D: published (GPT-3 ... Llama 3.1 405B, from their papers) and/or "
              "NAME:N:D entries, separated by ';'",
              ParamKind::Text),
        Param("zipf", "Zipf exponent s of the skill measure (§5.3)").range(0, 10),
        Param("n1", "number of skills N1 (with --zipf)", ParamKind::Integer).range(1, 1e12),
        Param("rank", "skill frequency ranks (with --zipf)", ParamKind::IntList).range(1, 1e12),
    };
    for (auto& q : lawParams()) p.push_back(q);
    for (auto& q : thetaParams()) p.push_back(q);
    return {"emergence", "guaranteed fractions of k'-tuples across model sizes, thresholds and their ratios", p,
            guarded("emergence", runEmergence)};
}

}  // namespace slingshot
