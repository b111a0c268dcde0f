// How far a fitted law's uncertainty moves the emergence thresholds: the threshold N of every law of
// a bootstrap (scaling_fit.h) and a central percentile interval of them.
#pragma once

#include "core/base/job.h"
#include "core/theory/emergence.h"
#include "core/theory/scaling_fit.h"
#include "core/theory/scaling_law.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace slingshot {

class ReplicaThresholds;

struct ThresholdInterval {
    double level = 0;  // central probability of the interval, in (0, 1)
    // Parameters N. The empirical quantiles (1 - level)/2 and (1 + level)/2 of the replicas'
    // thresholds, a replica that never reaches the target in range counting as +infinity: nullopt
    // when that quantile lies beyond the range.
    std::optional<double> lo, hi;
    uint32_t replicas = 0;     // laws given
    uint32_t unreached = 0;    // replicas whose law never reaches the target in range
    uint32_t invalid_law = 0;  // replicas whose law fails validateScalingLaw (counted as unreached too)
};

// One interval per k' for the model `m` with each law of `laws` in place of m.law (the rest of m, the
// target and the range as emergenceThresholds takes them). Needs at least one law and level in (0, 1).
std::vector<ThresholdInterval> thresholdIntervals(const EmergenceModel& m, std::span<const int> kprimes, double target,
                                                  std::span<const ScalingLaw> laws, double level,
                                                  SearchRange range = {});

// The intervals of a fit's thresholds as one resumable job (the CLI runs it to the end, the page in
// slices): R replicas of FitBootstrap, each refitted and its thresholds found, then the quantiles.
struct ThresholdIntervalParams {
    EmergenceModel model;  // its law is replaced by each replica's
    std::vector<int> kprimes;
    double target = 0.5;
    double level = 0.9;
    uint32_t replicas = 200;  // >= 1
    uint64_t seed = 1;
    std::vector<ScalingPoint> points;
    ScalingFit fit;  // of `points`
    SearchRange range;
};

class ThresholdIntervalJob : public Job {
public:
    // Throws std::invalid_argument for a bad model, level, target, k', or points (as FitBootstrap).
    explicit ThresholdIntervalJob(ThresholdIntervalParams params);
    ~ThresholdIntervalJob() override;
    const ThresholdIntervalParams& params() const { return p_; }
    // One per k', complete once state() == JobState::Done.
    const std::vector<ThresholdInterval>& result() const { return result_; }

private:
    ThresholdIntervalParams p_;
    std::unique_ptr<FitBootstrap> bootstrap_;
    std::unique_ptr<ReplicaThresholds> replicas_;
    std::vector<ThresholdInterval> result_;
};

}  // namespace slingshot
