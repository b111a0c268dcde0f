#include "core/theory/threshold_intervals.h"

#include "core/base/sample_band.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace slingshot {

namespace {

constexpr double kUnreached = std::numeric_limits<double>::infinity();

// The empirical quantile of sorted thresholds; none when it falls on a replica that never reached the target.
std::optional<double> quantile(const std::vector<double>& sorted, double q) {
    const double v = empiricalQuantile(sorted, q);
    return v == kUnreached ? std::nullopt : std::optional<double>(v);
}

}  // namespace

// The thresholds of each replica's law, collected, and their quantiles at the end.
class ReplicaThresholds {
public:
    ReplicaThresholds(const EmergenceModel& m, std::span<const int> kprimes, double target, SearchRange range)
        : model_(m),
          kprimes_(kprimes.begin(), kprimes.end()),
          target_(target),
          range_(range),
          n_(kprimes.size()),
          out_(kprimes.size()) {
        validateModel(m);
        for (int kp : kprimes_)
            if (kp < 1) throw std::invalid_argument("kprime must be >= 1");
        if (!(target > 0 && target < 1)) throw std::invalid_argument("target fraction must be in (0, 1)");
    }

    void add(const ScalingLaw& law) {
        model_.law = law;
        bool valid = true;
        try {
            validateScalingLaw(law);
        } catch (const std::invalid_argument&) {
            valid = false;
        }
        for (size_t i = 0; i < kprimes_.size(); ++i) {
            const std::optional<double> t = valid ? thresholdN(model_, kprimes_[i], target_, range_) : std::nullopt;
            n_[i].push_back(t ? *t : kUnreached);
            out_[i].unreached += !t;
            out_[i].invalid_law += !valid;
        }
    }

    std::vector<ThresholdInterval> finish(double level) {
        for (size_t i = 0; i < kprimes_.size(); ++i) {
            std::sort(n_[i].begin(), n_[i].end());
            out_[i].level = level;
            out_[i].replicas = uint32_t(n_[i].size());
            out_[i].lo = quantile(n_[i], (1 - level) / 2);
            out_[i].hi = quantile(n_[i], (1 + level) / 2);
        }
        return out_;
    }

private:
    EmergenceModel model_;
    std::vector<int> kprimes_;
    double target_;
    SearchRange range_;
    std::vector<std::vector<double>> n_;
    std::vector<ThresholdInterval> out_;
};

namespace {

void checkLevel(double level) {
    if (!(level > 0 && level < 1)) throw std::invalid_argument("interval level must be in (0, 1)");
}

}  // namespace

std::vector<ThresholdInterval> thresholdIntervals(const EmergenceModel& m, std::span<const int> kprimes, double target,
                                                  std::span<const ScalingLaw> laws, double level, SearchRange range) {
    if (laws.empty()) throw std::invalid_argument("threshold intervals need at least one law");
    checkLevel(level);
    ReplicaThresholds replicas(m, kprimes, target, range);
    for (const ScalingLaw& law : laws) replicas.add(law);
    return replicas.finish(level);
}

ThresholdIntervalJob::ThresholdIntervalJob(ThresholdIntervalParams params) : p_(std::move(params)) {
    if (p_.replicas < 1) throw std::invalid_argument("threshold intervals need at least one replica");
    checkLevel(p_.level);
    replicas_ = std::make_unique<ReplicaThresholds>(p_.model, p_.kprimes, p_.target, p_.range);
    bootstrap_ = std::make_unique<FitBootstrap>(p_.points, p_.fit, p_.seed);
    JobStage refit;
    refit.name = "refitting the law to resampled points";
    refit.block_items = 4;  // a refit and its thresholds take about a millisecond
    refit.begin = [this] { return uint64_t(p_.replicas); };
    refit.block = [this](uint64_t first, uint64_t last) {
        for (uint64_t j = first; j < last; ++j) replicas_->add(bootstrap_->next());
    };
    refit.end = [this] {
        result_ = replicas_->finish(p_.level);
        replicas_.reset();
        bootstrap_.reset();
    };
    addStage(std::move(refit));
}

ThresholdIntervalJob::~ThresholdIntervalJob() = default;

}  // namespace slingshot
