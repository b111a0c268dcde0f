#include "app/citation.h"

namespace slingshot::app {
namespace {

// BibTeX's special characters in a field written between braces: the braces themselves and the
// characters TeX would read as commands or parameters.
std::string bibField(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '{' || c == '}' || c == '\\') continue;
        if (c == '%' || c == '&' || c == '#' || c == '_' || c == '$') out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string citationBibtex(const Json& provenance, const std::string& title) {
    const std::string version = provenance.value("version", std::string("unknown"));
    const std::string commit = provenance.value("commit", std::string("unknown"));
    const std::string plot = provenance.value("plot", std::string());
    std::string out =
        "@article{arora2023emergence,\n"
        "  title   = {A Theory for Emergence of Complex Skills in Language Models},\n"
        "  author  = {Arora, Sanjeev and Goyal, Anirudh},\n"
        "  journal = {arXiv preprint arXiv:2307.15936},\n"
        "  year    = {2023},\n"
        "  url     = {https://arxiv.org/abs/2307.15936}\n"
        "}\n";
    out.append("@misc{slingshot-").append(bibField(plot)).append(",\n");
    out.append("  title        = {").append(bibField(title)).append("},\n");
    out.append("  author       = {{The Slingshot contributors}},\n");
    out.append("  howpublished = {Slingshot ").append(bibField(version)).append(", commit ");
    out.append(bibField(commit)).append("},\n");
    // The URL stays verbatim: \url and biblatex read it as it is.
    out.append("  url          = {").append(provenance.value("permalink", std::string())).append("},\n");
    out.append(
        "  note         = {Figure computed in the browser from the skill-graph theory; the URL reopens "
        "it with every parameter}\n}\n");
    return out;
}

}  // namespace slingshot::app
