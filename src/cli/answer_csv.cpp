#include "cli/answer_csv.h"

#include "query/csv_field.h"

#include <algorithm>
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

}  // namespace

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
