// Plot exports: the CSV and JSON a reader downloads carry the software, version, commit, the state
// that drew the plot and the modelling choices it rests on.
#include "app/app.h"
#include "app/host.h"
#include "core/theory/emergence.h"
#include "imgui_fixture.h"
#include "query/model_notes.h"
#include "query/provenance.h"
#include "query/url_query.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace slingshot;

namespace {

struct Download {
    std::string filename, mime, data;
};

class RecordingHost : public app::NullHost {
public:
    void download(const std::string& filename, const std::string& mime, const std::string& data) override {
        downloads.push_back({filename, mime, data});
    }
    std::vector<Download> downloads;
};

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
