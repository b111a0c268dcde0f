// Overview: the chain scaling law -> excess loss -> theta -> skill graph -> competence -> emergence
// as a clickable diagram with live numbers from the engine, and a guided tour that sets parameters
// and switches views to tell the paper's argument, ending on slingshot generalization.
#pragma once

#include "app/app.h"
#include "app/model_size_player.h"
#include "app/view.h"

#include <string>
#include <vector>

namespace slingshot::app {

class OverviewView : public View {
public:
    explicit OverviewView(Navigator& nav) : nav_(nav) {}
    const char* urlName() const override { return "overview"; }
    const char* title() const override { return "Overview"; }
    void controls() override;
    void main() override;
    void update() override;
    ModelSizePlayer* player() override { return &player_; }
    std::vector<ParamBinding> bindings() override;
    std::string figureSummary() override;

    struct Box {
        const char* title;
        const char* formula;
        std::string value;  // the live number, from the engine
        const char* view;   // url name the box opens
    };
    // The diagram's boxes for the current parameters (chain first, then the two side boxes).
    const std::vector<Box>& boxes();

    static int tourSteps();
    int tourStep() const { return step_; }  // -1: no tour
    void startTour() { goToStep(0); }
    void goToStep(int step);  // applies the step's parameters and switches to its view; -1 ends

private:
    struct Inputs {
        double n, c;
        long long k;
        bool operator==(const Inputs&) const = default;
    };
    void recompute();
    void drawGuide();

    Navigator& nav_;
    double n_ = 7e10;  // Chinchilla's size
    double c_ = 0.5;
    long long k_ = 8;
    bool have_ = false;
    Inputs last_{};
    std::vector<Box> boxes_;
    int step_ = -1;
    ModelSizePlayer player_;  // moves n_ over kMinN .. kMaxN
    static constexpr double kMinN = 1e8, kMaxN = 1e16;
};

}  // namespace slingshot::app
