// Performance curves view: Thm 8 curves (guaranteed fraction of skills with competence >= c against
// c) for a family of theta or of k, with the exact worst case, a random failure set and the
// finite-size form as overlays; and the Cor 13 overlay (k'-tuples of M2 at theta/k' against single
// skills of M1 at theta), with T1 and route P as contrasts.
#pragma once

#include "app/certificate_task.h"
#include "app/view.h"

#include <string>
#include <vector>

namespace slingshot::app {

class CurvesView : public View {
public:
    CurvesView();
    const char* urlName() const override { return "curves"; }
    const char* title() const override { return "Curves"; }
    void update() override;
    void controls() override;
    void main() override;
    bool drawPlot(const std::string& id, ImVec2 size) override;
    bool busy() const override { return certificateOn() && !cert_.settled(); }
    std::vector<ParamBinding> bindings() override;
    std::vector<const char*> plotIds() const override { return {"curves-family", "curves-cor13"}; }

    // The largest |M2 k'-tuple curve - M1 single-skill curve| over the plotted c, per k' (Cor 13).
    const std::vector<double>& cor13Differences() const { return cor13_diff_; }

    static constexpr int kPoints = 201;  // c = i / (kPoints - 1)

    const CertificateTask& certificate() const { return cert_; }
    bool certificateOn() const { return certificate_ == "on"; }
    // The graph the certificate is wanted for (k is the view's k).
    GraphKey graphKey() const { return {cert_n1_, cert_n2_, k_, cert_seed_, 0}; }

private:
    struct Inputs {
        std::string family;
        double theta;
        long long k;
        std::vector<long long> ks, kprimes;
        std::string tuples, worst, random, contrast;
        double rho;
        long long degree;
        bool operator==(const Inputs&) const = default;
    };
    Inputs inputs() const;
    void recompute();
    // Recomputes when the inputs changed; false (with the message drawn) when they cannot be drawn.
    bool ensureComputed();
    void drawFamilyPlot(ImVec2 size);
    void drawCor13Plot(ImVec2 size);

    // Parameters (bound to the URL; names are slingshot-cli flags where one exists).
    std::string family_ = "theta";  // theta: {2θ, θ, θ/2, θ/4} at k; k: the list ks at θ
    double theta_ = 0.1;            // θ of model M1
    long long k_ = 8;               // skills per text piece
    std::vector<long long> ks_ = {2, 4, 8, 16};
    std::vector<long long> kprimes_ = {2, 4};
    std::string tuples_ = "t2";
    std::string worst_ = "on", random_ = "off", contrast_ = "on";
    double rho_ = 0;                  // finite size N1/N2; 0 = asymptotic only
    long long degree_ = 100;          // skill degree for the random failure set
    std::string certificate_ = "on";  // certificate of a sampled graph with N1, N2, seed
    long long cert_n1_ = 1000, cert_n2_ = 100000, cert_seed_ = 1;
    CertificateTask cert_;

    // Cached engine results, recomputed when the inputs change.
    bool have_ = false;
    Inputs last_;
    std::vector<double> c_;
    struct Member {
        std::string label;
        double theta, k;
        std::vector<double> bound, finite, worst, random;
    };
    std::vector<Member> members_;
    std::vector<double> m1_;  // single skills of M1 at θ
    struct Tuple {
        long long kprime;
        std::vector<double> m2, before;  // M2 at θ/k' in the chosen model; M1's k'-tuples at θ
    };
    std::vector<Tuple> tuples_curves_;
    std::vector<double> contrast_a_, contrast_b_;  // the two other models for the first k'
    std::string contrast_a_name_, contrast_b_name_;
    std::vector<double> cor13_diff_;
};

}  // namespace slingshot::app
