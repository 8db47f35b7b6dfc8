#include "verify/Sampling.h"

#include <cmath>

namespace pathway::verify {

double Sampler::value(size_t input) {
  const ir::Input& in = program_.inputs[input];
  switch (in.kind) {
    case ir::InputKind::Bool: return std::uniform_int_distribution<int>(0, 1)(rng_);
    case ir::InputKind::Enum:
      return std::uniform_int_distribution<int>(0, static_cast<int>(in.labels.size()) - 1)(rng_);
    default: break;
  }
  double lo = in.min.value_or(in.max ? *in.max - 100 : -100);
  double hi = in.max.value_or(lo + 200);
  double v = std::uniform_real_distribution<double>(lo, hi)(rng_);
  // Whole numbers most of the time: thresholds are whole numbers too.
  if (in.kind == ir::InputKind::Int || std::uniform_int_distribution<int>(0, 3)(rng_) != 0) {
    v = std::round(v);
    v = std::fmin(std::fmax(v, std::ceil(lo)), std::floor(hi));
  }
  return v;
}

Patient Sampler::patient() {
  Patient p;
  for (size_t i = 0; i < program_.inputs.size(); ++i) {
    bool known = std::uniform_int_distribution<int>(0, 3)(rng_) != 0;
    p.known.push_back(known ? 1 : 0);
    p.values.push_back(known ? value(i) : 0);
  }
  return p;
}

Patient Sampler::vary(const Patient& p, size_t input) {
  Patient q = p;
  if (!p.known[input] || std::uniform_int_distribution<int>(0, 3)(rng_) == 0) {
    q.known[input] = !p.known[input];
    q.values[input] = q.known[input] ? value(input) : 0;
    return q;
  }
  q.values[input] = value(input);
  return q;
}

std::vector<int> statuses(const ir::Program& program, const Patient& patient) {
  std::vector<ir::NodeValue> values = replay(program, patient);
  std::vector<int> out;
  for (const ir::Recommendation& r : program.recommendations) out.push_back(statusOf(values, r.status));
  return out;
}

}  // namespace pathway::verify
