// The emergence pipeline's parameters as the Emergence, Paucity-of-stimulus and Overview views bind
// and edit them: scaling-law preset, D rule, theta map, k, c and the k'-tuple model, with the CLI's
// names (slingshot-cli emergence) and ranges.
#pragma once

#include "app/param_binding.h"
#include "app/scaling_presets.h"
#include "core/theory/emergence.h"

#include <string>
#include <vector>

namespace slingshot::app {

// What the reader sees for the tuple models t2, t2exact, t1, p (in that order).
const std::vector<std::string>& tupleModelLabels();

struct ModelParams {
    std::string preset = "hoffmann2022";
    std::string d_rule = "ratio";  // ratio: D = r N; optimal: D that makes N compute-optimal
    double ratio = 20;
    std::string theta_map = "linear";
    double cmap = 1.0;
    long long k = 8;
    double c = 0.8;
    std::string tuples = "t2";
    ScalingPresetsRef presets;  // the app's laws, with the reader's "fit"; unset: built-ins only

    EmergenceModel model() const;
    void addBindings(std::vector<ParamBinding>& out);
    bool operator==(const ModelParams&) const = default;

    // Left-panel controls; each section can be left out.
    void lawControls();    // preset, D rule, theta map, c_map
    void levelControls();  // k, c
    void tupleControls();  // tuple model with its [U] note
    // The modelling choices the figures rest on: the CLI's notes for this model (or why there are none).
    std::vector<std::string> notes() const;
    // The same as a wrapped line of quiet text.
    void choicesNote() const;
};

}  // namespace slingshot::app
