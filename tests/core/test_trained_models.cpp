#include "core/theory/bounds.h"
#include "core/theory/trained_models.h"

#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

using namespace slingshot;
using Catch::Matchers::WithinRel;

TEST_CASE("trained models: the published list, each with its paper, N and D", "[trained_models]") {
    const auto& models = publishedModels();
    REQUIRE(models.size() == 7);
    std::set<std::string> names;
    for (const TrainedModel& m : models) {
        names.insert(m.name);
        CHECK(m.source.find("arXiv:") != std::string::npos);
        CHECK(m.n_params >= 6e10);
        CHECK(m.d_tokens >= 3e11);
    }
    CHECK(names.size() == 7);
    // Chinchilla: 70B parameters on 1.4T tokens, the paper's 20 tokens per parameter.
    const TrainedModel& chinchilla = models[2];
    CHECK(chinchilla.name == "Chinchilla");
    CHECK(chinchilla.d_tokens / chinchilla.n_params == Approx(20));
}

TEST_CASE("trained models: read at their own N and D under the model's law and reading", "[trained_models]") {
    EmergenceModel m;  // Hoffmann's law, linear map c_map = 1, k = 8, c = 0.8, T2
    const int kprimes[] = {1, 2, 4};
    // Excess loss 406.4/N^0.34 + 410.7/D^0.28, computed independently (python3, double precision).
    const TrainedModelReading chinchilla = readTrainedModel(m, publishedModels()[2], kprimes);
    CHECK_THAT(chinchilla.excess_loss, WithinRel(0.24664547055871733, 1e-13));
    CHECK_THAT(chinchilla.theta.theta, WithinRel(0.24664547055871733, 1e-13));
    CHECK_FALSE(chinchilla.theta.clipped);
    REQUIRE(chinchilla.frac.size() == 3);
    for (size_t i = 0; i < 3; ++i)
        CHECK(chinchilla.frac[i] == fracTuples(TupleModel::T2, chinchilla.theta.theta, 0.8, 8, kprimes[i]));
    const TrainedModelReading gpt3 = readTrainedModel(m, publishedModels()[0], kprimes);
    CHECK_THAT(gpt3.excess_loss, WithinRel(0.31228793651770964, 1e-13));
    // Its own D, not the D rule: at 20 tokens per parameter GPT-3 would have a lower loss.
    CHECK(gpt3.excess_loss > excessLoss(m.law, 175e9, 20 * 175e9));

    CHECK_THROWS_AS(readTrainedModel(m, {"zero", 0, 1e12, ""}, kprimes), std::invalid_argument);
    CHECK_THROWS_AS(readTrainedModel(m, {"inf", 1e9, INFINITY, ""}, kprimes), std::invalid_argument);
    const int bad[] = {0};
    CHECK_THROWS_AS(readTrainedModel(m, publishedModels()[0], bad), std::invalid_argument);
}
