#include "app/view_curves.h"
#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "query/query.h"
#include "view_fixture.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace slingshot;
using test::binding;
using test::series;

TEST_CASE("curves view: defaults plot Thm 8 for θ = 0.2, 0.1, 0.05, 0.025 at k = 8, with the exact worst case",
          "[app][curves]") {
    test::HeadlessImGui gui;
    app::CurvesView view;
    test::drawView(gui, view);
    for (double theta : {0.2, 0.1, 0.05, 0.025}) {
        const std::string label = "θ = " + ui::formatNumber(theta, 4);
        const auto& bound = series("curves-family", label);
        const auto& worst = series("curves-family", label + ", worst case 1 − α_A");
        REQUIRE(bound.x.size() == static_cast<size_t>(app::CurvesView::kPoints));
        for (size_t i = 0; i < bound.x.size(); i += 7) {
            CHECK(bound.y[i] == fracCompetent(theta, bound.x[i], 8));
            if (bound.x[i] < 1) CHECK(worst.y[i] == 1 - greedyAdversaryAlpha(theta, 1 - bound.x[i], 8));
            // The guarantee never claims more than the worst case allows.
            if (bound.x[i] < 1) CHECK(bound.y[i] <= worst.y[i] + 1e-12);
        }
    }
    CHECK_FALSE(test::anyInfinite("curves-family"));
}

TEST_CASE("curves view: the Cor 13 overlay coincides exactly and the read-out says 0", "[app][curves][cor13]") {
    test::HeadlessImGui gui;
    app::CurvesView view;
    test::drawView(gui, view);
    REQUIRE(view.cor13Differences().size() == 2);
    for (double d : view.cor13Differences()) CHECK(d == 0.0);
    const auto& m1 = series("curves-cor13", "skills, M₁ at θ = 0.1");
    const auto& m2 = series("curves-cor13", "k'=4, M₂ at θ/4 (t2)");
    for (size_t i = 0; i < m1.x.size(); ++i) {
        CHECK(m2.y[i] == fracTuplesT2(0.1 / 4, m1.x[i], 8, 4));
        CHECK(m2.y[i] == m1.y[i]);
    }
    // T1 is a contrast, not identical: its curve differs somewhere.
    const auto& t1 = series("curves-cor13", "T1, k'=2 at θ/2");
    double gap = 0;
    for (size_t i = 0; i < m1.x.size(); ++i) gap = std::max(gap, std::fabs(t1.y[i] - m1.y[i]));
    CHECK(gap > 0.1);
}

TEST_CASE("curves view: the k family, random failures and finite size follow the bindings", "[app][curves]") {
    test::HeadlessImGui gui;
    app::CurvesView view;
    app::assignBinding(binding(view, "family"), Json("k"));
    app::assignBinding(binding(view, "ks"), Json("2,8"));
    app::assignBinding(binding(view, "random"), Json("on"));
    app::assignBinding(binding(view, "rho"), Json(0.01));
    test::drawView(gui, view);
    const auto& k2 = series("curves-family", "k = 2");
    const auto& k8finite = series("curves-family", "k = 8, finite size");
    const auto& k8random = series("curves-family", "k = 8, random failure set");
    for (size_t i = 0; i < k2.x.size(); i += 9) {
        CHECK(k2.y[i] == fracCompetent(0.1, k2.x[i], 2));
        CHECK(k8finite.y[i] == fracCompetent(0.1, k8finite.x[i], 8, 0.01));
    }
    for (size_t i = 0; i < k8random.x.size(); ++i)
        if (k8random.x[i] < 1) CHECK(k8random.y[i] == 1 - randomYFraction(0.1, 1 - k8random.x[i], 100));
}

TEST_CASE("curves view: bad bindings are refused and leave the value alone", "[app][curves]") {
    app::CurvesView view;
    CHECK_THROWS_AS(app::assignBinding(binding(view, "theta"), Json(1.5)), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "kprime"), Json("0,2")), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "tuples"), Json("s")), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "family"), Json("beta")), QueryError);
    CHECK_THROWS_AS(app::assignBinding(binding(view, "k"), Json(0)), QueryError);
    CHECK(app::bindingValue(binding(view, "theta")) == Json(0.1));
    CHECK(app::bindingText(binding(view, "kprime")) == "2,4");
}

