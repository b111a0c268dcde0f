#include "app/certificate_task.h"

#include <catch2/catch.hpp>

using namespace slingshot;

TEST_CASE("certificate task: the bound's text says how it is known", "[app][certificate]") {
    SpectralResult r;
    r.sigma_centred_upper = 92.309687;
    r.method = SpectralMethod::Gram;
    CHECK(app::sigmaBoundText(r) == "\u03c3 \u2264 92.31, proved (Gram matrix)");
    r.method = SpectralMethod::Slots;
    r.sigma_centred_upper = 92.7679;
    r.start_failure_probability = 1e-6;
    CHECK(app::sigmaBoundText(r) ==
          "\u03c3 \u2264 92.77 with probability \u2265 1 \u2212 1e-06 over the Lanczos start");
}
