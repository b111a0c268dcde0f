#include "core/graph/ensemble_bands.h"

#include <stdexcept>

namespace slingshot {

namespace {

void splitCurve(const std::vector<CompetencePoint>& curve, std::vector<double>* c, std::vector<double>& frac) {
    if (c) c->clear();
    frac.clear();
    for (const CompetencePoint& p : curve) {
        if (c) c->push_back(p.c);
        frac.push_back(p.frac);
    }
}

}  // namespace

EnsembleBands ensembleBands(const std::vector<const SimulationResult*>& runs, double level) {
    if (runs.empty()) throw std::invalid_argument("an ensemble needs at least one run");
    const bool tuples = runs.front()->tuples.has_value();
    EnsembleBands out;
    out.runs = runs.size();
    std::vector<std::vector<double>> curves, measure_curves, tuple_curves;
    std::vector<double> at_most, measure_at_most, theta, tuple_at_most, frac;
    for (const SimulationResult* r : runs) {
        if (r->tuples.has_value() != tuples)
            throw std::invalid_argument("an ensemble's runs must all count tuples, or none");
        splitCurve(r->skills.curve(), curves.empty() ? &out.c : nullptr, frac);
        curves.push_back(frac);
        splitCurve(r->skills.measureCurve(), nullptr, frac);
        measure_curves.push_back(frac);
        at_most.push_back(r->skills.fracAtMostC());
        measure_at_most.push_back(r->skills.measureFracAtMostC());
        theta.push_back(r->theta_realized);
        if (tuples) {
            splitCurve(r->tuples->summary.curve(), tuple_curves.empty() ? &out.tuple_c : nullptr, frac);
            tuple_curves.push_back(frac);
            tuple_at_most.push_back(r->tuples->summary.fracAtMostC());
        }
    }
    out.curve = pointwiseBands(curves, level);
    out.measure_curve = pointwiseBands(measure_curves, level);
    out.frac_at_most_c = sampleBand(at_most, level);
    out.measure_frac_at_most_c = sampleBand(measure_at_most, level);
    out.theta_realized = sampleBand(theta, level);
    if (tuples) {
        out.tuple_curve = pointwiseBands(tuple_curves, level);
        out.tuple_frac_at_most_c = sampleBand(tuple_at_most, level);
    }
    return out;
}

}  // namespace slingshot
