#include "app/plot.h"
#include "app/view_tightness.h"
#include "core/graph/simulation.h"
#include "core/graph/spectral.h"
#include "core/graph/spectral_certificate.h"
#include "core/theory/bounds.h"
#include "core/theory/tightness.h"
#include "sim_view_frames.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace slingshot;

namespace {

const ui::PlotSeries& seriesNamed(const char* plot, const std::string& prefix) {
    const auto& all = ui::plotSeries(plot);
    auto it =
        std::find_if(all.begin(), all.end(), [&](const ui::PlotSeries& s) { return s.name.rfind(prefix, 0) == 0; });
    REQUIRE(it != all.end());
    return *it;
}

// Frames until both tasks have finished for the current parameters.
int runToEnd(test::HeadlessImGui& gui, app::TightnessView& v, int max_frames = 20000) {
    int frames = 0;
    do {
        test::viewFrame(gui, v);
        ++frames;
    } while (!v.settled() && frames < max_frames);
    test::viewFrame(gui, v);
    return frames + 1;
}

}  // namespace

TEST_CASE("tightness view: binds the certify flags and names its plots", "[app][tightness]") {
    app::TightnessView v;
    std::vector<std::string> names;
    for (const auto& b : v.bindings()) {
        names.push_back(b.spec.name);
        if (b.spec.name != "logy" && b.spec.name != "ensemble")  // view-only
            CHECK(b.spec.help == commandParam("certify", b.spec.name).help);
    }
    for (const char* n : {"n1", "n2", "k", "seed", "theta", "c"})
        CHECK(std::find(names.begin(), names.end(), n) != names.end());
    CHECK(v.plotIds().size() == 2);
}

TEST_CASE("tightness view: defaults draw every curve, and the certificate holds for the adversary",
          "[app][tightness]") {
    test::HeadlessImGui gui;
    app::TightnessView v;
    const double theta = 0.05, c = 0.6;
    const int k = 8;

    // The theory curves are drawn from the first frame.
    test::viewFrame(gui, v);
    {
        const ui::PlotSeries& thm8 = seriesNamed("tightness-fraction", "Thm 8 bound (N2");
        REQUIRE(thm8.x.size() == kOverlaySteps);
        for (size_t j = 0; j < thm8.x.size(); j += 11) CHECK(thm8.y[j] == 1 - fracCompetent(theta, thm8.x[j], k));
    }

    const int frames = runToEnd(gui, v);
    CHECK(frames > 2);  // time-sliced across frames (slice times are measured, not asserted)
    const app::SimulationSnapshot* s = v.runner().last();
    const app::CertificateTask::Done* d = v.certificate().last();
    REQUIRE(s);
    REQUIRE(d);
    CHECK(s->params.failure == FailureMode::Adversarial);
    CHECK(d->slots_hash == s->result.slots_hash);  // the certificate is about the simulated graph

    // The certificate from the engine, computed independently on the same graph.
    SimulationParams sp = s->params;
    SimulationJob sim(sp);
    sim.runToEnd();
    REQUIRE(sim.state() == JobState::Done);
    CHECK(sim.result().slots_hash == d->slots_hash);
    SpectralParams spec;
    spec.seed = sp.seed;
    SpectralJob lanczos(sim.graph(), spec);
    lanczos.runToEnd();
    REQUIRE(lanczos.state() == JobState::Done);
    CHECK(lanczos.result().sigma_centred_upper == d->spectral.sigma_centred_upper);
    const MixingCertifier cert(sim.graph(), lanczos.result().sigma_centred_upper);

    const ui::PlotSeries& certificate = seriesNamed("tightness-fraction", "certificate for this graph");
    const ui::PlotSeries& worst = seriesNamed("tightness-fraction", "exact worst case");
    const ui::PlotSeries& finite = seriesNamed("tightness-fraction", "Thm 8 bound, finite size");
    const ui::PlotSeries& random = seriesNamed("tightness-fraction", "random failure set");
    const ui::PlotSeries& adversary = seriesNamed("tightness-fraction", "simulated adversary");
    REQUIRE(certificate.x.size() == kOverlaySteps);
    for (size_t j = 0; j < certificate.x.size(); ++j) {
        const double cj = certificate.x[j];
        CHECK(certificate.y[j] == cert.certify(theta, cj).frac);
        CHECK(worst.y[j] == greedyAdversaryAlpha(theta, 1 - cj, k));
        CHECK(finite.y[j] == 1 - fracCompetent(theta, cj, k, 1000.0 / 100000));
        CHECK(random.y[j] == randomYFraction(theta, 1 - cj, 800));
    }
    // The adversary's curve is the engine's, and the certificate is above it at every c.
    const auto curve = s->result.skills.curve();
    REQUIRE(adversary.x.size() == curve.size());
    for (size_t j = 0; j < curve.size(); ++j) {
        CHECK(adversary.y[j] == 1 - curve[j].frac);
        CHECK(cert.certify(theta, curve[j].c).frac >= adversary.y[j]);
    }
    CHECK(cert.certify(theta, c).frac >= s->result.skills.fracAtMostC());
    // The story at c = 0.6: adversary close to alpha_A, Thm 8 a few times looser, the random set ~0.
    const double alpha_a = greedyAdversaryAlpha(theta, 1 - c, k);
    CHECK(s->result.skills.fracAtMostC() <= alpha_a + 0.01);
    CHECK(s->result.skills.fracAtMostC() > 0.5 * alpha_a);
    CHECK(1 - fracCompetent(theta, c, k) > 2 * alpha_a);
    CHECK(randomYFraction(theta, 1 - c, 800) < 1e-6);

    // The ratio plot reads bound / alpha_A.
    const ui::PlotSeries& ratio = seriesNamed("tightness-ratio", "certificate");
    for (size_t j = 20; j < ratio.x.size(); j += 20)
        if (worst.y[j] > 0) CHECK(ratio.y[j] == Approx(certificate.y[j] / worst.y[j]));
}

