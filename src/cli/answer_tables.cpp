#include "cli/answer_tables.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace slingshot {

namespace {

using Arrays = std::vector<std::pair<std::string, const Json*>>;

// Adds o's scalar fields to `row`, a nested object's as "<object>_<field>", and lists o's arrays under
// those names. A field named like one the row has from a parent (a point's field named like its
// curve's) is written "<array>_<name>", so that neither overwrites the other.
void addFields(const Json& o, const std::string& prefix, const std::string& array, Json& row, Arrays& arrays) {
    for (const auto& [k, v] : o.items()) {
        const std::string name = prefix + k;
        if (v.is_object())
            addFields(v, name + "_", array, row, arrays);
        else if (v.is_array())
            arrays.emplace_back(name, &v);
        else
            row[!array.empty() && row.contains(name) ? array + "_" + name : name] = v;
    }
}

// The rows `v`, an element of the array `key`, adds after the parents' fields in `prefix`: a scalar is
// one row with a column `key`; an object one row of its fields, or, when it holds arrays, their rows
// with its fields repeated (emergence curves: kprime,n,theta,frac).
void appendRows(const Json& v, const std::string& key, const Json& prefix, std::vector<Json>& rows) {
    if (v.is_array()) {
        for (const Json& e : v) appendRows(e, key, prefix, rows);
        return;
    }
    Json row = prefix;
    if (!v.is_object()) {
        row[row.contains(key) ? key + "_" + key : key] = v;
        rows.push_back(std::move(row));
        return;
    }
    Arrays arrays;
    addFields(v, "", key, row, arrays);
    const size_t before = rows.size();
    for (const auto& [name, a] : arrays) appendRows(*a, name, row, rows);
    if (rows.size() == before) rows.push_back(std::move(row));
}

// Rows as a table: the columns are the union of the rows' fields in order of appearance.
AnswerTable tableOf(const std::string& name, const std::vector<Json>& rows) {
    AnswerTable t{name, {}, {}};
    for (const Json& row : rows)
        for (const auto& [k, v] : row.items())
            if (std::find(t.columns.begin(), t.columns.end(), k) == t.columns.end()) t.columns.push_back(k);
    if (t.columns.empty()) t.columns.push_back(name);  // an empty array still names its column
    for (const Json& row : rows) {
        std::vector<Json> cells;
        for (const auto& c : t.columns) cells.push_back(row.contains(c) ? row[c] : Json());
        t.rows.push_back(std::move(cells));
    }
    return t;
}

// The first array of objects among o's fields (its name in `key`), or null.
const Json* firstObjectArray(const Json& o, std::string* key = nullptr) {
    for (const auto& [k, v] : o.items())
        if (v.is_array() && !v.empty() && v.front().is_object()) {
            if (key) *key = k;
            return &v;
        }
    return nullptr;
}

AnswerTable wideTable(const std::string& name, const Json& curves) {
    const char* none = "--layout wide needs an answer with curves side by side (emergence)";
    std::vector<const Json*> points;
    std::vector<std::string> labels;
    for (const Json& curve : curves) {
        const Json* p = curve.is_object() ? firstObjectArray(curve) : nullptr;
        if (!p) throw std::invalid_argument(none);
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
    AnswerTable t{name, shared, {}};
    for (const auto& k : own)
        for (const auto& label : labels) t.columns.push_back(k + label);
    for (size_t j = 0; j < points.front()->size(); ++j) {
        std::vector<Json> cells;
        for (const auto& k : shared) cells.push_back((*points.front())[j][k]);
        for (const auto& k : own)
            for (const Json* p : points) cells.push_back((*p)[j].contains(k) ? (*p)[j][k] : Json());
        t.rows.push_back(std::move(cells));
    }
    return t;
}

}  // namespace

AnswerTables answerTables(const Json& answer) {
    AnswerTables out;
    Json rest = answer.is_object() ? answer : Json{{"value", answer}};
    if (rest.contains("provenance") && rest["provenance"].is_object()) {
        out.provenance = rest["provenance"];
        rest.erase("provenance");
    }
    if (rest.contains("notes") && rest["notes"].is_array()) {
        for (const Json& n : rest["notes"]) out.notes.push_back(n.is_string() ? n.get<std::string>() : n.dump());
        rest.erase("notes");
    }
    Json scalars = Json::object();
    Arrays arrays;
    addFields(rest, "", "", scalars, arrays);
    for (const auto& [name, a] : arrays) {
        std::vector<Json> rows;
        appendRows(*a, name, Json::object(), rows);
        out.tables.push_back(tableOf(name, rows));
    }
    if (!scalars.empty()) out.tables.push_back(tableOf("scalars", {scalars}));
    return out;
}

void widenCurves(const Json& answer, AnswerTables& tables) {
    std::string key;
    const Json* curves = answer.is_object() ? firstObjectArray(answer, &key) : nullptr;
    if (!curves) throw std::invalid_argument("--layout wide needs an answer with curves side by side (emergence)");
    for (AnswerTable& t : tables.tables)
        if (t.name == key) t = wideTable(key, *curves);
}

}  // namespace slingshot
