// "Cite": BibTeX for the paper whose theory the page computes and for one figure of the page, with
// the permalink that redraws it and the engine's version and commit.
#pragma once

#include "query/query.h"

#include <string>

namespace slingshot::app {

// `provenance` is an export's provenance (software, version, commit, plot, permalink, state);
// `title` the plot's title. Two entries: @article for Arora & Goyal (2023), @misc for the figure.
std::string citationBibtex(const Json& provenance, const std::string& title);

}  // namespace slingshot::app
