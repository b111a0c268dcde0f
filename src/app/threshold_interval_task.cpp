#include "app/threshold_interval_task.h"

#include <memory>
#include <stdexcept>

namespace slingshot::app {

ThresholdIntervalTask::ThresholdIntervalTask()
    : driver_(
          [](const Inputs& in) {
              const PointsFit* runs = in.model.presets.store() ? in.model.presets.store()->fitPoints() : nullptr;
              if (!runs) throw std::invalid_argument("no runs behind this fit");
              ThresholdIntervalParams p;
              p.model = in.model.model();
              p.kprimes.assign(in.kprimes.begin(), in.kprimes.end());
              p.target = in.target;
              p.level = kLevel;
              p.replicas = kReplicas;
              p.points = runs->points;
              p.fit = runs->fit;
              return std::make_unique<ThresholdIntervalJob>(std::move(p));
          },
          [](const Inputs&, ThresholdIntervalJob& job) {
              return std::make_unique<std::vector<ThresholdInterval>>(job.result());
          }) {}

void ThresholdIntervalTask::update(const ModelParams& model, const std::vector<long long>& kprimes, double target,
                                   double slice_ms) {
    wanted_.reset();
    missing_.clear();
    if (model.preset != ScalingPresets::kFitName) return;
    const ScalingPresets* store = model.presets.store();
    if (!store || !store->fitPoints()) {
        missing_ = "no intervals: this fit came without its runs (fit them in the Scaling view)";
        driver_.cancel();
        return;
    }
    wanted_ = Inputs{model, kprimes, target};
    driver_.update(*wanted_, slice_ms);
    if (!driver_.error().empty()) missing_ = "no intervals: " + driver_.error();
}

const std::vector<ThresholdInterval>* ThresholdIntervalTask::current() const {
    if (!wanted_ || !driver_.last() || driver_.stale() || !(*driver_.lastParams() == *wanted_)) return nullptr;
    return driver_.last();
}

}  // namespace slingshot::app
