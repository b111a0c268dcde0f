#include "query/csv_comments.h"

namespace slingshot {

std::string csvCommentLines(const Json& provenance, const std::vector<std::string>& notes) {
    std::string out;
    if (!provenance.is_null()) out += "# provenance: " + provenance.dump() + "\n";
    for (std::string note : notes) {
        // A line break would end the comment and start a data row.
        for (char& c : note)
            if (c == '\n' || c == '\r') c = ' ';
        out += "# note: " + note + "\n";
    }
    return out;
}

}  // namespace slingshot
