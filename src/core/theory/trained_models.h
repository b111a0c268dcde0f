// Real models on the emergence axis: language models with their parameter count N and training tokens
// D as their own papers report them (docs/THEORY.md cites each), and what the theory says about a model
// of that (N, D) under a chosen scaling law and reading: its excess loss, theta and the guaranteed
// fractions of k'-tuples. The model's own D is used, not the emergence model's D rule.
#pragma once

#include "core/theory/cloze.h"
#include "core/theory/emergence.h"

#include <span>
#include <string>
#include <vector>

namespace slingshot {

struct TrainedModel {
    std::string name;
    double n_params;     // parameters
    double d_tokens;     // training tokens
    std::string source;  // the paper that reports both ("" for a reader's own)
};

// GPT-3 175B, Gopher 280B, Chinchilla 70B, PaLM 540B, LLaMA 65B, Llama 2 70B, Llama 3.1 405B.
const std::vector<TrainedModel>& publishedModels();

struct TrainedModelReading {
    double excess_loss;        // nats per token, under the model's law
    ThetaValue theta;          // with the clipping flag
    std::vector<double> frac;  // guaranteed fraction of k'-tuples with competence >= c, per k'
};

// Throws std::invalid_argument for N or D not finite and > 0, a bad model (validateModel) or k' < 1.
TrainedModelReading readTrainedModel(const EmergenceModel& m, const TrainedModel& model, std::span<const int> kprimes);

}  // namespace slingshot
