// Citation text: both entries, the permalink verbatim, TeX's special characters escaped in the
// title, braces balanced.
#include "app/citation.h"

#include <catch2/catch.hpp>

using slingshot::Json;
using slingshot::app::citationBibtex;

TEST_CASE("citation: the paper and the figure, with version, commit and permalink", "[app][citation]") {
    const Json provenance = {{"version", "0.1.0"},
                             {"commit", "abc123def456"},
                             {"plot", "emergence-main"},
                             {"permalink", "https://example.org/?v=2&view=emergence&c=0.8"}};
    const std::string bib = citationBibtex(provenance, "Guaranteed competence {k'} 100% & k_1 #2 $x$");
    CHECK(bib.find("@article{arora2023emergence,") == 0);
    CHECK(bib.find("title   = {A Theory for Emergence of Complex Skills in Language Models}") != std::string::npos);
    CHECK(bib.find("@misc{slingshot-emergence-main,") != std::string::npos);
    CHECK(bib.find("title        = {Guaranteed competence k' 100\\% \\& k\\_1 \\#2 \\$x\\$}") != std::string::npos);
    CHECK(bib.find("howpublished = {Slingshot 0.1.0, commit abc123def456}") != std::string::npos);
    CHECK(bib.find("url          = {https://example.org/?v=2&view=emergence&c=0.8}") != std::string::npos);
    int depth = 0, lowest = 0;
    for (char c : bib) {
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        lowest = std::min(lowest, depth);
    }
    CHECK(depth == 0);
    CHECK(lowest == 0);
}

TEST_CASE("citation: missing provenance fields read as unknown, not as a crash", "[app][citation]") {
    const std::string bib = citationBibtex(Json::object(), "t");
    CHECK(bib.find("Slingshot unknown, commit unknown") != std::string::npos);
    CHECK(bib.find("url          = {}") != std::string::npos);
}
