#include "core/theory/trained_models.h"

#include "core/theory/bounds.h"
#include "core/theory/scaling_law.h"

#include <cmath>
#include <stdexcept>

namespace slingshot {

const std::vector<TrainedModel>& publishedModels() {
    // N and D as each paper states them (arXiv id of the paper).
    static const std::vector<TrainedModel> models = {
        {"GPT-3", 175e9, 300e9, "Brown et al. 2020, arXiv:2005.14165"},
        {"Gopher", 280e9, 300e9, "Rae et al. 2021, arXiv:2112.11446"},
        {"Chinchilla", 70e9, 1.4e12, "Hoffmann et al. 2022, arXiv:2203.15556"},
        {"PaLM", 540e9, 780e9, "Chowdhery et al. 2022, arXiv:2204.02311"},
        {"LLaMA 65B", 65.2e9, 1.4e12, "Touvron et al. 2023, arXiv:2302.13971"},
        {"Llama 2 70B", 70e9, 2e12, "Touvron et al. 2023, arXiv:2307.09288"},
        {"Llama 3.1 405B", 405e9, 15.6e12, "Llama Team 2024, arXiv:2407.21783"},
    };
    return models;
}

TrainedModelReading readTrainedModel(const EmergenceModel& m, const TrainedModel& model, std::span<const int> kprimes) {
    for (double v : {model.n_params, model.d_tokens})
        if (!(std::isfinite(v) && v > 0))
            throw std::invalid_argument("model " + model.name + ": N and D must be finite numbers > 0");
    validateModel(m);
    TrainedModelReading r;
    r.excess_loss = excessLoss(m.law, model.n_params, model.d_tokens);
    r.theta = thetaFromExcessChecked(r.excess_loss, m.theta_map, m.c_map);
    for (int kp : kprimes) {
        if (kp < 1) throw std::invalid_argument("kprime must be >= 1");
        r.frac.push_back(fracTuples(m.tuples, r.theta.theta, m.c, m.k, kp));
    }
    return r;
}

}  // namespace slingshot
