// Trained models as the front doors take them (slingshot-cli --models, the page's models=):
// "published" for the papers' models (core/theory/trained_models.h) and NAME:N:D entries of the
// reader's own, separated by ';', e.g. "published;My 7B:7e9:2e12".
#pragma once

#include "core/theory/trained_models.h"

#include <string>
#include <string_view>
#include <vector>

namespace slingshot {

inline constexpr const char* kPublishedModels = "published";
inline constexpr size_t kMaxTrainedModels = 32;
inline constexpr size_t kMaxModelNameBytes = 40;

// Throws std::invalid_argument naming the entry: an empty or too long name, N or D not a finite
// number in (0, 1e40], a name given twice, or more than kMaxTrainedModels models. Empty text: none.
std::vector<TrainedModel> parseTrainedModels(std::string_view text);

// The ';'-separated entries of the text, blanks trimmed, empty ones left out (not checked).
std::vector<std::string> trainedModelEntries(std::string_view text);
// The text with the "published" entry first (on) or left out, the other entries kept in order.
std::string withPublishedModels(std::string_view text, bool on);

}  // namespace slingshot
