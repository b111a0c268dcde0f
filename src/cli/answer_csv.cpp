#include "cli/answer_csv.h"

#include "query/csv_field.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot {

namespace {

std::string csvCell(const Json& v) {
    if (v.is_string()) return csvField(v.get_ref<const std::string&>());
    if (v.is_null()) return "";
    return v.dump();
}

bool isFlat(const Json& o) {
    if (!o.is_object()) return false;
    for (const auto& [k, v] : o.items())
        if (v.is_structured()) return false;
    return true;
}

// Rows of `o`: its scalar fields, extended by the rows of its first array of objects (recursively).
// A field of an element named like one of its parents' (simulate's run-level c and each curve point's
// c) is written as "<array>_<name>", so that neither overwrites the other.
void collectRows(const Json& o, const std::string& array, Json prefix, std::vector<Json>& rows) {
    for (const auto& [k, v] : o.items())
        if (!v.is_structured()) prefix[!array.empty() && prefix.contains(k) ? array + "_" + k : k] = v;
    for (const auto& [k, v] : o.items()) {
        if (v.is_array() && !v.empty() && v.front().is_object()) {
            for (const auto& item : v) collectRows(item, k, prefix, rows);
            return;
        }
    }
    rows.push_back(prefix);
}

std::string joined(const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) line += (i ? "," : "") + cells[i];
    return line;
}

// The first array of objects among o's fields, or null.
const Json* firstObjectArray(const Json& o) {
    for (const auto& [k, v] : o.items())
        if (v.is_array() && !v.empty() && v.front().is_object()) return &v;
    return nullptr;
}

}  // namespace

std::string toWideCsv(const Json& result) {
    const Json* curves = result.is_object() ? firstObjectArray(result) : nullptr;
    if (!curves) throw std::invalid_argument("--layout wide needs an answer with curves side by side (emergence)");
    std::vector<const Json*> points;
    std::vector<std::string> labels;
    for (const Json& curve : *curves) {
        const Json* p = firstObjectArray(curve);
        if (!p) throw std::invalid_argument("--layout wide needs an answer with curves side by side (emergence)");
        if (!points.empty() && p->size() != points.front()->size())
            throw std::invalid_argument("--layout wide needs curves of equal length");
        points.push_back(p);
        std::string label;
        for (const auto& [k, v] : curve.items())
            if (!v.is_structured()) label += "_" + k + (v.is_string() ? v.get<std::string>() : v.dump());
        labels.push_back(label);
    }
    // Shared fields: equal in every curve at every index.
    std::vector<std::string> shared, own;
    for (const auto& [k, v] : points.front()->front().items()) {
        bool same = true;
        for (size_t j = 0; j < points.front()->size() && same; ++j)
            for (const Json* p : points) same = same && (*p)[j].contains(k) && (*p)[j][k] == (*points.front())[j][k];
        (same ? shared : own).push_back(k);
    }
    std::vector<std::string> header(shared);
    for (const auto& k : own)
        for (const auto& label : labels) header.push_back(k + label);
    std::string out = joined(header) + "\n";
    for (size_t j = 0; j < points.front()->size(); ++j) {
        std::vector<std::string> cells;
        for (const auto& k : shared) cells.push_back(csvCell((*points.front())[j][k]));
        for (const auto& k : own)
            for (const Json* p : points) {
                const auto it = (*p)[j].find(k);
                cells.push_back(it != (*p)[j].end() ? csvCell(*it) : "");
            }
        out += joined(cells) + "\n";
    }
    return out;
}

std::string toCsv(const Json& result) {
    std::vector<Json> rows;
    if (isFlat(result)) {
        rows.push_back(result);
    } else {
        collectRows(result, "", Json::object(), rows);
    }
    std::vector<std::string> header;
    for (const auto& row : rows)
        for (const auto& [k, v] : row.items())
            if (std::find(header.begin(), header.end(), k) == header.end()) header.push_back(k);
    std::string out;
    for (size_t i = 0; i < header.size(); ++i) out += (i ? "," : "") + header[i];
    out += "\n";
    for (const auto& row : rows) {
        for (size_t i = 0; i < header.size(); ++i) {
            if (i) out += ",";
            auto it = row.find(header[i]);
            if (it != row.end()) out += csvCell(*it);
        }
        out += "\n";
    }
    return out;
}

}  // namespace slingshot
