#include "cli/text_source.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace slingshot {

std::string textArgument(const std::string& value, std::istream& standard_input) {
    if (value == "-") return std::string(std::istreambuf_iterator<char>(standard_input), {});
    if (value.empty() || value.front() != '@') return value;
    const std::string path = value.substr(1);
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read '" + path + "': " + std::strerror(errno));
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

bool looksLikeFileName(const std::string& value) {
    if (value.empty() || value == "-" || value.front() == '@' || value.find_first_of(",;\n") != std::string::npos)
        return false;
    // A path, or a name with an extension ("runs.csv"); not a range like "1..8".
    if (value.find('/') != std::string::npos) return true;
    const size_t dot = value.rfind('.');
    return dot != std::string::npos && dot + 1 < value.size() &&
           std::isalpha(static_cast<unsigned char>(value[dot + 1]));
}

}  // namespace slingshot
