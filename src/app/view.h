// A view of the explorer: controls on the left, plots in the main area, a short explanation.
// Views read engine results (src/core) and draw; they never compute theory themselves.
#pragma once

namespace slingshot::app {

class View {
public:
    virtual ~View() = default;
    virtual const char* urlName() const = 0;  // ?view=NAME
    virtual const char* title() const = 0;    // tab label
    virtual void controls() = 0;              // left panel
    virtual void main() = 0;                  // plots and read-outs
};

}  // namespace slingshot::app
