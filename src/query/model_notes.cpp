#include "query/model_notes.h"

#include "query/number_text.h"

namespace slingshot {

std::vector<std::string> modellingNotes(const EmergenceModel& m) {
    std::vector<std::string> notes;
    notes.push_back("k'-tuples read as " + std::string(tupleModelName(m.tuples)) +
                    (m.tuples == TupleModel::T2 ? " (Cor 13's union accounting, our reading of the paper)" : "") +
                    "; t2, t2exact, t1 and p move the thresholds by orders of magnitude");
    notes.push_back(m.theta_map == ThetaMap::Linear
                        ? "theta = c_map x excess loss with c_map = " + shortNumber(m.c_map) + " (an assumption)"
                        : std::string("theta = sqrt(2 x excess loss) (Pinsker; not the paper's map)"));
    notes.push_back(m.data_rule == DataRule::ComputeOptimal
                        ? std::string("D is compute-optimal under the law's rounded constants: its tokens per "
                                      "parameter vary with N")
                        : "D = " + shortNumber(m.tokens_per_param) + " N training tokens (a rule of thumb)");
    const ScalingLaw& l = m.law;
    notes.push_back("scaling law " + l.name + ": L = " + shortNumber(l.E) + " + " + shortNumber(l.A) + "/N^" +
                    shortNumber(l.a) + " + " + shortNumber(l.B) + "/D^" + shortNumber(l.b) + " nats/token");
    return notes;
}

}  // namespace slingshot
