// A small XML reader for the SVG tests: elements, attributes, text and the five entities plus
// character references; throws std::runtime_error at the first thing that is not well-formed.
#pragma once

#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace slingshot::test {

struct XmlElement {
    std::string name;
    std::map<std::string, std::string> attributes;
    std::string text;  // all character data directly inside, entities decoded
    std::vector<XmlElement> children;

    std::string attribute(const std::string& key) const {
        const auto it = attributes.find(key);
        if (it == attributes.end()) throw std::runtime_error("<" + name + "> has no attribute " + key);
        return it->second;
    }
    // Every element below this one (depth first, document order) for which `keep` holds.
    void collect(const std::function<bool(const XmlElement&)>& keep, std::vector<const XmlElement*>& out) const {
        for (const auto& c : children) {
            if (keep(c)) out.push_back(&c);
            c.collect(keep, out);
        }
    }
    std::vector<const XmlElement*> all(const std::string& element_name) const {
        std::vector<const XmlElement*> out;
        collect([&](const XmlElement& e) { return e.name == element_name; }, out);
        return out;
    }
};

class XmlReader {
public:
    explicit XmlReader(const std::string& doc) : s_(doc) {}
    XmlElement document() {
        skipMisc();
        if (s_.compare(i_, 5, "<?xml") == 0) skipPast("?>");
        skipMisc();
        XmlElement root = element();
        skipMisc();
        if (i_ != s_.size()) fail("content after the root element");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw std::runtime_error("XML at byte " + std::to_string(i_) + ": " + why);
    }
    void skipSpace() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
    }
    void skipPast(const std::string& end) {
        const size_t at = s_.find(end, i_);
        if (at == std::string::npos) fail("missing " + end);
        i_ = at + end.size();
    }
    void skipMisc() {
        for (skipSpace(); s_.compare(i_, 4, "<!--") == 0; skipSpace()) skipPast("-->");
    }
    std::string name() {
        const size_t start = i_;
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' || s_[i_] == '_' ||
                                  s_[i_] == ':' || s_[i_] == '.'))
            ++i_;
        if (i_ == start) fail("expected a name");
        return s_.substr(start, i_ - start);
    }
    static void appendUtf8(std::string& out, uint32_t c) {
        if (c < 0x80) {
            out += char(c);
        } else if (c < 0x800) {
            out += char(0xC0 | (c >> 6)), out += char(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += char(0xE0 | (c >> 12)), out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
        } else {
            out += char(0xF0 | (c >> 18)), out += char(0x80 | ((c >> 12) & 0x3F));
            out += char(0x80 | ((c >> 6) & 0x3F)), out += char(0x80 | (c & 0x3F));
        }
    }
    // Character data up to `stop`, entities decoded; '<' never allowed inside.
    std::string chars(char stop) {
        std::string out;
        while (i_ < s_.size() && s_[i_] != stop) {
            const char c = s_[i_];
            if (c == '<') fail("'<' in character data");
            if (c != '&') {
                out += c, ++i_;
                continue;
            }
            const size_t end = s_.find(';', i_);
            if (end == std::string::npos) fail("unterminated entity");
            const std::string e = s_.substr(i_ + 1, end - i_ - 1);
            static const std::map<std::string, char> named = {
                {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
            if (const auto it = named.find(e); it != named.end())
                out += it->second;
            else if (e.size() > 2 && e[0] == '#' && e[1] == 'x')
                appendUtf8(out, static_cast<uint32_t>(std::stoul(e.substr(2), nullptr, 16)));
            else if (e.size() > 1 && e[0] == '#')
                appendUtf8(out, static_cast<uint32_t>(std::stoul(e.substr(1))));
            else
                fail("unknown entity &" + e + ";");
            i_ = end + 1;
        }
        return out;
    }
    XmlElement element() {
        if (i_ >= s_.size() || s_[i_] != '<') fail("expected '<'");
        ++i_;
        XmlElement e;
        e.name = name();
        for (;;) {
            skipSpace();
            if (s_.compare(i_, 2, "/>") == 0) {
                i_ += 2;
                return e;
            }
            if (i_ < s_.size() && s_[i_] == '>') break;
            const std::string key = name();
            skipSpace();
            if (i_ >= s_.size() || s_[i_] != '=') fail("expected '=' after " + key);
            ++i_;
            skipSpace();
            if (i_ >= s_.size() || s_[i_] != '"') fail("expected '\"' for " + key);
            ++i_;
            if (e.attributes.count(key)) fail("attribute " + key + " twice");
            e.attributes[key] = chars('"');
            if (i_ >= s_.size()) fail("unterminated attribute " + key);
            ++i_;
        }
        ++i_;  // '>'
        for (;;) {
            e.text += chars('<');
            if (i_ >= s_.size()) fail("<" + e.name + "> not closed");
            if (s_.compare(i_, 4, "<!--") == 0) {
                skipPast("-->");
            } else if (s_.compare(i_, 2, "</") == 0) {
                i_ += 2;
                if (name() != e.name) fail("</...> does not close <" + e.name + ">");
                skipSpace();
                if (i_ >= s_.size() || s_[i_] != '>') fail("expected '>'");
                ++i_;
                return e;
            } else {
                e.children.push_back(element());
            }
        }
    }
    const std::string& s_;
    size_t i_ = 0;
};

inline XmlElement parseXml(const std::string& doc) { return XmlReader(doc).document(); }

}  // namespace slingshot::test
