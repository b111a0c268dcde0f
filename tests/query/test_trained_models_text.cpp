#include "query/trained_models_text.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using namespace slingshot;
using Catch::Matchers::Contains;

namespace {

std::string errorOf(const std::string& text) {
    try {
        parseTrainedModels(text);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("trained models text: published, the reader's own, blanks and empties", "[trained_models_text]") {
    CHECK(parseTrainedModels("").empty());
    CHECK(parseTrainedModels(" ; ;").empty());
    const auto published = parseTrainedModels("published");
    REQUIRE(published.size() == publishedModels().size());
    CHECK(published[0].name == "GPT-3");
    const auto mixed = parseTrainedModels("published; My 7B : 7e9 : 2e12 ;");
    REQUIRE(mixed.size() == publishedModels().size() + 1);
    CHECK(mixed.back().name == "My 7B");
    CHECK(mixed.back().n_params == 7e9);
    CHECK(mixed.back().d_tokens == 2e12);
    CHECK(mixed.back().source.empty());
}

TEST_CASE("trained models text: bad entries are refused with the entry named", "[trained_models_text]") {
    CHECK_THAT(errorOf("GPT-3"), Contains("'GPT-3'") && Contains("NAME:N:D"));
    CHECK_THAT(errorOf("a:1:2:3"), Contains("NAME:N:D"));
    CHECK_THAT(errorOf(":7e9:2e12"), Contains("a name of 1 to 40 bytes"));
    CHECK_THAT(errorOf(std::string(41, 'x') + ":7e9:2e12"), Contains("a name of 1 to 40 bytes"));
    CHECK_THAT(errorOf("m:abc:2e12"), Contains("N 'abc' is not a number in (0, 1e40]"));
    CHECK_THAT(errorOf("m:7e9:0"), Contains("D '0' is not a number"));
    CHECK_THAT(errorOf("m:7e9:inf"), Contains("D 'inf'"));
    CHECK_THAT(errorOf("m:-1:2e12"), Contains("N '-1'"));
    CHECK_THAT(errorOf("m:1e41:2e12"), Contains("N '1e41'"));
    CHECK_THAT(errorOf("published;published"), Contains("'GPT-3' is given twice"));
    CHECK_THAT(errorOf("m:1:1;m:2:2"), Contains("'m' is given twice"));
    std::string many;
    for (int i = 0; i < 33; ++i) many.append("m").append(std::to_string(i)).append(":1e9:1e10;");
    CHECK_THAT(errorOf(many), Contains("at most 32 models"));
}

TEST_CASE("trained models text: entries, and the published entry switched on and off", "[trained_models_text]") {
    CHECK(trainedModelEntries(" a:1:2 ;; published ;") == std::vector<std::string>{"a:1:2", "published"});
    CHECK(trainedModelEntries("").empty());
    CHECK(withPublishedModels("a:1:2; published ;b:3:4", false) == "a:1:2;b:3:4");
    CHECK(withPublishedModels("a:1:2;b:3:4", true) == "published;a:1:2;b:3:4");
    CHECK(withPublishedModels("", true) == "published");
    CHECK(withPublishedModels("published", false).empty());
}
