// The spread of a simulation over seeds: the same parameters run with several seeds, and the bands of
// what each run measured (pointwise along the competence curves), for the page's ensembles and
// `slingshot-cli simulate --seeds`.
#pragma once

#include "core/base/sample_band.h"
#include "core/graph/simulation.h"

#include <optional>
#include <vector>

namespace slingshot {

struct EnsembleBands {
    size_t runs = 0;
    std::vector<double> c;                  // the skills' curve grid, c = j / grid_points
    std::vector<SampleBand> curve;          // fraction of skills (by count) with competence >= c
    std::vector<SampleBand> measure_curve;  // mu1-measure of skills with competence >= c
    std::vector<double> tuple_c;            // the tuples' grid (empty without tuples)
    std::vector<SampleBand> tuple_curve;    // fraction of k'-tuples with competence >= c
    SampleBand frac_at_most_c, measure_frac_at_most_c, theta_realized;
    std::optional<SampleBand> tuple_frac_at_most_c;
};

// Throws std::invalid_argument for no runs, or runs on different grids or with tuples in some only.
EnsembleBands ensembleBands(const std::vector<const SimulationResult*>& runs, double level = kEnsembleBandLevel);

}  // namespace slingshot
