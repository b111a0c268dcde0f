// The engine's parameter and result types in the byte codec (byte_codec.h), field by field, for jobs
// that cross to a Web Worker. Declared next to nothing in core (which knows no encoding): they live
// in the engine's namespace so the codec finds them by argument-dependent lookup.
#pragma once

#include "app/byte_codec.h"
#include "core/graph/certificate.h"
#include "core/graph/simulation.h"
#include "core/graph/streamed_counts.h"
#include "core/theory/threshold_intervals.h"

namespace slingshot {

using app::ByteReader;
using app::ByteWriter;

#define SLINGSHOT_CODEC(Type)                      \
    void writeValue(ByteWriter& w, const Type& v); \
    void readValue(ByteReader& r, Type& v);

SLINGSHOT_CODEC(MeasureSpec)
SLINGSHOT_CODEC(AdversaryParams)
SLINGSHOT_CODEC(SimulationParams)
SLINGSHOT_CODEC(CompetenceSummary)
SLINGSHOT_CODEC(AdversaryReport)
SLINGSHOT_CODEC(TupleReport)
SLINGSHOT_CODEC(SimulationResult)
SLINGSHOT_CODEC(StreamedCounts)
SLINGSHOT_CODEC(LanczosSummary)
SLINGSHOT_CODEC(SpectralResult)
SLINGSHOT_CODEC(MixingCertifier::Parts)
SLINGSHOT_CODEC(ScalingLaw)
SLINGSHOT_CODEC(EmergenceModel)
SLINGSHOT_CODEC(ScalingPoint)
SLINGSHOT_CODEC(ScalingFitErrors)
SLINGSHOT_CODEC(ScalingFit)
SLINGSHOT_CODEC(SearchRange)
SLINGSHOT_CODEC(ThresholdIntervalParams)
SLINGSHOT_CODEC(ThresholdInterval)

#undef SLINGSHOT_CODEC

}  // namespace slingshot
