#include "core/graph/spectral_certificate.h"

#include "core/graph/failures.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace slingshot {

namespace {

// CompetenceTally counts failure >= tau up to a relative 1e-12 of the degree; lowering tau by as much
// keeps every skill it counts inside the certificate.
constexpr double kTieSlack = 1e-12;

bool within(double lhs, double rhs) { return lhs <= rhs * (1 + 1e-12) + 1e-9; }

}  // namespace

MixingCertifier::MixingCertifier(const SkillGraph& graph, double sigma) : sigma_(sigma), n2_(graph.n2), k_(graph.k) {
    if (!(sigma >= 0)) throw std::invalid_argument("certificate: sigma must be a number >= 0");
    std::vector<uint32_t> degrees;
    degrees.reserve(graph.n1);
    for (uint32_t s = 0; s < graph.n1; ++s) {
        if (graph.degree[s] == 0)
            ++isolated_;
        else
            degrees.push_back(graph.degree[s]);
    }
    std::sort(degrees.begin(), degrees.end());
    min_degree_ = degrees.empty() ? 0 : degrees.front();
    prefix_.assign(degrees.size() + 1, 0.0);
    for (size_t i = 0; i < degrees.size(); ++i) prefix_[i + 1] = prefix_[i] + double(degrees[i]);
}

MixingCertifier::MixingCertifier(Parts parts)
    : sigma_(parts.sigma),
      n2_(parts.n2),
      k_(parts.k),
      isolated_(parts.isolated),
      min_degree_(parts.min_degree),
      prefix_(std::move(parts.prefix)) {
    if (!(sigma_ >= 0)) throw std::invalid_argument("certificate: sigma must be a number >= 0");
    if (prefix_.empty()) throw std::invalid_argument("certificate: the degree prefix sums start with 0");
}

MixingCertificate MixingCertifier::certify(double theta, double c) const {
    if (!(theta >= 0 && theta <= 1)) throw std::invalid_argument("certificate: theta must be in [0, 1]");
    if (!(c >= 0 && c <= 1)) throw std::invalid_argument("certificate: c must be in [0, 1]");
    MixingCertificate r;
    r.failed_pieces = exactFailureCount(theta, n2_);
    r.theta_realized = double(r.failed_pieces) / double(n2_);
    r.tau = 1.0 - c;
    r.sigma = sigma_;
    r.counted = prefix_.size() - 1;
    r.isolated = isolated_;
    r.min_degree = min_degree_;
    const double m = double(r.failed_pieces);
    const double tau = r.tau - kTieSlack;
    const double gap = tau - r.theta_realized;
    if (r.counted == 0 || gap <= 0 || !std::isfinite(sigma_)) {
        r.max_skills = r.counted;
        r.frac = 1;
        r.limit = "none";
        return r;
    }
    const auto mixingHolds = [&](uint64_t x) { return within(gap * prefix_[x], sigma_ * std::sqrt(double(x) * m)); };
    const auto budgetHolds = [&](uint64_t x) { return within(tau * prefix_[x], double(k_) * m); };
    // Both conditions hold on a prefix of sizes: prefix_[x] / sqrt(x) and prefix_[x] increase with x.
    uint64_t lo = 0, hi = r.counted;
    while (lo < hi) {
        const uint64_t mid = lo + (hi - lo + 1) / 2;
        if (mixingHolds(mid) && budgetHolds(mid))
            lo = mid;
        else
            hi = mid - 1;
    }
    r.max_skills = lo;
    r.frac = double(lo) / double(r.counted);
    if (lo == r.counted)
        r.limit = "all skills";
    else
        r.limit = mixingHolds(lo + 1) ? "edge budget" : "mixing";
    const double d_min = double(min_degree_);
    r.frac_min_degree = std::min(1.0, sigma_ * sigma_ * m / (gap * gap * d_min * d_min) / double(r.counted));
    return r;
}

std::vector<CurvePoint> MixingCertifier::curve(double theta, int points) const {
    if (points < 2) throw std::invalid_argument("certificate curve: points must be >= 2");
    std::vector<CurvePoint> out;
    out.reserve(size_t(points));
    for (int i = 0; i < points; ++i) {
        const double c = double(i) / points;
        out.push_back({c, 1.0 - certify(theta, c).frac});
    }
    return out;
}

}  // namespace slingshot
