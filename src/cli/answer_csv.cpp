#include "cli/answer_csv.h"

#include "cli/answer_tables.h"
#include "query/csv_comments.h"
#include "query/csv_field.h"

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

// Appends the cells as one CSV line.
template <class Cells, class Text>
void appendLine(std::string& out, const Cells& cells, Text text) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += text(cells[i]);
    }
    out += '\n';
}

std::string tableText(const AnswerTable& t) {
    std::string out = "# table: " + t.name + "\n";
    appendLine(out, t.columns, [](const std::string& c) { return csvField(c); });
    for (const auto& row : t.rows) appendLine(out, row, csvCell);
    return out;
}

const AnswerTable& tableNamed(const AnswerTables& tables, const std::string& name) {
    std::string names;
    for (const AnswerTable& t : tables.tables) {
        if (t.name == name) return t;
        names += (names.empty() ? "" : ", ");
        names += t.name;
    }
    throw std::invalid_argument("no table '" + name + "' in this answer; its tables: " + names);
}

}  // namespace

std::string toCsv(const Json& answer, const CsvOptions& options) {
    AnswerTables tables = answerTables(answer);
    if (options.wide) widenCurves(answer, tables);
    std::string out = csvCommentLines(tables.provenance, tables.notes);
    if (!options.table.empty()) return out + tableText(tableNamed(tables, options.table));
    for (size_t i = 0; i < tables.tables.size(); ++i) {
        if (i) out += '\n';
        out += tableText(tables.tables[i]);
    }
    return out;
}

}  // namespace slingshot
