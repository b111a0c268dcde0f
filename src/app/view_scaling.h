// Scaling view: the scaling law L(N, D), its excess loss and the failure measure theta.
#pragma once

#include "app/view.h"
#include "core/cloze.h"
#include "core/scaling_law.h"

namespace slingshot::app {

class ScalingView : public View {
public:
    ScalingView();
    const char* urlName() const override { return "scaling"; }
    const char* title() const override { return "Scaling"; }
    void controls() override;
    void main() override;

private:
    ScalingLaw law_;
    int preset_ = 0;             // index into scalingPresetNames(), or the last entry for "custom"
    double n_params_ = 7e10;     // model size N (parameters)
    double tokens_per_param_ = 20;  // D = r N
    ThetaMap theta_map_ = ThetaMap::Linear;
    double c_map_ = 1.0;
};

}  // namespace slingshot::app
