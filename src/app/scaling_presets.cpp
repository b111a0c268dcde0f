#include "app/scaling_presets.h"

#include <algorithm>

namespace slingshot::app {

std::vector<std::string> ScalingPresets::names() const {
    std::vector<std::string> out = scalingPresetNames();
    if (has_fit_) out.push_back(kFitName);
    return out;
}

std::optional<ScalingLaw> ScalingPresets::find(std::string_view name) const {
    if (name == kFitName) return has_fit_ ? std::optional<ScalingLaw>(fit_) : std::nullopt;
    return scalingPreset(name);
}

void ScalingPresets::setFit(ScalingLaw law, std::string source, std::optional<PointsFit> points) {
    validateScalingLaw(law);
    law.name = kFitName;
    fit_ = std::move(law);
    fit_source_ = std::move(source);
    fit_points_ = std::move(points);
    has_fit_ = true;
    ++version_;
}

ParamSpec ScalingPresets::withFit(ParamSpec spec, bool fit) {
    std::erase(spec.choices, std::string(kFitName));
    if (fit) spec.choices.push_back(kFitName);
    return spec;
}

std::optional<ScalingLaw> ScalingPresetsRef::find(std::string_view name) const {
    return store_ ? store_->find(name) : scalingPreset(name);
}

}  // namespace slingshot::app
