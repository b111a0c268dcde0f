#include "core/base/job.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <new>

namespace slingshot {

void Job::runOneBlock() {
    if (current_ >= stages_.size()) {
        state_ = JobState::Done;
        return;
    }
    JobStage& s = stages_[current_];
    if (!begun_) {
        items_ = s.begin ? s.begin() : 0;
        done_items_ = 0;
        begun_ = true;
    }
    if (done_items_ < items_) {
        const uint64_t last = std::min(items_, done_items_ + std::max<uint64_t>(1, s.block_items));
        s.block(done_items_, last);
        done_items_ = last;
    }
    if (done_items_ >= items_) {
        if (s.end) s.end();
        ++current_;
        begun_ = false;
        items_ = done_items_ = 0;
        if (current_ >= stages_.size()) state_ = JobState::Done;
    }
}

bool Job::step(uint64_t budget_items) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    uint64_t spent = 0;
    try {
        while (state_ == JobState::Running) {
            const size_t stage_before = current_;
            const uint64_t done_before = done_items_;
            runOneBlock();
            // A stage boundary counts as one item so empty stages cannot loop forever on budget 0.
            spent += (current_ == stage_before) ? done_items_ - done_before : 1;
            if (spent >= std::max<uint64_t>(1, budget_items)) break;
        }
    } catch (const std::bad_alloc&) {
        state_ = JobState::Failed;
        error_ = "out of memory in stage '" + stageName() + "'";
    } catch (const std::exception& e) {
        state_ = JobState::Failed;
        error_ = e.what();
    }
    elapsed_ms_ += std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    return state_ == JobState::Running;
}

bool Job::runFor(double budget_ms) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    // One block per step, so the clock is read after every block (a step of kJobBlockItems items
    // could hold many blocks of a stage with small blocks and overrun a frame).
    while (step(1)) {
        if (std::chrono::duration<double, std::milli>(Clock::now() - start).count() >= budget_ms) break;
    }
    return state_ == JobState::Running;
}

void Job::runToEnd() {
    while (step(UINT64_MAX)) {
    }
}

void Job::cancel() {
    if (state_ == JobState::Running) state_ = JobState::Cancelled;
}

double Job::progress() const {
    if (state_ == JobState::Done) return 1;
    double total = 0, done = 0;
    for (size_t i = 0; i < stages_.size(); ++i) {
        total += stages_[i].weight;
        if (i < current_) done += stages_[i].weight;
    }
    if (current_ < stages_.size() && begun_ && items_ > 0)
        done += stages_[current_].weight * static_cast<double>(done_items_) / static_cast<double>(items_);
    return total > 0 ? std::clamp(done / total, 0.0, 1.0) : 0.0;
}

std::string Job::stageName() const {
    if (current_ < stages_.size()) return stages_[current_].name;
    return state_ == JobState::Done ? "done" : "";
}

}  // namespace slingshot
