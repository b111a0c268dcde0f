// slingshot-cli … --figure svg (src/cli/figure_output.cpp): the page's figure for a command on
// stdout, exit status 2 with the choices for a plot or command without one.
#include "query_run.h"

#include <catch2/catch.hpp>

#include <string>

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using slingshot::testing::CliRun;
using slingshot::testing::runCli;

#if defined(SLINGSHOT_CLI_PATH) && defined(SLINGSHOT_CLI_FIGURES)
TEST_CASE("cli figure: emergence writes the Emergence view's main plot as SVG", "[cli][svg]") {
    const CliRun run = runCli("emergence --k 6 --kprime 1,3 --figure svg");
    REQUIRE(run.status == 0);
    CHECK_THAT(run.out, StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "));
    CHECK_THAT(run.out, Contains("data-series=\"k&apos;=3 tuples\""));
    CHECK_THAT(run.out, Contains("<metadata>{") && Contains("&quot;plot&quot;:&quot;emergence-main&quot;"));
    CHECK(run.out.rfind("</svg>\n") == run.out.size() - 7);
    const CliRun zipf = runCli("emergence --figure svg --plot emergence-zipf");
    REQUIRE(zipf.status == 0);
    CHECK_THAT(zipf.out, Contains("&quot;plot&quot;:&quot;emergence-zipf&quot;"));
}

TEST_CASE("cli figure: a bad plot, a command without a figure and a flag the view lacks exit 2", "[cli][svg]") {
    const CliRun plot = runCli("emergence --figure svg --plot curves-family", true);
    CHECK(plot.status == 2);
    CHECK_THAT(plot.out, Contains("--plot 'curves-family' is not a plot of this command's figure; choose one of: "
                                  "emergence-main, emergence-zipf"));
    const CliRun fit = runCli("fit --csv 1e9,2e10,3 --figure svg", true);
    CHECK(fit.status == 2);
    CHECK_THAT(fit.out, Contains("this command has no figure; commands with one: emergence, bound"));
    const CliRun lone = runCli("emergence --plot emergence-main", true);
    CHECK(lone.status == 2);
    CHECK_THAT(lone.out, Contains("--plot needs --figure svg"));
    const CliRun csv = runCli("emergence --figure svg --format csv", true);
    CHECK(csv.status == 2);
    CHECK(runCli("emergence --figure png", true).status == 2);
    const CliRun range = runCli("bound --theta 2 --figure svg", true);
    CHECK(range.status == 2);
    CHECK_THAT(range.out, Contains("theta"));
}
#endif
