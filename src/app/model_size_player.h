// Play over model size N: a view's N moves along the view's range on a log scale at a chosen speed
// (decades of N per second), with play / pause and a step either way. The state is in the URL: `play`
// (off: no player marker; paused: the marker stands at N; on: it moves) and `speed`; N is the view's
// own parameter. When the reader's system asks for reduced motion, nothing moves on its own: a link
// saying play=on opens paused, with a notice, and Play still works when pressed.
#pragma once

#include "app/param_binding.h"

#include <string>
#include <vector>

namespace slingshot::app {

class ModelSizePlayer {
public:
    // The page's `prefers-reduced-motion: reduce` (set by the platform at start-up).
    static void setReducedMotion(bool reduce);
    static bool reducedMotion();
    // A step moves N by this fraction of the range's decades.
    static constexpr double kStepShare = 1.0 / 24;
    // The most play one frame moves N by, in seconds.
    static constexpr double kMaxFrameS = 0.25;

    std::vector<ParamBinding> bindings();
    // Once per frame before the view draws: moves *n by dt_s seconds of play, stopping at hi (paused
    // there). Pauses a link's autoplay under reduced motion.
    void advance(double* n, double lo, double hi, double dt_s);
    // Play / pause, a step back and forward, and the speed; `off_label` (when not null) adds a
    // checkbox that shows or hides the marker (play=off).
    void controls(double* n, double lo, double hi, const char* off_label = nullptr);

    // Plays from the start of the range on the next advance (as if Play were pressed there).
    void restart() { restart_ = true; }
    bool playing() const { return play_ == "on"; }
    // The marker shows (paused or playing).
    bool shown() const { return play_ != "off"; }
    // Why a link's autoplay was paused; empty otherwise.
    const std::string& notice() const { return notice_; }

private:
    std::string play_ = "off";
    double speed_ = 1.0;    // decades of N per second
    bool pressed_ = false;  // the reader pressed Play (then reduced motion does not pause it)
    bool restart_ = false;
    std::string notice_;
};

}  // namespace slingshot::app
