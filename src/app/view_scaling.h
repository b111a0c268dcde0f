// Scaling view: the scaling law L(N, D), its excess loss and the failure measure theta.
#pragma once

#include "app/view.h"
#include "core/cloze.h"
#include "core/scaling_law.h"

#include <string>

namespace slingshot::app {

class ScalingView : public View {
public:
    ScalingView();
    const char* urlName() const override { return "scaling"; }
    const char* title() const override { return "Scaling"; }
    void update() override;
    void controls() override;
    void main() override;
    std::vector<ParamBinding> bindings() override;
    std::vector<const char*> plotIds() const override { return {"scaling-loss", "scaling-theta"}; }

private:
    ThetaMap thetaMap() const { return theta_map_ == "pinsker" ? ThetaMap::Pinsker : ThetaMap::Linear; }

    // Bound parameters (slingshot-cli `scaling` flag names in brackets).
    std::string preset_ = "hoffmann2022";  // [preset]
    std::string loaded_preset_;            // the preset whose constants law_ holds
    ScalingLaw law_;                       // [entropy coef-n coef-d exp-n exp-d]
    double n_params_ = 7e10;               // [n] model size N (parameters)
    double tokens_per_param_ = 20;         // [ratio] D = r N
    std::string theta_map_ = "linear";     // [theta-map] linear | pinsker
    double c_map_ = 1.0;                   // [cmap]
};

}  // namespace slingshot::app
