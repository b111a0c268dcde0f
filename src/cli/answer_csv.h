// A command's answer as CSV (slingshot-cli --format csv), every field of the JSON answer kept:
//
//   # provenance: {"software":"slingshot","version":...,"commit":...,"command":...,"inputs":{...}}
//   # note: TEXT                  one line per entry of the answer's "notes", if any
//   # table: NAME                 before each table; tables are separated by one blank line
//   header
//   rows
//
// The provenance is the answer's object as JSON on one line; a note is its text on one line (line
// breaks as spaces). Each array of the answer is a table named after it, in the answer's order, so a
// curve comes first: an array of objects is a row per element, an element's nested arrays expanded
// with its fields repeated (emergence curves: kprime,n,theta,frac), an array of numbers or strings one
// column named after the array (ratios, histogram). Last comes "scalars": the answer's other fields,
// one row. Nested objects become "<object>_<field>" columns (law_E, se_a, adversary_best_x), and their
// arrays tables named so (tuples_curve). A nested element's field named like a parent's is
// "<array>_<name>". Null and absent cells are empty; strings are quoted as RFC 4180 asks.
// `table` keeps one table (with the comment lines), so pandas.read_csv(f, comment='#') reads it;
// `wide` lays the curves out side by side (answer_tables.h).
#pragma once

#include "query/query.h"

#include <string>

namespace slingshot {

struct CsvOptions {
    bool wide = false;
    std::string table;  // empty: every table
};

// Throws std::invalid_argument for a table the answer has not (the message lists those it has) and,
// when wide, for an answer without curves.
std::string toCsv(const Json& answer, const CsvOptions& options = {});

}  // namespace slingshot
