// Text flags (points for fit, --fit-points) as a reader gives them on a command line: the text
// itself, @FILE for a file's contents, or - for standard input.
#pragma once

#include <istream>
#include <string>

namespace slingshot {

// The text a flag's value stands for. Throws std::runtime_error naming the file when it cannot be read.
std::string textArgument(const std::string& value, std::istream& standard_input);

// True when a value looks like a file name given where the text itself was wanted (a path or a name
// with an extension, no separator of rows or values, not @FILE or -): the CLI then says how to read a file.
bool looksLikeFileName(const std::string& value);

}  // namespace slingshot
