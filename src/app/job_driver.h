// The one way the page runs an engine job (core/base/job.h) for a view, inside frames: the wanted
// parameters are debounced while a control is dragged, a new wanted value supersedes (cancels) the
// running job, each frame runs the job for a slice of milliseconds, and the last finished result
// stays on screen while the next one runs. A refusal (bad input, memory) or failure is kept as
// text. Parameters compare with their operator==.
#pragma once

#include "app/widgets.h"
#include "core/base/job.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace slingshot::app {

// How long wanted parameters must stay unchanged while a control is held before a job starts.
inline constexpr double kSettleMs = 300;

template <class Params, class JobType, class Result>
class JobDriver {
public:
    // make: the job for some parameters (throws to refuse them); keep: what the view keeps of a
    // finished job (the job, with its large arrays, is released afterwards).
    using Make = std::function<std::unique_ptr<JobType>(const Params&)>;
    using Keep = std::function<std::unique_ptr<Result>(const Params&, JobType&)>;

    JobDriver(Make make, Keep keep) : make_(std::move(make)), keep_(std::move(keep)) {}

    // Once per frame: start a job when `wanted` differs from the current target and has settled (no
    // control held, or unchanged for settle_ms), then run it for slice_ms. Wanted parameters whose
    // result is already kept start nothing.
    void update(const Params& wanted, double slice_ms, double settle_ms = kSettleMs) {
        const double now = nowMs();
        if (!have_pending_ || !(wanted == pending_)) {
            pending_ = wanted;
            have_pending_ = true;
            pending_since_ms_ = now;
        }
        const bool differs = !have_target_ || !(pending_ == target_);
        if (force_ || (differs && (!anyItemActive() || now - pending_since_ms_ >= settle_ms))) start(pending_);
        if (running()) step(slice_ms);
    }
    // Runs the current target again from scratch on the next update.
    void rerun() { force_ = true; }
    // Stops the running job; the last result stays.
    void cancel() {
        if (!job_) return;
        job_->cancel();
        job_.reset();
        cancelled_ = true;
    }

    const Result* last() const { return last_.get(); }
    const Params* lastParams() const { return last_ ? &last_params_ : nullptr; }
    // Counts finished jobs: changes whenever last() does.
    uint64_t generation() const { return generation_; }
    bool running() const { return static_cast<bool>(job_); }
    bool cancelled() const { return cancelled_; }
    // The refusal or failure of the wanted job; empty when fine.
    const std::string& error() const { return error_; }
    // The shown result is not the wanted one (running, waiting, refused or cancelled).
    bool stale() const {
        return !last_ || !have_target_ || running() || !error_.empty() || cancelled_ || !(last_params_ == target_) ||
               (have_pending_ && !(pending_ == target_));
    }
    // The wanted job is still to finish (not refused, not cancelled).
    bool busy() const { return stale() && error_.empty() && !cancelled_; }
    double progress() const { return job_ ? job_->progress() : last_ ? 1.0 : 0.0; }
    std::string stageName() const { return job_ ? job_->stageName() : std::string(); }
    double lastSliceMs() const { return last_slice_ms_; }
    double maxSliceMs() const { return max_slice_ms_; }

private:
    void start(const Params& p) {
        const bool forced = force_;
        force_ = false;
        if (job_) job_->cancel();
        job_.reset();  // frees the old job's arrays before the new one allocates
        target_ = p;
        have_target_ = true;
        cancelled_ = false;
        error_.clear();
        if (!forced && last_ && last_params_ == p) return;
        try {
            job_ = make_(p);
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }

    void step(double slice_ms) {
        const double before = job_->elapsedMs();
        job_->runFor(slice_ms);
        last_slice_ms_ = job_->elapsedMs() - before;
        max_slice_ms_ = std::max(max_slice_ms_, last_slice_ms_);
        if (!job_->finished()) return;
        if (job_->state() == JobState::Done) {
            last_ = keep_(target_, *job_);
            last_params_ = target_;
            ++generation_;
        } else {
            error_ = job_->error().empty() ? "the job stopped" : job_->error();
        }
        job_.reset();
    }

    Make make_;
    Keep keep_;
    std::unique_ptr<JobType> job_;
    std::unique_ptr<Result> last_;
    Params last_params_{}, pending_{}, target_{};
    bool have_pending_ = false, have_target_ = false, force_ = false, cancelled_ = false;
    double pending_since_ms_ = 0;
    std::string error_;
    double last_slice_ms_ = 0, max_slice_ms_ = 0;
    uint64_t generation_ = 0;
};

}  // namespace slingshot::app
