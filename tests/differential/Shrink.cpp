#include "Shrink.h"

#include <fmt/format.h>

#include <algorithm>

namespace pathway::differential {
namespace {

void collect(Expr& e, std::vector<Expr*>& out) {
  out.push_back(&e);
  for (Expr& kid : e.kids) collect(kid, out);
}

std::vector<Expr*> nodes(Program& p) {
  std::vector<Expr*> out;
  for (ValueDecl& v : p.values) collect(v.value, out);
  for (RecommendationDecl& r : p.recommendations) collect(r.when, out);
  return out;
}

// Simpler expressions of roughly the same type: an operand, a literal.
std::vector<Expr> simpler(const Expr& e) {
  std::vector<Expr> out;
  for (const Expr& kid : e.kids) out.push_back(kid);
  const bool boolean = e.kind == Expr::Kind::BoolLit || e.kind == Expr::Kind::Not || e.kind == Expr::Kind::And ||
                       e.kind == Expr::Kind::Or || e.kind == Expr::Kind::Cmp || e.kind == Expr::Kind::In ||
                       e.kind == Expr::Kind::Known ||
                       (e.kind == Expr::Kind::Ref && e.type.kind == VType::Kind::Bool);
  if (boolean) {
    for (bool value : {false, true}) {
      if (e.kind == Expr::Kind::BoolLit && e.value == value) continue;
      Expr lit;
      lit.kind = Expr::Kind::BoolLit;
      lit.value = value;
      out.push_back(lit);
    }
  } else if (e.type.numeric() && !(e.kind == Expr::Kind::NumLit && (e.text == "0" || e.text == "1"))) {
    for (const char* digits : {"1", "0"}) {
      Expr lit;
      lit.kind = Expr::Kind::NumLit;
      lit.type = e.type;
      lit.text = digits;
      if (e.type.kind == VType::Kind::Quantity) lit.unit = e.type.unit;
      out.push_back(lit);
    }
  }
  if (e.kind == Expr::Kind::In && e.labels.size() > 1) {
    for (size_t i = 0; i < e.labels.size(); ++i) {
      Expr fewer = e;
      fewer.labels.erase(fewer.labels.begin() + i);
      out.push_back(fewer);
    }
  }
  if (e.kind == Expr::Kind::NumLit && e.text.find('.') != std::string::npos) {
    Expr whole = e;
    whole.text = e.text.substr(0, e.text.find('.'));
    out.push_back(whole);
  }
  return out;
}

// Removes declaration `global` (index into the printing concatenation).
void dropFromOrder(Program& p, size_t global) {
  auto it = std::find(p.order.begin(), p.order.end(), global);
  if (it != p.order.end()) p.order.erase(it);
  for (size_t& i : p.order) {
    if (i > global) --i;
  }
}

class Shrinker {
 public:
  Shrinker(Program program, Patient patient, const Outcome& outcome, size_t maxAttempts)
      : best_{std::move(program), std::move(patient), outcome, 0}, max_(maxAttempts) {}

  Reproducer run() {
    bool progress = true;
    while (progress && budget()) {
      progress = false;
      progress |= dropRecommendations();
      progress |= dropDeclarations();
      progress |= dropFields();
      progress |= simplifyExpressions();
      progress |= simplifyPatient();
    }
    return best_;
  }

 private:
  bool budget() const { return best_.attempts < max_; }

  // A well-founded order on candidates: shorter text first, then smaller
  // text, so that shrinking always terminates.
  static std::pair<size_t, std::string> measure(const Program& program, const Patient& patient) {
    std::string text = print(program) + toJson(patient);
    return {text.size(), text};
  }

  // Keeps the candidate when it is smaller and the failure persists.
  bool attempt(const Program& program, const Patient& patient) {
    if (!budget()) return false;
    if (!(measure(program, patient) < measure(best_.program, best_.patient))) return false;
    ++best_.attempts;
    Outcome outcome = runProgram(program, std::vector<Patient>{patient});
    if (outcome.failure != best_.outcome.failure) return false;
    best_.program = program;
    best_.patient = patient;
    best_.outcome = outcome;
    return true;
  }

