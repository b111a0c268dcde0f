// Small ImGui helpers shared by the views: log-scale sliders, checked number inputs, read-outs.
#pragma once

#include <string>

namespace slingshot::app {

// A slider over [lo, hi] on a log scale, with the value also typeable (Ctrl+click).
bool logSlider(const char* label, double* v, double lo, double hi);
// A number input that refuses values <= 0 (or < 0 when allow_zero) with a visible message.
bool inputPositive(const char* label, double* v, const char* fmt, bool allow_zero = false);
// A labelled value: small caption above, large value, unit after it.
void readout(const char* caption, const std::string& value, const char* unit);

// Read-outs side by side that wrap onto the next line when the window is narrow.
class ReadoutRow {
public:
    void add(const char* caption, const std::string& value, const char* unit);

private:
    bool first_ = true;
};

}  // namespace slingshot::app
