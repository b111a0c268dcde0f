// Small ImGui helpers shared by the views: log-scale sliders, checked number inputs, read-outs.
#pragma once

#include <climits>
#include <cmath>

#include "query/query.h"

#include <string>
#include <vector>

namespace slingshot::app {

// Milliseconds on a steady clock (since the first call): time slices and settle delays.
double nowMs();
// True while a widget is held (a slider being dragged): jobs wait for the value to settle.
bool anyItemActive();

// A slider over [lo, hi] on a log scale, with the value also typeable (Ctrl+click).
bool logSlider(const char* label, double* v, double lo, double hi);
// A number input that refuses values <= 0 (or < 0 when allow_zero) with a visible message.
bool inputPositive(const char* label, double* v, const char* fmt, bool allow_zero = false);
// A fraction or level for a read-out: `digits` decimals; a nonzero value below 1e-3 (which would
// read 0.000) with 2 significant figures instead; inf and NaN as formatNumber writes them.
std::string formatFixed(double v, int digits = 3);
// A labelled value: small caption above, large value, unit after it.
void readout(const char* caption, const std::string& value, const char* unit);

// Read-outs side by side that wrap onto the next line when the window is narrow.
class ReadoutRow {
public:
    void add(const char* caption, const std::string& value, const char* unit);

private:
    bool first_ = true;
};

// A copy of a slingshot-cli parameter's declaration (command, flag name), so that a view binds the
// CLI's name, range and help (commandParam in query/query.h). Throws std::logic_error if missing.
ParamSpec cliParam(const char* command, const char* name);
// A view-only parameter (no CLI flag): a number, integer or choice with its range and help.
ParamSpec viewParam(const char* name, ParamKind kind, const char* help, double lo, double hi,
                    std::vector<std::string> choices = {});
// Sliders over a parameter's declared range (optionally narrowed to [lo, hi] for the screen), with
// the label above and the parameter's tooltip; Ctrl+click types a value.
bool intSlider(const char* label, long long* v, const ParamSpec& spec, bool log_scale, const char* effect,
               long long lo = LLONG_MIN, long long hi = LLONG_MAX);
bool numberSlider(const char* label, double* v, const ParamSpec& spec, const char* fmt, const char* effect,
                  double hi = INFINITY);
// The seed field (Enter applies; the range is the parameter's) and a "new graph" button (next seed).
bool seedInput(long long* seed, const ParamSpec& spec, const char* effect, const char* new_graph_effect);
// Tooltip for the previous item: what the parameter is, its range and, if given, its effect.
void paramTooltip(const ParamSpec& spec, const char* effect = nullptr);
// What a combo of the next item's width shows for a choice: the whole label if it fits, else the
// part before its first ": " or " (", else `short_name` (the choice as the URL writes it).
std::string comboPreview(const std::string& label, const std::string& short_name);
// A combo over spec.choices; `labels` (same length) are what the reader sees, or the choices.
bool choiceCombo(const char* label, std::string* value, const ParamSpec& spec,
                 const std::vector<std::string>& labels = {});
// A line in the muted text colour that wraps at the window's edge (ImGui::TextDisabled runs past it,
// which cuts read-outs on phones).
void mutedText(const char* fmt, ...);
// A caption in the muted text colour, wrapped, starting with "[U]": an uncertain choice of ours.
void uncertainNote(const char* text);

// A checkbox whose label wraps at the window's edge (ImGui's runs past it and is cut on phones);
// a click on the wrapped label toggles it too.
bool checkbox(const char* label, bool* value);
// Keeps the next item on this line if `width` pixels of it still fit, else starts a new line.
void sameLineIfFits(float width);
// The width of a checkbox or radio button: its square box, the gap and the label.
float boxedLabelWidth(const char* label);
// A checkbox over an "on"/"off" choice parameter.
bool onOffCheckbox(const char* label, std::string* value);
// A text field for a comma-separated list of whole numbers, validated against `spec` (range,
// length) when Enter is pressed; a refused list shows why and keeps the previous value.
bool intListInput(const char* label, std::vector<long long>* value, const ParamSpec& spec);
// "2, 4, 8" for a list of whole numbers.
std::string joinList(const std::vector<long long>& v);

}  // namespace slingshot::app
