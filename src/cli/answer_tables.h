// A command's answer as named tables, the shape slingshot-cli --format csv writes (answer_csv.h has
// the layout): the provenance and notes aside, each array its own table, the scalars one table.
#pragma once

#include "query/query.h"

#include <string>
#include <vector>

namespace slingshot {

// One table: its columns and rows of cells (null where a row has no such field).
struct AnswerTable {
    std::string name;
    std::vector<std::string> columns;
    std::vector<std::vector<Json>> rows;
};

struct AnswerTables {
    Json provenance;                  // the answer's "provenance" object, or null
    std::vector<std::string> notes;   // the answer's "notes"
    std::vector<AnswerTable> tables;  // the arrays' tables in the answer's order, then "scalars"
};

AnswerTables answerTables(const Json& answer);

// The curves table laid out side by side (--layout wide), replacing the long one in `tables`: the
// answer's first array of objects that each hold one array of points of the same length, one row per
// point index. A point field equal across the curves at every index (n, theta) is one column; any
// other becomes one column per curve, "<field>_<label><value>" (frac_kprime2). Throws
// std::invalid_argument for an answer without such curves.
void widenCurves(const Json& answer, AnswerTables& tables);

}  // namespace slingshot