TEST_CASE("tightness view: a new theta reruns the adversary only, a new seed recertifies", "[app][tightness]") {
    test::HeadlessImGui gui;
    app::TightnessView v;
    test::setParam(v, "n1", 200);
    test::setParam(v, "n2", 20000);
    runToEnd(gui, v);
    const app::CertificateTask::Done* d0 = v.certificate().last();
    REQUIRE(d0);
    const uint64_t gen = v.runner().generation();

    test::setParam(v, "theta", 0.1);
    runToEnd(gui, v);
    CHECK(v.runner().generation() == gen + 1);
    CHECK(v.certificate().last() == d0);  // same graph: the certificate is kept
    REQUIRE(v.runner().last()->params.theta == 0.1);

    test::setParam(v, "seed", 2);
    test::viewFrame(gui, v);
    // The last result stays on screen while the next one runs (a fast frame may finish it at once).
    if (v.certificate().running()) CHECK(v.certificate().last() == d0);
    runToEnd(gui, v);
    REQUIRE(v.certificate().last() != d0);
    CHECK(v.certificate().last()->key.seed == 2);
    CHECK(v.certificate().last()->slots_hash == v.runner().last()->result.slots_hash);
}

TEST_CASE("tightness view: a refused graph shows the message and keeps drawing the theory", "[app][tightness]") {
    test::HeadlessImGui gui;
    app::TightnessView v;
    test::setParam(v, "n1", 1000000);  // a Lanczos basis of 1e6 x ~100 doubles: above the page's budget
    test::setParam(v, "n2", 1000);
    test::setParam(v, "k", 1);
    runToEnd(gui, v, 200);
    CHECK(!v.certificate().error().empty());
    CHECK(seriesNamed("tightness-fraction", "Thm 8 bound (N2").x.size() == kOverlaySteps);
    // Narrow window: nothing throws, the plots are drawn.
    test::viewFrame(gui, v, 900, 600);
}

TEST_CASE("tightness view: the adversary's ensemble band holds each seed's failing fraction",
          "[app][tightness][ensemble]") {
    test::HeadlessImGui gui;
    app::TightnessView v;
    test::setParam(v, "n1", 200);
    test::setParam(v, "n2", 20000);
    test::setParam(v, "theta", 0.1);
    test::setParam(v, "c", 0.7);
    test::setParam(v, "ensemble", 3);
    test::runViewUntilSettled(gui, v);
    REQUIRE(v.ensemble().bands());
    REQUIRE(v.ensemble().seeds().size() == 3);
    const auto& low = test::series("tightness-fraction", "adversary, min\u2013max over seeds 1\u20133 (low)");
    const auto& high = test::series("tightness-fraction", "adversary, min\u2013max over seeds 1\u20133 (high)");
    for (uint64_t seed = 1; seed <= 3; ++seed) {
        SimulationParams p = v.runner().last()->params;
        p.seed = seed;
        SimulationJob job(p);
        job.runToEnd();
        const auto curve = job.result().skills.curve();
        REQUIRE(curve.size() == low.y.size());
        for (size_t j = 0; j < curve.size(); ++j) {
            CHECK(low.y[j] <= 1 - curve[j].frac + 1e-15);  // competence < c: the adversary's failing share
            CHECK(1 - curve[j].frac <= high.y[j] + 1e-15);
        }
    }
}
