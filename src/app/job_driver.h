// The one way a view runs an engine job (through engine.h, in a Web Worker or in this thread): the
// wanted parameters are debounced while a control is dragged, a new wanted value supersedes (cancels)
// the running job, each frame advances it (a slice of milliseconds when it runs in this thread), and
// the last finished result stays on screen while the next one runs. A refusal (bad input, memory) or
// failure is kept as text. Parameters compare with their operator==.
#pragma once

#include "app/engine.h"
#include "app/widgets.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <utility>

namespace slingshot::app {

// How long wanted parameters must stay unchanged while a control is held before a job starts.
inline constexpr double kSettleMs = 300;

template <class Params, class Result>
class JobDriver {
public:
    // encode: the job's parameters for the engine; decode: the result the view keeps, from the
    // finished job's encoded result (the job, with its large arrays, is gone by then).
    using Encode = std::function<Bytes(const Params&)>;
    using Decode = std::function<std::unique_ptr<Result>(const Params&, const Bytes&)>;

    JobDriver(JobKind kind, Encode encode, Decode decode)
        : kind_(kind), encode_(std::move(encode)), decode_(std::move(decode)) {}
    JobDriver(const JobDriver&) = delete;
    JobDriver& operator=(const JobDriver&) = delete;
    ~JobDriver() {
        if (ticket_) engine().stop(ticket_);
    }

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
        if (!ticket_) return;
        engine().stop(ticket_);
        ticket_ = 0;
        cancelled_ = true;
    }

    // The shown result: the last finished one, or the wanted job's partial result (partial()).
    const Result* last() const { return last_.get(); }
    const Params* lastParams() const { return last_ ? &last_params_ : nullptr; }
    // Counts the results taken (finished and partial): changes whenever last() does.
    uint64_t generation() const { return generation_; }
    bool running() const { return ticket_ != 0; }
    // last() is the wanted job's partial result (its first stages: a simulation's skills without its
    // tuples); the rest is running, or was cancelled or refused.
    bool partial() const {
        return partial_ && have_target_ && last_params_ == target_ && !(have_pending_ && !(pending_ == target_));
    }
    bool cancelled() const { return cancelled_; }
    // The refusal or failure of the wanted job; empty when fine.
    const std::string& error() const { return error_; }
    // The shown result is not the wanted one (running, waiting, refused or cancelled).
    bool stale() const {
        return !last_ || partial_ || !have_target_ || running() || !error_.empty() || cancelled_ ||
               !(last_params_ == target_) || (have_pending_ && !(pending_ == target_));
    }
    // The wanted job is still to finish (not refused, not cancelled).
    bool busy() const { return stale() && error_.empty() && !cancelled_; }
    double progress() const { return ticket_ ? progress_ : last_ ? 1.0 : 0.0; }
    std::string stageName() const { return ticket_ ? stage_ : std::string(); }
    double lastSliceMs() const { return last_slice_ms_; }
    double maxSliceMs() const { return max_slice_ms_; }

private:
    void start(const Params& p) {
        const bool forced = force_;
        force_ = false;
        if (ticket_) engine().stop(ticket_);  // frees the old job's arrays before the new one allocates
        ticket_ = 0;
        target_ = p;
        have_target_ = true;
        cancelled_ = false;
        error_.clear();
        if (!forced && last_ && !partial_ && last_params_ == p) return;
        progress_ = 0;
        stage_.clear();
        partial_seen_ = 0;
        try {
            ticket_ = engine().start(kind_, encode_(p));
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }

    void step(double slice_ms) {
        const JobNews& news = engine().advance(ticket_, slice_ms);
        progress_ = news.progress;
        stage_ = news.stage;
        last_slice_ms_ = news.slice_ms;
        max_slice_ms_ = std::max(max_slice_ms_, last_slice_ms_);
        if (news.state == JobNews::State::Running) {
            if (news.partial_count != partial_seen_ && !news.partial.empty()) {
                partial_seen_ = news.partial_count;
                keep(news.partial, true);
            }
            return;
        }
        if (news.state == JobNews::State::Done) {
            keep(news.result, false);
        } else {
            error_ = news.error.empty() ? "the job stopped" : news.error;
        }
        engine().stop(ticket_);
        ticket_ = 0;
    }

    void keep(const Bytes& result, bool partial) {
        try {
            last_ = decode_(target_, result);
            last_params_ = target_;
            partial_ = partial;
            ++generation_;
        } catch (const std::exception& e) {
            error_ = e.what();
        }
    }

    JobKind kind_;
    Encode encode_;
    Decode decode_;
    uint64_t ticket_ = 0;
    double progress_ = 0;
    std::string stage_;
    std::unique_ptr<Result> last_;
    Params last_params_{}, pending_{}, target_{};
    bool have_pending_ = false, have_target_ = false, force_ = false, cancelled_ = false, partial_ = false;
    uint32_t partial_seen_ = 0;  // the running job's partial results taken
    double pending_since_ms_ = 0;
    std::string error_;
    double last_slice_ms_ = 0, max_slice_ms_ = 0;
    uint64_t generation_ = 0;
};

}  // namespace slingshot::app
