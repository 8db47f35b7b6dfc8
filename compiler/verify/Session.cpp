#include "verify/Session.h"

#include <stdexcept>

namespace pathway::verify {

Session::Session(z3::context& ctx, unsigned timeoutMs) : ctx_(ctx), solver_(ctx) {
  z3::params p(ctx);
  p.set("timeout", timeoutMs);
  solver_.set(p);
}

z3::check_result Session::check(const z3::expr& query, std::string* reason) {
  solver_.push();
  solver_.add(query);
  z3::check_result r = solver_.check();
  if (r == z3::unknown && reason) *reason = solver_.reason_unknown();
  solver_.pop();
  return r;
}

std::vector<Patient> Session::read(const z3::model& model, const std::vector<const Encoding*>& readers) const {
  std::vector<Patient> out;
  for (const Encoding* e : readers) {
    Patient p;
    const ir::Program& program = e->program();
    for (size_t i = 0; i < program.inputs.size(); ++i) {
      const InputVars& vars = e->inputs()[i];
      bool known = model.eval(vars.known, true).is_true();
      double value = 0;
      if (known) {
        z3::expr v = model.eval(vars.value, true);
        value = program.inputs[i].kind == ir::InputKind::Bool ? (v.is_true() ? 1 : 0) : v.as_double();
      }
      p.known.push_back(known ? 1 : 0);
      p.values.push_back(value);
    }
    out.push_back(std::move(p));
  }
  return out;
}

QueryResult Session::check(const z3::expr& query, const std::vector<const Encoding*>& readers,
                           const std::function<bool(const std::vector<Patient>&)>& confirm) {
  QueryResult out;
  solver_.push();
  solver_.add(query);
  out.result = solver_.check();
  if (out.result == z3::unknown) out.reason = solver_.reason_unknown();
  if (out.result == z3::sat) {
    out.patients = read(solver_.get_model(), readers);
    if (!confirm(out.patients)) {
      z3::expr grid = ctx_.bool_val(true);
      for (const Encoding* e : readers) {
        for (size_t i = 0; i < e->program().inputs.size(); ++i) {
          ir::InputKind kind = e->program().inputs[i].kind;
          if (kind == ir::InputKind::Number || kind == ir::InputKind::Quantity) {
            grid = grid && z3::is_int(e->inputs()[i].value * ctx_.real_val(1024));
          }
        }
      }
      solver_.add(grid);
      z3::check_result again = solver_.check();
      if (again != z3::sat) {
        // Only irrational or ill-rounded patients exist (e.g. x * x == 2):
        // no patient a double can hold reproduces it, so nothing is shown.
        solver_.pop();
        out.result = z3::unknown;
        out.reason = "counterexamples exist only for values that double arithmetic cannot reproduce";
        out.patients.clear();
        return out;
      }
      out.patients = read(solver_.get_model(), readers);
      if (!confirm(out.patients)) {
        solver_.pop();
        throw std::logic_error("verify: the solver's counterexample is not confirmed by the interpreter");
      }
    }
  }
  solver_.pop();
  return out;
}

}  // namespace pathway::verify
