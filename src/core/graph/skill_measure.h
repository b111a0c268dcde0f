// The skill measure mu1 from which each text piece draws its k skills: uniform, Zipf(s) or user
// weights. Non-uniform measures are drawn with Walker's alias method (two 32-bit words per draw).
#pragma once

#include "core/base/rng.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slingshot {

class SkillMeasure {
public:
    static SkillMeasure uniform(uint32_t n1);
    // mu1(i) proportional to (i + 1)^-s: skill 0 is the most frequent. s >= 0 (s = 0 is uniform).
    static SkillMeasure zipf(uint32_t n1, double s);
    // mu1(i) proportional to weights[i]; weights finite, >= 0, with a positive sum.
    static SkillMeasure weights(const std::vector<double>& weights);

    uint32_t size() const { return n1_; }
    bool isUniform() const { return alias_.empty(); }
    double probability(uint32_t skill) const;
    std::string describe() const { return description_; }

    // One draw. The uniform case uses one word; the alias case a column word and a coin word.
    uint32_t draw(WordStream& words, const BoundedDraw& column) const {
        const uint32_t i = column(words);
        if (alias_.empty()) return i;
        return words.next32() < keep_below_[i] ? i : alias_[i];
    }
    BoundedDraw columnDraw() const { return BoundedDraw(n1_); }
    // Raw alias table for kernels that keep everything in registers (empty for uniform).
    const uint32_t* keepBelow() const { return keep_below_.data(); }
    const uint32_t* aliasOf() const { return alias_.data(); }

    // Bytes held by the alias table (for memory estimates).
    static double tableBytes(uint32_t n1, bool uniform) { return uniform ? 0.0 : n1 * (4.0 + 4.0 + 8.0); }

private:
    void buildAlias(const std::vector<double>& w);

    uint32_t n1_ = 0;
    std::vector<double> probability_;   // empty for uniform
    std::vector<uint32_t> keep_below_;  // coin threshold in 2^-32 units
    std::vector<uint32_t> alias_;       // empty for uniform
    std::string description_;
};

// (i)^-s computed with only +, -, *, / so that Zipf weights are bit-identical across C libraries
// (libm's pow may differ in the last bit between glibc and musl).
double portablePowNeg(double base, double s);

}  // namespace slingshot
