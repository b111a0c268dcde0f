// The scaling laws the views offer: the built-in presets of core/theory/scaling_law.h and the reader's own
// fit, named "fit" (made in the Scaling view from pasted runs). The App owns one store and hands it
// to the views that choose a law (Scaling, Emergence, Paucity of stimulus); src/core keeps no state.
#pragma once

#include "core/theory/scaling_law.h"
#include "query/query.h"
#include "query/theory_args.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace slingshot::app {

class ScalingPresets {
public:
    static constexpr const char* kFitName = "fit";

    // Built-in names, then "fit" once a fit has been set.
    std::vector<std::string> names() const;
    // A built-in preset or the fit; nullopt for an unknown name or "fit" before any fit.
    std::optional<ScalingLaw> find(std::string_view name) const;
    const ScalingLaw* fit() const { return has_fit_ ? &fit_ : nullptr; }
    // What the fit came from, for display ("12 points", "a shared link").
    const std::string& fitSource() const { return fit_source_; }
    // Validates (validateScalingLaw: throws std::invalid_argument), names the law "fit" and bumps
    // the version. `points`: the runs it was fitted to, when known (not for a shared link's constants).
    void setFit(ScalingLaw law, std::string source, std::optional<PointsFit> points = std::nullopt);
    // The runs and fit behind the current fit, for the thresholds' intervals; null without them.
    const PointsFit* fitPoints() const { return has_fit_ && fit_points_ ? &*fit_points_ : nullptr; }
    // Changes whenever the fit does.
    uint64_t version() const { return version_; }

    // A copy of the CLI's `preset` spec with "fit" last, or without it: views accept "fit" only
    // while a fit exists (the URL and setState validate against the spec); the CLI always lists it
    // (its points come with --fit-points).
    static ParamSpec withFit(ParamSpec cli_spec, bool fit);

private:
    bool has_fit_ = false;
    ScalingLaw fit_;
    std::string fit_source_;
    std::optional<PointsFit> fit_points_;
    uint64_t version_ = 0;
};

// What a view's parameters hold of the store: a pointer, plus the store's version at the moment the
// parameters were copied. Views cache their curves by comparing a copy of their inputs with the
// inputs of the last computation; because a copy records the version current at copy time, a new
// fit makes the copies differ and the curves are recomputed.
class ScalingPresetsRef {
public:
    ScalingPresetsRef() = default;
    explicit ScalingPresetsRef(const ScalingPresets* store) : store_(store), version_(store ? store->version() : 0) {}
    ScalingPresetsRef(const ScalingPresetsRef& o) : store_(o.store_), version_(o.store_ ? o.store_->version() : 0) {}
    ScalingPresetsRef& operator=(const ScalingPresetsRef& o) {
        store_ = o.store_;
        version_ = o.store_ ? o.store_->version() : 0;
        return *this;
    }
    bool operator==(const ScalingPresetsRef& o) const { return store_ == o.store_ && version_ == o.version_; }

    const ScalingPresets* store() const { return store_; }
    // The law of `name`: the store's (built-ins and the fit) or, without a store, a built-in.
    std::optional<ScalingLaw> find(std::string_view name) const;

private:
    const ScalingPresets* store_ = nullptr;
    uint64_t version_ = 0;
};

}  // namespace slingshot::app
