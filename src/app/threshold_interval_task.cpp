#include "app/threshold_interval_task.h"

#include "app/engine_codecs.h"
#include "app/engine_jobs.h"

#include <memory>
#include <stdexcept>

namespace slingshot::app {

std::unique_ptr<EngineJob> makeThresholdIntervalEngineJob(const Bytes& request) {
    ByteReader r(request);
    ThresholdIntervalParams p = r.read<ThresholdIntervalParams>();
    r.finish();
    return engineJobOf(std::make_unique<ThresholdIntervalJob>(std::move(p)), [](const ThresholdIntervalJob& job) {
        ByteWriter w;
        w.put(job.result());
        return w.take();
    });
}

ThresholdIntervalTask::ThresholdIntervalTask()
    : driver_(
          JobKind::ThresholdIntervals,
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
              ByteWriter w;
              w.put(p);
              return w.take();
          },
          [](const Inputs&, const Bytes& result) {
              auto intervals = std::make_unique<std::vector<ThresholdInterval>>();
              ByteReader r(result);
              r.get(*intervals);
              r.finish();
              return intervals;
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
