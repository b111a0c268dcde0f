// Failed text pieces Y (THEORY 2.6): a byte per piece (1 = failed). Two random models here; the
// adversarial search is in adversary.h. Both fill the set in slices so a job can interleave frames.
#pragma once

#include "core/base/memory_budget.h"
#include "core/base/rng.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace slingshot {

enum class FailureMode { Random, Independent, Adversarial };
inline constexpr FailureMode kFailureModes[] = {FailureMode::Random, FailureMode::Independent,
                                                FailureMode::Adversarial};
std::string_view failureModeName(FailureMode m);  // "random" | "independent" | "adversarial"
// The inverse of failureModeName; nullopt for any other text.
std::optional<FailureMode> failureModeFromName(std::string_view name);

struct FailureSet {
    BigArray<uint8_t> failed;  // N2 flags
    uint64_t count = 0;        // |Y|
};

// |Y| for measure theta: round(theta * N2).
uint64_t exactFailureCount(double theta, uint64_t n2);

// (a) A uniformly random Y with exactly m pieces. Picks distinct pieces by rejection; when m > N2/2 it
// picks the N2 - m survivors instead, so each pick needs < 2 draws on average. The flags are complete
// after the last pick (until then the array holds a bit per piece in its first N2 / 8 bytes).
class ExactCountFailures {
public:
    ExactCountFailures(FailureSet& set, uint64_t n2, uint64_t m, uint64_t seed);
    uint64_t picks() const { return picks_; }
    // Makes picks [first, last); call in order.
    void pick(uint64_t first, uint64_t last);

private:
    void spreadBits();

    FailureSet& set_;
    uint8_t picked_value_;
    uint64_t picks_;
    WordStream words_;
    BoundedDraw piece_;
};

// (b) Each piece fails independently with probability theta.
class IndependentFailures {
public:
    IndependentFailures(FailureSet& set, uint64_t n2, double theta, uint64_t seed);
    // Decides pieces [first, last); call in order.
    void decide(uint64_t first, uint64_t last);

private:
    FailureSet& set_;
    double theta_;
    Rng rng_;
};

}  // namespace slingshot