  bool dropRecommendations() {
    bool progress = false;
    for (size_t i = best_.program.recommendations.size(); i-- > 0;) {
      Program p = best_.program;
      const std::string name = p.recommendations[i].name;
      p.recommendations.erase(p.recommendations.begin() + i);
      for (RecommendationDecl& r : p.recommendations) std::erase(r.supersedes, name);
      dropFromOrder(p, p.enums.size() + p.inputs.size() + p.values.size() + i);
      progress |= attempt(p, best_.patient);
    }
    return progress;
  }

  bool dropDeclarations() {
    bool progress = false;
    for (size_t i = best_.program.values.size(); i-- > 0;) {
      Program p = best_.program;
      p.values.erase(p.values.begin() + i);
      dropFromOrder(p, p.enums.size() + p.inputs.size() + i);
      progress |= attempt(p, best_.patient);
    }
    for (size_t i = best_.program.inputs.size(); i-- > 0;) {
      Program p = best_.program;
      Patient patient = best_.patient;
      patient.erase(p.inputs[i].name);
      p.inputs.erase(p.inputs.begin() + i);
      dropFromOrder(p, p.enums.size() + i);
      progress |= attempt(p, patient);
    }
    // Only the last enum can go (expressions refer to enums by index), and
    // only when no input has its type.
    while (!best_.program.enums.empty() && budget()) {
      Program p = best_.program;
      const int last = static_cast<int>(p.enums.size()) - 1;
      bool used = false;
      for (const InputDecl& in : p.inputs) used |= in.type.kind == VType::Kind::Enum && in.type.enumIndex == last;
      if (used) break;
      p.enums.pop_back();
      dropFromOrder(p, static_cast<size_t>(last));
      if (!attempt(p, best_.patient)) break;
      progress = true;
    }
    return progress;
  }

  bool dropFields() {
    bool progress = false;
    for (size_t i = 0; i < best_.program.recommendations.size(); ++i) {
      for (size_t s = best_.program.recommendations[i].supersedes.size(); s-- > 0;) {
        Program p = best_.program;
        p.recommendations[i].supersedes.erase(p.recommendations[i].supersedes.begin() + s);
        progress |= attempt(p, best_.patient);
      }
    }
    for (size_t i = 0; i < best_.program.inputs.size(); ++i) {
      if (best_.program.inputs[i].lo.empty()) continue;
      Program p = best_.program;
      p.inputs[i].lo.clear();
      p.inputs[i].hi.clear();
      progress |= attempt(p, best_.patient);
    }
    if (!best_.program.order.empty()) {
      Program p = best_.program;
      p.order.clear();
      progress |= attempt(p, best_.patient);
    }
    return progress;
  }

  bool simplifyExpressions() {
    bool progress = false;
    for (size_t index = 0; budget(); ++index) {
      Program probe = best_.program;
      std::vector<Expr*> all = nodes(probe);
      if (index >= all.size()) break;
      for (const Expr& candidate : simpler(*all[index])) {
        Program p = best_.program;
        *nodes(p)[index] = candidate;
        if (attempt(p, best_.patient)) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  bool simplifyPatient() {
    bool progress = false;
    std::vector<std::string> names;
    for (const auto& [name, value] : best_.patient) names.push_back(name);
    for (const std::string& name : names) {
      Patient patient = best_.patient;
      patient.erase(name);
      if (attempt(best_.program, patient)) {
        progress = true;
        continue;
      }
      const std::string& value = best_.patient.at(name);
      for (const char* simple : {"0", "1", "false", "true"}) {
        if (value == simple) break;
        patient = best_.patient;
        patient[name] = simple;
        if (attempt(best_.program, patient)) {
          progress = true;
          break;
        }
      }
    }
    return progress;
  }

  Reproducer best_;
  size_t max_;
};

}  // namespace

Reproducer shrink(Program program, Patient patient, const Outcome& outcome, size_t maxAttempts) {
  return Shrinker(std::move(program), std::move(patient), outcome, maxAttempts).run();
}

std::string report(uint64_t seed, const Outcome& original, const Reproducer& minimised) {
  return fmt::format(
      "differential failure for program seed {}: {}\n{}\n"
      "minimised in {} runs: {}\n{}\n"
      "---- minimised program (.pw) ----\n{}"
      "---- patient (JSON) ----\n{}\n",
      seed, original.failure, original.detail, minimised.attempts, minimised.outcome.failure,
      minimised.outcome.detail, print(minimised.program), toJson(minimised.patient));
}

}  // namespace pathway::differential
