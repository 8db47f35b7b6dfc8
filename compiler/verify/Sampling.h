// Random patients, evaluated by the reference interpreter: examples that
// settle some analysis questions without asking the solver. Deterministic
// (fixed seed). Private to compiler/verify.
#ifndef PATHWAY_VERIFY_SAMPLING_H
#define PATHWAY_VERIFY_SAMPLING_H

#include <random>

#include "verify/Patient.h"

namespace pathway::verify {

class Sampler {
 public:
  explicit Sampler(const ir::Program& program, uint32_t seed = 20261202) : program_(program), rng_(seed) {}
  Patient patient();
  // A value for input i different from the patient's (or a change of its
  // known bit): a neighbour to test whether i matters.
  Patient vary(const Patient& p, size_t input);

 private:
  double value(size_t input);
  const ir::Program& program_;
  std::mt19937 rng_;
};

// Every recommendation's status (0 no, 1 fire, 2 undetermined) for a patient.
std::vector<int> statuses(const ir::Program& program, const Patient& patient);

}  // namespace pathway::verify

#endif  // PATHWAY_VERIFY_SAMPLING_H
