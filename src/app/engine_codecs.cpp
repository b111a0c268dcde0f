#include "app/engine_codecs.h"

namespace slingshot {

SLINGSHOT_BYTE_FIELDS(MeasureSpec, &MeasureSpec::kind, &MeasureSpec::zipf_s, &MeasureSpec::weights)
SLINGSHOT_BYTE_FIELDS(AdversaryParams, &AdversaryParams::theta, &AdversaryParams::c, &AdversaryParams::seed,
                      &AdversaryParams::coarse_points, &AdversaryParams::fine_rounds, &AdversaryParams::fine_points,
                      &AdversaryParams::refine_rounds)
SLINGSHOT_BYTE_FIELDS(SimulationParams, &SimulationParams::n1, &SimulationParams::n2, &SimulationParams::k,
                      &SimulationParams::theta, &SimulationParams::failure, &SimulationParams::c,
                      &SimulationParams::kprime, &SimulationParams::tuples, &SimulationParams::t2_pieces,
                      &SimulationParams::measure, &SimulationParams::seed, &SimulationParams::grid_points,
                      &SimulationParams::memory_budget_bytes, &SimulationParams::max_pieces,
                      &SimulationParams::adversary, &SimulationParams::slots)
SLINGSHOT_BYTE_FIELDS(CompetenceSummary, &CompetenceSummary::counted, &CompetenceSummary::isolated,
                      &CompetenceSummary::below_c, &CompetenceSummary::at_most_c, &CompetenceSummary::edge_sum,
                      &CompetenceSummary::failed_edge_sum, &CompetenceSummary::c, &CompetenceSummary::histogram,
                      &CompetenceSummary::measure_counted, &CompetenceSummary::measure_below_c,
                      &CompetenceSummary::measure_at_most_c, &CompetenceSummary::measure_histogram)
SLINGSHOT_BYTE_FIELDS(AdversaryReport, &AdversaryReport::best_x, &AdversaryReport::best_at_most_c,
                      &AdversaryReport::evaluations, &AdversaryReport::refined_best)
SLINGSHOT_BYTE_FIELDS(TupleReport, &TupleReport::summary, &TupleReport::edges, &TupleReport::failed_kpieces,
                      &TupleReport::kpieces, &TupleReport::total_tuples)
SLINGSHOT_BYTE_FIELDS(SimulationResult, &SimulationResult::slots_hash, &SimulationResult::mean_degree,
                      &SimulationResult::failed, &SimulationResult::theta_realized, &SimulationResult::skills,
                      &SimulationResult::adversary, &SimulationResult::tuples)
SLINGSHOT_BYTE_FIELDS(StreamedCounts, &StreamedCounts::degree, &StreamedCounts::failed_edges, &StreamedCounts::failed,
                      &StreamedCounts::slots_hash, &StreamedCounts::blocks)
SLINGSHOT_BYTE_FIELDS(LanczosSummary, &LanczosSummary::ritz, &LanczosSummary::residual, &LanczosSummary::iterations,
                      &LanczosSummary::eps, &LanczosSummary::exact)
SLINGSHOT_BYTE_FIELDS(SpectralResult, &SpectralResult::sigma1, &SpectralResult::sigma2, &SpectralResult::sigma_centred,
                      &SpectralResult::sigma_centred_upper, &SpectralResult::start_failure_probability,
                      &SpectralResult::top, &SpectralResult::deflated, &SpectralResult::centred,
                      &SpectralResult::method, &SpectralResult::proof_attempts)
SLINGSHOT_BYTE_FIELDS(MixingCertifier::Parts, &MixingCertifier::Parts::sigma, &MixingCertifier::Parts::n2,
                      &MixingCertifier::Parts::k, &MixingCertifier::Parts::isolated,
                      &MixingCertifier::Parts::min_degree, &MixingCertifier::Parts::prefix)
SLINGSHOT_BYTE_FIELDS(ScalingLaw, &ScalingLaw::name, &ScalingLaw::E, &ScalingLaw::A, &ScalingLaw::B, &ScalingLaw::a,
                      &ScalingLaw::b)
SLINGSHOT_BYTE_FIELDS(EmergenceModel, &EmergenceModel::law, &EmergenceModel::data_rule,
                      &EmergenceModel::tokens_per_param, &EmergenceModel::theta_map, &EmergenceModel::c_map,
                      &EmergenceModel::k, &EmergenceModel::c, &EmergenceModel::tuples)
SLINGSHOT_BYTE_FIELDS(ScalingPoint, &ScalingPoint::n_params, &ScalingPoint::d_tokens, &ScalingPoint::loss)
SLINGSHOT_BYTE_FIELDS(ScalingFitErrors, &ScalingFitErrors::E, &ScalingFitErrors::A, &ScalingFitErrors::B,
                      &ScalingFitErrors::a, &ScalingFitErrors::b)
SLINGSHOT_BYTE_FIELDS(ScalingFit, &ScalingFit::law, &ScalingFit::se, &ScalingFit::huber_loss,
                      &ScalingFit::rms_log_residual, &ScalingFit::max_abs_log_residual, &ScalingFit::iterations,
                      &ScalingFit::grid_starts, &ScalingFit::lm_runs, &ScalingFit::n_points)
SLINGSHOT_BYTE_FIELDS(SearchRange, &SearchRange::n_lo, &SearchRange::n_hi)
SLINGSHOT_BYTE_FIELDS(ThresholdIntervalParams, &ThresholdIntervalParams::model, &ThresholdIntervalParams::kprimes,
                      &ThresholdIntervalParams::target, &ThresholdIntervalParams::level,
                      &ThresholdIntervalParams::replicas, &ThresholdIntervalParams::seed,
                      &ThresholdIntervalParams::points, &ThresholdIntervalParams::fit, &ThresholdIntervalParams::range)
SLINGSHOT_BYTE_FIELDS(ThresholdInterval, &ThresholdInterval::level, &ThresholdInterval::lo, &ThresholdInterval::hi,
                      &ThresholdInterval::replicas, &ThresholdInterval::unreached, &ThresholdInterval::invalid_law)

}  // namespace slingshot
