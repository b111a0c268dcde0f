// Trained models on the Emergence view: the `models` parameter (published; NAME:N:D, as slingshot-cli
// emergence --models), a dotted line per model at its N in the main plot, and a table of what the
// theory says at each model's own (N, D). Readings come from the engine (core/theory/trained_models.h).
#pragma once

#include "app/model_params.h"
#include "app/param_binding.h"
#include "core/theory/trained_models.h"

#include <string>
#include <vector>

namespace slingshot::app {

class TrainedModelsPanel {
public:
    ParamBinding binding();
    // A checkbox for the published models and a text field for the reader's own (Enter applies; a
    // refused text shows why and keeps the previous one).
    void controls();
    // Recomputes the readings when the text, the model or the k' changed.
    void update(const ModelParams& params, const std::vector<long long>& kprimes);
    // Inside BeginPlot/EndPlot: a dotted line at each model's N, labelled with its name.
    void drawLines() const;
    // The readings as a table (nothing without models).
    void drawTable() const;

    struct Row {
        TrainedModel model;
        TrainedModelReading reading;
    };
    const std::vector<Row>& rows() const { return rows_; }
    const std::string& error() const { return error_; }

private:
    struct Inputs {
        std::string text;
        ModelParams params;
        std::vector<long long> kprimes;
        bool operator==(const Inputs&) const = default;
    };
    std::string text_;        // bound as "models"
    char buffer_[1024] = {};  // the text field while it is edited
    std::string field_error_;
    Inputs last_;
    bool have_ = false;
    std::vector<Row> rows_;
    std::vector<long long> kprimes_;
    std::string error_;
};

}  // namespace slingshot::app
