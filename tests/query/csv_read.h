// Reads slingshot-cli's CSV back (the layout in src/cli/answer_csv.h) for the tests: the comment
// lines, then each "# table: NAME" with its header and rows, cells unquoted as RFC 4180 writes them.
#pragma once

#include "query/query.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

namespace slingshot::testing {

struct CsvTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};

struct ReadCsv {
    Json provenance;  // null without a provenance line
    std::vector<std::string> notes;
    std::vector<std::string> order;  // table names as they come
    std::map<std::string, CsvTable> tables;
};

// One record from `pos` (a quoted cell may hold line breaks); pos moves past its line end.
inline std::vector<std::string> readRecord(const std::string& text, size_t& pos) {
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (; pos < text.size(); ++pos) {
        const char c = text[pos];
        if (quoted) {
            if (c != '"') {
                cells.back() += c;
            } else if (pos + 1 < text.size() && text[pos + 1] == '"') {
                cells.back() += '"';
                ++pos;
            } else {
                quoted = false;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else if (c == '\n') {
            ++pos;
            return cells;
        } else {
            cells.back() += c;
        }
    }
    REQUIRE_FALSE(quoted);
    return cells;
}

inline bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Fails the test on anything the layout does not have: an unknown comment, a table without a header,
// a row of another width than its header, a comment after the first table.
inline ReadCsv readCsv(const std::string& text) {
    REQUIRE((text.empty() || text.back() == '\n'));
    ReadCsv out;
    CsvTable* table = nullptr;
    bool header = false;
    for (size_t pos = 0; pos < text.size();) {
        const size_t eol = text.find('\n', pos);
        const std::string line = text.substr(pos, eol - pos);
        if (line.empty()) {  // ends a table
            REQUIRE(table);
            table = nullptr;
            ++pos;
            continue;
        }
        if (startsWith(line, "# table: ")) {
            REQUIRE(!table);
            const std::string name = line.substr(9);
            REQUIRE(out.tables.count(name) == 0);
            out.order.push_back(name);
            table = &out.tables[name];
            header = true;
            pos = eol + 1;
            continue;
        }
        if (!table) {
            REQUIRE(out.order.empty());
            if (startsWith(line, "# provenance: ")) {
                out.provenance = Json::parse(line.substr(14));
            } else {
                REQUIRE(startsWith(line, "# note: "));
                out.notes.push_back(line.substr(8));
            }
            pos = eol + 1;
            continue;
        }
        std::vector<std::string> cells = readRecord(text, pos);
        if (header) {
            table->columns = std::move(cells);
            header = false;
        } else {
            REQUIRE(cells.size() == table->columns.size());
            table->rows.push_back(std::move(cells));
        }
    }
    return out;
}

}  // namespace slingshot::testing
