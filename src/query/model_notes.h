// The modelling choices a guaranteed fraction along the scaling law rests on, as sentences: the
// k'-tuple reading, the map from excess loss to theta, the D rule and the law's constants. The CLI's
// notes and the page's figures show the same sentences.
#pragma once

#include "core/theory/emergence.h"

#include <string>
#include <vector>

namespace slingshot {

std::vector<std::string> modellingNotes(const EmergenceModel& m);

}  // namespace slingshot
