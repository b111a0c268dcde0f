#include "query/trained_models_text.h"

#include "query/input_text.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace slingshot {

namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

double sizeOf(std::string_view text, const char* what, std::string_view entry) {
    const std::optional<double> v = strictNumber(trimmed(text));
    if (!v || !std::isfinite(*v) || !(*v > 0) || *v > 1e40)
        throw std::invalid_argument("model " + quotedInput(entry) + ": " + what + " " + quotedInput(text) +
                                    " is not a number in (0, 1e40]");
    return *v;
}

}  // namespace

std::vector<TrainedModel> parseTrainedModels(std::string_view text) {
    std::vector<TrainedModel> out;
    const auto add = [&](TrainedModel m) {
        for (const TrainedModel& o : out)
            if (o.name == m.name) throw std::invalid_argument("model " + quotedInput(m.name) + " is given twice");
        out.push_back(std::move(m));
        if (out.size() > kMaxTrainedModels)
            throw std::invalid_argument("at most " + std::to_string(kMaxTrainedModels) + " models");
    };
    for (const std::string& e : trainedModelEntries(text)) {
        const std::string_view entry = e;
        if (entry == kPublishedModels) {
            for (const TrainedModel& m : publishedModels()) add(m);
            continue;
        }
        const size_t c1 = entry.find(':'), c2 = c1 == std::string_view::npos ? c1 : entry.find(':', c1 + 1);
        if (c2 == std::string_view::npos || entry.find(':', c2 + 1) != std::string_view::npos)
            throw std::invalid_argument("model " + quotedInput(entry) +
                                        ": write NAME:N:D (parameters, training tokens) or published");
        const std::string_view name = trimmed(entry.substr(0, c1));
        if (name.empty() || name.size() > kMaxModelNameBytes)
            throw std::invalid_argument("model " + quotedInput(entry) + ": a name of 1 to " +
                                        std::to_string(kMaxModelNameBytes) + " bytes is needed");
        add({std::string(name), sizeOf(entry.substr(c1 + 1, c2 - c1 - 1), "N", entry),
             sizeOf(entry.substr(c2 + 1), "D", entry), ""});
    }
    return out;
}

std::vector<std::string> trainedModelEntries(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(';', start), text.size());
        const std::string_view entry = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (!entry.empty()) out.emplace_back(entry);
    }
    return out;
}

std::string withPublishedModels(std::string_view text, bool on) {
    std::string out = on ? kPublishedModels : "";
    for (const std::string& e : trainedModelEntries(text))
        if (e != kPublishedModels) out.append(out.empty() ? "" : ";").append(e);
    return out;
}

}  // namespace slingshot
