// One solver over one or more encodings, queried incrementally: the domain
// is asserted once, each query is checked inside push/pop. Private to
// compiler/verify.
#ifndef PATHWAY_VERIFY_SESSION_H
#define PATHWAY_VERIFY_SESSION_H

#include <z3++.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "verify/Encoding.h"
#include "verify/Patient.h"

namespace pathway::verify {

struct QueryResult {
  z3::check_result result = z3::unknown;
  std::string reason;  // when unknown
  // When sat: a patient per encoding asked for (see Session::check).
  std::vector<Patient> patients;
};

class Session {
 public:
  Session(z3::context& ctx, unsigned timeoutMs);
  void assertAlways(const z3::expr& e) { solver_.add(e); }

  // Is `query` satisfiable? When it is, reads one patient per encoding in
  // `readers` from the model and passes them to `confirm` (the interpreter
  // replay). A model the replay rejects (a rounding difference between the
  // solver's exact reals and doubles) is retried once with every real input
  // on a grid of 1/1024 that doubles represent exactly. No grid model:
  // unknown (the reals have counterexamples doubles cannot reproduce); a
  // grid model the replay rejects too is a broken encoding: std::logic_error.
  QueryResult check(const z3::expr& query, const std::vector<const Encoding*>& readers,
                    const std::function<bool(const std::vector<Patient>&)>& confirm);
  // Satisfiability only (no model read).
  z3::check_result check(const z3::expr& query, std::string* reason = nullptr);

 private:
  std::vector<Patient> read(const z3::model& model, const std::vector<const Encoding*>& readers) const;

  z3::context& ctx_;
  z3::solver solver_;
};

}  // namespace pathway::verify

#endif  // PATHWAY_VERIFY_SESSION_H
