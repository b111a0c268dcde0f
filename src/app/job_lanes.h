// Many jobs of one kind for one view (the seeds of an ensemble, the Emergence view's model sizes): a
// list of wanted parameters run on a few lanes at once (the engine's workers take them side by side;
// in this thread they share the frame's slice), each result kept by its index as soon as it finishes,
// so the view draws the finished ones while the rest run. A kept result stays while its index's
// parameters stay the same, so growing the list only runs the new ones.
#pragma once

#include "app/job_driver.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slingshot::app {

template <class Params, class Result>
class JobLanes {
public:
    using Driver = JobDriver<Params, Result>;

    JobLanes(size_t lanes, JobKind kind, typename Driver::Encode encode, typename Driver::Decode decode)
        : kind_(kind), encode_(std::move(encode)), decode_(std::move(decode)) {
        for (size_t j = 0; j < std::max<size_t>(1, lanes); ++j) lanes_.push_back({newDriver(), std::nullopt});
    }

    // Once per frame: forget results whose parameters changed, give idle lanes the lowest indices
    // still to run, and advance the running ones (slice_ms shared among them; settle_ms as in
    // JobDriver::update). After a refusal nothing new starts until the wanted list changes.
    void update(const std::vector<Params>& wanted, double slice_ms, double settle_ms = kSettleMs) {
        if (wanted != wanted_) {
            std::vector<std::unique_ptr<Result>> kept(wanted.size());
            for (size_t i = 0; i < wanted.size() && i < wanted_.size(); ++i)
                if (wanted[i] == wanted_[i]) kept[i] = std::move(results_[i]);
            results_ = std::move(kept);
            wanted_ = wanted;
            error_.clear();
            cancelled_ = false;
            for (Lane& lane : lanes_)
                if (lane.index && (*lane.index >= wanted_.size() || results_[*lane.index])) release(lane);
        }
        if (!error_.empty() || cancelled_) return;
        size_t busy = 0;
        for (Lane& lane : lanes_) busy += take(lane);
        const double share = slice_ms / double(std::max<size_t>(1, busy));
        for (Lane& lane : lanes_)
            if (lane.index) advance(lane, share, settle_ms);
    }
    // Stops the running jobs; the kept results stay, and nothing new starts until the list changes.
    void cancel() {
        for (Lane& lane : lanes_) release(lane);
        cancelled_ = true;
    }

    size_t size() const { return wanted_.size(); }
    // Index i's result, once it finished with wanted[i]; null before.
    const Result* result(size_t i) const { return i < results_.size() ? results_[i].get() : nullptr; }
    size_t finished() const {
        return size_t(std::count_if(results_.begin(), results_.end(), [](const auto& r) { return r != nullptr; }));
    }
    bool running() const {
        return std::any_of(lanes_.begin(), lanes_.end(), [](const Lane& l) { return l.driver->running(); });
    }
    // Some wanted result is still to come (not refused, not cancelled).
    bool busy() const { return error_.empty() && !cancelled_ && finished() < wanted_.size(); }
    bool cancelled() const { return cancelled_; }
    // The first refusal or failure; empty when fine.
    const std::string& error() const { return error_; }
    // Finished results count 1 each, running ones their progress; over the list's size.
    double progress() const {
        double done = double(finished());
        for (const Lane& lane : lanes_)
            if (lane.index && lane.driver->running()) done += lane.driver->progress();
        return wanted_.empty() ? 1.0 : done / double(wanted_.size());
    }
    std::string stageName() const {
        for (const Lane& lane : lanes_)
            if (lane.driver->running()) return lane.driver->stageName();
        return {};
    }

private:
    struct Lane {
        std::unique_ptr<Driver> driver;
        std::optional<size_t> index;  // the wanted entry it runs
    };

    std::unique_ptr<Driver> newDriver() const { return std::make_unique<Driver>(kind_, encode_, decode_); }
    // A fresh driver (the old one's job stops): it starts its next parameters once they settle,
    // even when they equal the ones it ran before.
    void release(Lane& lane) {
        if (lane.driver->running() || lane.driver->cancelled()) lane.driver = newDriver();
        lane.index.reset();
    }
    bool take(Lane& lane) {
        for (size_t i = 0; i < wanted_.size() && !lane.index; ++i) {
            const bool taken =
                std::any_of(lanes_.begin(), lanes_.end(), [i](const Lane& other) { return other.index == i; });
            if (!results_[i] && !taken) lane.index = i;
        }
        return lane.index.has_value();
    }
    void advance(Lane& lane, double slice_ms, double settle_ms) {
        const size_t i = *lane.index;
        lane.driver->update(wanted_[i], slice_ms, settle_ms);
        if (!lane.driver->error().empty()) {
            error_ = lane.driver->error();
            for (Lane& l : lanes_) release(l);
        } else if (!lane.driver->stale() && *lane.driver->lastParams() == wanted_[i]) {
            results_[i] = std::make_unique<Result>(*lane.driver->last());
            lane.index.reset();
        }
    }

    JobKind kind_;
    typename Driver::Encode encode_;
    typename Driver::Decode decode_;
    std::vector<Lane> lanes_;
    std::vector<Params> wanted_;
    std::vector<std::unique_ptr<Result>> results_;
    std::string error_;
    bool cancelled_ = false;
};

}  // namespace slingshot::app
