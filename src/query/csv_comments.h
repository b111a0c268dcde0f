// The leading comment lines of every CSV a front door makes (the CLI's --format csv, the page's plot
// exports): where the numbers came from and the notes that say how to read them.
//
//   # provenance: {...}   the object as JSON on one line
//   # note: TEXT          one line per note, line breaks as spaces
#pragma once

#include "query/query.h"

#include <string>
#include <vector>

namespace slingshot {

// Nothing for a null provenance and no notes.
std::string csvCommentLines(const Json& provenance, const std::vector<std::string>& notes);

}  // namespace slingshot
