#include "app/model_size_player.h"

#include "app/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace slingshot::app {

namespace {

bool g_reduced_motion = false;

ParamSpec playSpec() {
    return viewParam("play", ParamKind::Choice,
                     "play over model size N: off (no marker), paused (the marker stands at N), on (it moves)", 0, 0,
                     {"off", "paused", "on"});
}
ParamSpec speedSpec() {
    return viewParam("speed", ParamKind::Number, "play speed in decades of model size N per second", 0.05, 10);
}

// One step of the range's decades from *n, kept inside [lo, hi].
void stepBy(double* n, double lo, double hi, double decades) {
    *n = std::clamp(std::pow(10.0, std::log10(*n) + decades), lo, hi);
}

}  // namespace

void ModelSizePlayer::setReducedMotion(bool reduce) { g_reduced_motion = reduce; }
bool ModelSizePlayer::reducedMotion() { return g_reduced_motion; }

std::vector<ParamBinding> ModelSizePlayer::bindings() { return {{playSpec(), &play_}, {speedSpec(), &speed_}}; }

void ModelSizePlayer::advance(double* n, double lo, double hi, double dt_s) {
    if (restart_) {  // the first frame of the play stands at the start
        restart_ = false;
        *n = lo;
        play_ = "on";
        pressed_ = true;
        notice_.clear();
        return;
    }
    if (!playing()) return;
    if (g_reduced_motion && !pressed_) {
        play_ = "paused";
        notice_ = "Paused: your system asks for reduced motion. Press Play to move N.";
        return;
    }
    if (!(*n < hi)) {
        *n = hi;
        play_ = "paused";
        return;
    }
    // A stalled frame (a hidden tab, the first frame after loading) moves N by at most kMaxFrameS.
    stepBy(n, lo, hi, speed_ * std::clamp(dt_s, 0.0, kMaxFrameS));
}

void ModelSizePlayer::controls(double* n, double lo, double hi, const char* off_label) {
    ImGui::PushID("player");
    if (off_label) {
        bool shown_now = shown();
        if (checkbox(off_label, &shown_now)) play_ = shown_now ? "paused" : "off";
        paramTooltip(playSpec());
    }
    const double step = kStepShare * std::log10(hi / lo);
    if (ImGui::Button("\u25c0##back")) {
        stepBy(n, lo, hi, -step);
        play_ = "paused";
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step N down by %.2g decades", step);
    ImGui::SameLine();
    if (ImGui::Button(playing() ? "Pause" : "Play \u25b6")) {
        if (playing()) {
            play_ = "paused";
        } else {
            if (!(*n < hi)) *n = lo;  // from the end, play again from the start
            play_ = "on";
            pressed_ = true;
            notice_.clear();
        }
    }
    paramTooltip(playSpec(), "Moves N along the range; the URL keeps N and whether it plays.");
    ImGui::SameLine();
    if (ImGui::Button("\u25b6##forward")) {
        stepBy(n, lo, hi, step);
        play_ = "paused";
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Step N up by %.2g decades", step);
    numberSlider("speed (decades of N per second)", &speed_, speedSpec(), "%.2f", "How fast N moves while playing.");
    if (!notice_.empty()) mutedText("%s", notice_.c_str());
    ImGui::PopID();
}

}  // namespace slingshot::app
