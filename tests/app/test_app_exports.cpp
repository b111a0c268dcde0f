// Plot exports: the CSV and JSON a reader downloads carry the software, version, commit, the state
// that drew the plot and the modelling choices it rests on.
#include "app/app.h"
#include "app/host.h"
#include "core/theory/emergence.h"
#include "imgui_fixture.h"
#include "query/model_notes.h"
#include "query/provenance.h"
#include "query/url_query.h"
#include "recording_host.h"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace slingshot;
using test::RecordingHost;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("exports: CSV and JSON carry provenance and the modelling choices", "[app][exports]") {
    test::HeadlessImGui gui;
    RecordingHost host;
    app::App app(&host);
    REQUIRE(app.applyQuery(parseQueryString("?view=emergence&sim=off&ratio=40&tuples=t2exact")).empty());
    gui.frame([&] { app.frame(1280, 800); });

    // The sentences the CLI prints for the same model.
    EmergenceModel m;
    m.tokens_per_param = 40;
    m.tuples = TupleModel::T2Exact;
    const std::vector<std::string> notes = modellingNotes(m);

    REQUIRE(app.exportPlot("emergence-main", "csv", 1));
    REQUIRE(host.downloads.size() == 1);
    const std::vector<std::string> lines = linesOf(host.downloads[0].data);
    REQUIRE(lines.size() > notes.size() + 2);
    REQUIRE(lines[0].rfind("# provenance: ", 0) == 0);
    const Json provenance = Json::parse(lines[0].substr(14));
    CHECK(provenance["software"] == "slingshot");
    CHECK(provenance["version"] == sourceVersion());
    CHECK(provenance["commit"] == sourceCommit());
    CHECK(provenance["plot"] == "emergence-main");
    CHECK(provenance["state"]["view"] == "emergence");
    CHECK(provenance["state"]["ratio"].get<double>() == 40);
    CHECK(provenance["permalink"] == "https://example.org/slingshot/" + app.queryString());
    for (size_t i = 0; i < notes.size(); ++i) CHECK(lines[1 + i] == "# note: " + notes[i]);
    CHECK(lines[1 + notes.size()] == "series,x,y");

    REQUIRE(app.exportPlot("emergence-main", "json", 1));
    const Json json = Json::parse(host.downloads[1].data);
    CHECK(json["commit"] == sourceCommit());
    CHECK(json["state"] == provenance["state"]);
    CHECK(json["notes"] == Json(notes));
    CHECK_FALSE(json["series"].empty());

    // A view whose figures rest on no such choices: provenance only, then the data.
    REQUIRE(app.applyQuery(parseQueryString("?view=curves")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    REQUIRE(app.exportPlot("curves-family", "csv", 1));
    const std::vector<std::string> curves = linesOf(host.downloads[2].data);
    CHECK(curves[0].rfind("# provenance: ", 0) == 0);
    CHECK(curves[1] == "series,x,y");
}

TEST_CASE("exports: a PNG carries its provenance as text chunks, and Cite gives BibTeX", "[app][exports]") {
    test::HeadlessImGui gui;
    RecordingHost host;
    app::App app(&host);
    REQUIRE(app.applyQuery(parseQueryString("?view=curves&theta=0.2")).empty());
    gui.frame([&] { app.frame(1280, 800); });
    const std::string permalink = "https://example.org/slingshot/" + app.queryString();

    REQUIRE(app.exportPlot("curves-family", "png", 2));
    REQUIRE(host.pngs.size() == 1);
    CHECK(host.pngs[0].first == "slingshot-curves-family@2x.png");
    std::map<std::string, std::string> text;
    for (const app::PngText& t : host.pngs[0].second) {
        text[t.keyword] = t.value;
        for (char c : t.value) CHECK(static_cast<unsigned char>(c) < 0x80);  // tEXt is Latin-1: kept ASCII
    }
    CHECK(text["Permalink"] == permalink);
    CHECK(text["Software"] == std::string("slingshot ") + sourceVersion() + " (" + sourceCommit() + ")");
    const Json comment = Json::parse(text["Comment"]);
    CHECK(comment["plot"] == "curves-family");
    CHECK(comment["state"]["theta"].get<double>() == 0.2);

    REQUIRE(app.exportPlot("curves-family", "bib", 1));
    REQUIRE(host.downloads.size() == 1);
    CHECK(host.downloads[0].filename == "slingshot-curves-family.bib");
    const std::string& bib = host.downloads[0].data;
    CHECK(bib.find("@article{arora2023emergence,") != std::string::npos);
    CHECK(bib.find("arXiv:2307.15936") != std::string::npos);
    CHECK(bib.find("@misc{slingshot-curves-family,") != std::string::npos);
    CHECK(bib.find("url          = {" + permalink + "}") != std::string::npos);
    CHECK(bib.find(sourceCommit()) != std::string::npos);
    CHECK_FALSE(app.exportPlot("curves-family", "pdf", 1));  // not a format
}