TEST_CASE("curves view: extreme parameters draw without infinities", "[app][curves]") {
    test::HeadlessImGui gui;
    app::CurvesView view;
    for (auto [theta, k, rho] :
         {std::tuple{1e-9, 1LL, 0.0}, std::tuple{1.0, 1000LL, 1.0}, std::tuple{0.0, 64LL, 0.5}}) {
        app::assignBinding(binding(view, "theta"), Json(theta));
        app::assignBinding(binding(view, "k"), Json(k));
        app::assignBinding(binding(view, "rho"), Json(rho));
        app::assignBinding(binding(view, "random"), Json("on"));
        app::assignBinding(binding(view, "tuples"), Json("t1"));
        for (int i = 0; i < 2; ++i) test::drawView(gui, view, 640, 360);
        CHECK_FALSE(test::anyInfinite("curves-family"));
        CHECK_FALSE(test::anyInfinite("curves-cor13"));
    }
}

namespace {

int runCertificate(test::HeadlessImGui& gui, app::CurvesView& v, int max_frames = 40000) {
    int frames = 0;
    do {
        test::drawView(gui, v);
        ++frames;
    } while (!v.certificate().settled() && frames < max_frames);
    test::drawView(gui, v);
    return frames + 1;
}

// The certifier of the graph the view samples (uniform mu1, the simulation's sampler), independently.
MixingCertifier certifierFor(uint32_t n1, uint64_t n2, uint32_t k, uint64_t seed, SpectralResult* spectral) {
    SimulationParams p;
    p.n1 = n1, p.n2 = n2, p.k = k, p.seed = seed;
    SimulationJob sim(p);
    sim.runToEnd();
    REQUIRE(sim.state() == JobState::Done);
    SpectralParams sp;
    sp.seed = seed;
    SpectralJob lanczos(sim.graph(), sp);
    lanczos.runToEnd();
    REQUIRE(lanczos.state() == JobState::Done);
    *spectral = lanczos.result();
    return MixingCertifier(sim.graph(), spectral->sigma_centred_upper);
}

}  // namespace

TEST_CASE("curves view: the certificate of a sampled graph sits beside each curve of its k",
          "[app][curves][certificate]") {
    test::HeadlessImGui gui;
    app::CurvesView view;
    const int frames = runCertificate(gui, view);
    CHECK(frames > 2);  // sampled and certified across frames
    const app::CertificateTask::Done* d = view.certificate().last();
    REQUIRE(d);
    CHECK(d->key == app::GraphKey{1000, 100000, 8, 1, 0});
    SpectralResult spectral;
    const MixingCertifier cert = certifierFor(1000, 100000, 8, 1, &spectral);
    CHECK(spectral.sigma_centred_upper == d->spectral.sigma_centred_upper);
    for (double theta : {0.2, 0.1, 0.05, 0.025}) {
        const std::string label = "θ = " + ui::formatNumber(theta, 4);
        const auto& drawn = series("curves-family", label + ", certificate");
        REQUIRE(drawn.x.size() == static_cast<size_t>(app::CurvesView::kPoints));
        for (size_t i = 0; i < drawn.x.size(); ++i) {
            CHECK(drawn.y[i] == 1 - cert.certify(theta, drawn.x[i]).frac);
            CHECK(drawn.y[i] >= 0);
            CHECK(drawn.y[i] <= 1);
        }
    }
    // The legend names the graph.
    bool legend = false;
    for (const auto& name : ui::plotLegend("curves-family"))
        legend |= name.rfind("certificate, graph N₁ = 1000", 0) == 0;
    CHECK(legend);

    // k family: only the member with the graph's k gets a certificate; a new seed is a new graph.
    app::assignBinding(binding(view, "family"), "k");
    app::assignBinding(binding(view, "seed"), 2);
    runCertificate(gui, view);
    REQUIRE(view.certificate().last());
    CHECK(view.certificate().last()->key.seed == 2);
    CHECK_NOTHROW(series("curves-family", "k = 8, certificate"));
    CHECK_THROWS(series("curves-family", "k = 4, certificate"));

    // Off: nothing drawn; over the page's limit: refused by the binding with the range.
    app::assignBinding(binding(view, "certificate"), "off");
    test::drawView(gui, view);
    CHECK_THROWS(series("curves-family", "k = 8, certificate"));
    CHECK_THROWS(app::assignBinding(binding(view, "n2"), 20000000));
    CHECK_THROWS(app::assignBinding(binding(view, "n1"), 0));
}
