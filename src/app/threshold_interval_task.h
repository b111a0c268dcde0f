// The engine's threshold-interval job (core/theory/threshold_intervals.h) run inside frames for the
// Emergence view: while the law is the reader's fit of their own runs, the bootstrap's interval of
// each threshold, recomputed (debounced) when the model, the k' or the target change.
#pragma once

#include "app/job_driver.h"
#include "app/model_params.h"
#include "core/theory/threshold_intervals.h"

#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

class ThresholdIntervalTask {
public:
    static constexpr uint32_t kReplicas = 200;  // as slingshot-cli emergence --bootstrap
    static constexpr double kLevel = 0.9;

    ThresholdIntervalTask();

    // Once per frame. Does nothing (and current() is null) unless the preset is the fit and the
    // store has the runs behind it.
    void update(const ModelParams& model, const std::vector<long long>& kprimes, double target, double slice_ms);
    // The intervals for the inputs of the last update, one per k'; null while they are computed or
    // when there are none.
    const std::vector<ThresholdInterval>* current() const;
    bool running() const { return driver_.running(); }
    // Intervals are wanted and not yet shown.
    bool busy() const { return wanted_ && missing_.empty() && driver_.busy(); }
    // Why there are no intervals for a fit ("fit your runs in the Scaling view"), or the job's error.
    const std::string& missing() const { return missing_; }

private:
    struct Inputs {
        ModelParams model;
        std::vector<long long> kprimes;
        double target = 0;
        bool operator==(const Inputs&) const = default;
    };
    std::optional<Inputs> wanted_;
    std::string missing_;
    JobDriver<Inputs, std::vector<ThresholdInterval>> driver_;
};

}  // namespace slingshot::app
