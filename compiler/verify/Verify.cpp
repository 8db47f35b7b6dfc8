// Properties and the built-in analyses: one solver, the program encoded
// once, one push/pop query per question.
#include "verify/Verify.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "verify/Encoding.h"
#include "verify/Sampling.h"
#include "verify/Session.h"

namespace pathway::verify {
namespace {

bool isTrue(const std::vector<ir::NodeValue>& v, ir::NodeId id) { return v[id].known && v[id].value != 0; }

class Verifier {
 public:
  Verifier(const ir::Program& program, const Options& options)
      : program_(program), options_(options), session_(ctx_, options.timeoutMs),
        encoding_(ctx_, program, "") {
    session_.assertAlways(encoding_.domain());
  }

  Report run() {
    for (const ir::Property& p : program_.properties) report_.properties.push_back(property(p));
    if (options_.analyses) {
      analyses();
      silence();
    }
    return std::move(report_);
  }

 private:
  PropertyResult property(const ir::Property& p) {
    PropertyResult out;
    out.name = p.name;
    z3::expr violated = !encoding_.isTrue(p.claim);
    if (p.premise) violated = encoding_.isTrue(*p.premise) && violated;
    auto confirm = [&](const std::vector<Patient>& patients) {
      std::vector<ir::NodeValue> v = replay(program_, patients[0]);
      return (!p.premise || isTrue(v, *p.premise)) && !isTrue(v, p.claim);
    };
    QueryResult q = session_.check(violated, {&encoding_}, confirm);
    if (q.result == z3::unsat) return out;
    if (q.result == z3::unknown) {
      out.outcome = Outcome::Undecided;
      out.reason = q.reason;
      return out;
    }
    out.outcome = Outcome::Fails;
    out.counterexample = q.patients[0];
    std::vector<ir::NodeValue> v = replay(program_, q.patients[0]);
    out.claimValue = v[p.claim].known ? "false" : "unknown";
    return out;
  }

  // A question whose "yes" (sat) clears the warning: returns true when the
  // warning stands (unsat), false when cleared or undecided.
  bool never(const z3::expr& query, const std::string& what) {
    std::string reason;
    z3::check_result r = session_.check(query, &reason);
    if (r == z3::unknown) report_.undecided.push_back(what + " (" + reason + ")");
    return r == z3::unsat;
  }

  void warn(diag::Kind kind, const char* check, std::vector<std::string> subjects, std::vector<std::string> args,
            std::optional<Patient> witness = std::nullopt) {
    report_.warnings.push_back(Warning{kind, check, std::move(subjects), std::move(args), std::move(witness), false});
  }

  void analyses() {
    // Examples first: what a random patient shows needs no solver.
    Sampler sampler(program_);
    size_t recs = program_.recommendations.size();
    std::vector<std::set<int>> seenStatus(recs);
    std::vector<std::set<int>> seenFinding(program_.findings.size());
    std::vector<std::vector<int>> signature(recs);
    std::vector<Patient> samples;
    for (unsigned s = 0; s < options_.samples; ++s) {
      Patient p = sampler.patient();
      std::vector<ir::NodeValue> v = replay(program_, p);
      for (size_t r = 0; r < recs; ++r) {
        int st = statusOf(v, program_.recommendations[r].status);
        seenStatus[r].insert(st);
        signature[r].push_back(st);
      }
      for (size_t f = 0; f < program_.findings.size(); ++f) {
        seenFinding[f].insert(isTrue(v, program_.findings[f].node) ? 1 : 0);
      }
      samples.push_back(std::move(p));
    }

    for (size_t r = 0; r < recs; ++r) {
      const ir::Recommendation& rec = program_.recommendations[r];
      if (!seenStatus[r].count(1) && never(encoding_.isTrue(rec.status), "never_fires " + rec.name)) {
        warn(diag::Kind::RecommendationNeverFires, "never_fires", {rec.name}, {rec.name});
      }
      if (!seenStatus[r].count(0) && never(encoding_.isFalse(rec.status), "never_no " + rec.name)) {
        warn(diag::Kind::RecommendationNeverNo, "never_no", {rec.name}, {rec.name});
      }
    }
    for (size_t f = 0; f < program_.findings.size(); ++f) {
      const ir::Finding& finding = program_.findings[f];
      if (!seenFinding[f].count(0) && never(!encoding_.isTrue(finding.node), "finding_constant " + finding.name)) {
        warn(diag::Kind::FindingConstant, "finding_constant", {finding.name}, {finding.name, "true for every patient"});
      } else if (!seenFinding[f].count(1) && never(encoding_.isTrue(finding.node), "finding_constant " + finding.name)) {
        warn(diag::Kind::FindingConstant, "finding_constant", {finding.name}, {finding.name, "true for no patient"});
      }
    }
    for (const ir::Recommendation& by : program_.recommendations) {
      for (uint32_t target : by.supersedes) {
        const ir::Recommendation& t = program_.recommendations[target];
        z3::expr effect = encoding_.isTrue(by.status) && encoding_.isTrue(t.condition);
        if (never(effect, "supersedes_no_effect " + by.name + " " + t.name)) {
          warn(diag::Kind::SupersedesNoEffect, "supersedes_no_effect", {by.name, t.name}, {by.name, t.name});
        }
      }
    }
    identical(signature);
    inputEffects(samples, sampler);
    unresolvable();
  }

  void identical(const std::vector<std::vector<int>>& signature) {
    std::map<std::vector<int>, std::vector<size_t>> groups;
    for (size_t r = 0; r < signature.size(); ++r) groups[signature[r]].push_back(r);
    for (const auto& [sig, members] : groups) {
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size(); ++j) {
          const ir::Recommendation& a = program_.recommendations[members[i]];
          const ir::Recommendation& b = program_.recommendations[members[j]];
          if (never(encoding_.differs(a.status, encoding_, b.status), "identical_statuses " + a.name + " " + b.name)) {
            warn(diag::Kind::IdenticalStatuses, "identical_statuses", {a.name, b.name}, {a.name, b.name});
          }
        }
      }
    }
  }

  void inputEffects(const std::vector<Patient>& samples, Sampler& sampler) {
    std::vector<char> used(program_.inputs.size(), 0);
    for (const ir::Node& n : program_.nodes) {
      if (n.op == ir::Op::Input) used[n.input] = 1;
    }
    for (size_t i = 0; i < program_.inputs.size(); ++i) {
      if (!used[i]) continue;  // sema reports an input no declaration uses
      bool changes = false;
      for (const Patient& p : samples) {
        if (statuses(program_, p) != statuses(program_, sampler.vary(p, i))) {
          changes = true;
          break;
        }
      }
      if (changes) continue;
      // A second copy of the program sharing every input but this one.
      std::vector<std::optional<InputVars>> shared(encoding_.inputs().begin(), encoding_.inputs().end());
      shared[i].reset();
      Encoding other(ctx_, program_, "other.", shared);
      z3::expr differ = ctx_.bool_val(false);
      for (const ir::Recommendation& r : program_.recommendations) {
        differ = differ || encoding_.differs(r.status, other, r.status);
      }
      if (never(other.domain() && differ, "input_no_effect " + program_.inputs[i].name)) {
        warn(diag::Kind::InputNoEffect, "input_no_effect", {program_.inputs[i].name}, {program_.inputs[i].name});
      }
    }
  }

  void unresolvable() {
    // An unknown with an empty missing list can only start at a division
    // (by zero) or the constant unknown: every other op is unknown only
    // through an unknown operand, whose list is not empty. Statuses whose
    // cone has neither need no query.
    std::vector<char> source(program_.nodes.size(), 0);
    for (ir::NodeId id = 0; id < program_.nodes.size(); ++id) {
      const ir::Node& n = program_.nodes[id];
      source[id] = n.op == ir::Op::Div || (n.op == ir::Op::Const && !n.known);
      if (n.op == ir::Op::IsKnown) continue;  // always known
      for (ir::NodeId a : n.args) source[id] = source[id] || source[a];
    }
    for (const ir::Recommendation& rec : program_.recommendations) {
      if (!source[rec.status]) continue;
      z3::expr noMissing = ctx_.bool_val(true);
      for (uint32_t i = 0; i < program_.inputs.size(); ++i) noMissing = noMissing && !encoding_.missing(rec.status, i);
      z3::expr query = !encoding_.known(rec.status) && noMissing;
      auto confirm = [&](const std::vector<Patient>& patients) {
        std::vector<ir::NodeValue> v = replay(program_, patients[0]);
        return !v[rec.status].known && v[rec.status].missing.empty();
      };
      QueryResult q = session_.check(query, {&encoding_}, confirm);
      if (q.result == z3::unknown) report_.undecided.push_back("unresolvable_undetermined " + rec.name);
      if (q.result == z3::sat) {
        warn(diag::Kind::UnresolvableUndetermined, "unresolvable_undetermined", {rec.name}, {rec.name}, q.patients[0]);
      }
    }
  }

  void silence() {
    std::vector<char> used(program_.allows.size(), 0);
    for (Warning& w : report_.warnings) {
      for (size_t a = 0; a < program_.allows.size(); ++a) {
        const ir::Allow& allow = program_.allows[a];
        if (allow.check != w.check) continue;
        bool match = allow.subjects == w.subjects;
        if (!match && w.check == "identical_statuses" && allow.subjects.size() == 2) {
          match = allow.subjects[0] == w.subjects[1] && allow.subjects[1] == w.subjects[0];
        }
        if (match) {
          w.silenced = true;
          used[a] = 1;
        }
      }
    }
    for (size_t a = 0; a < used.size(); ++a) {
      if (!used[a]) report_.unusedAllows.push_back(a);
    }
  }

  const ir::Program& program_;
  Options options_;
  z3::context ctx_;
  Session session_;
  Encoding encoding_;
  Report report_;
};

}  // namespace

std::vector<std::vector<SolverValue>> solverNodeValues(const ir::Program& program,
                                                       const std::vector<Patient>& patients) {
  try {
    z3::context ctx;
    Encoding e(ctx, program, "");
    z3::solver solver(ctx);
    solver.add(e.domain());
    std::vector<std::vector<SolverValue>> all;
    for (const Patient& patient : patients) {
      solver.push();
      for (size_t i = 0; i < program.inputs.size(); ++i) {
        const InputVars& v = e.inputs()[i];
        solver.add(patient.known[i] ? v.known : !v.known);
        if (!patient.known[i]) continue;
        if (program.inputs[i].kind == ir::InputKind::Bool) solver.add(patient.values[i] != 0 ? v.value : !v.value);
        else solver.add(v.value == exactReal(ctx, patient.values[i]));
      }
      if (solver.check() != z3::sat) throw std::logic_error("verify: a patient within the ranges is unsatisfiable");
      z3::model model = solver.get_model();
      std::vector<SolverValue> out;
      for (ir::NodeId id = 0; id < program.nodes.size(); ++id) {
        SolverValue v;
        v.known = model.eval(e.known(id), true).is_true();
        z3::expr value = model.eval(e.value(id), true);
        if (program.nodes[id].type == ir::Type::Bool) {
          v.value = value.is_true() ? 1 : 0;
        } else if (v.known) {
          v.value = value.as_double();
          v.exact = std::isfinite(v.value) && (value == exactReal(ctx, v.value)).simplify().is_true();
        }
        out.push_back(v);
      }
      all.push_back(std::move(out));
      solver.pop();
    }
    return all;
  } catch (const z3::exception& ex) {
    throw std::logic_error(std::string("verify: Z3: ") + ex.msg());
  }
}

Report verifyProgram(const ir::Program& program, const Options& options) {
  try {
    return Verifier(program, options).run();
  } catch (const z3::exception& e) {
    throw std::logic_error(std::string("verify: Z3: ") + e.msg());
  }
}

}  // namespace pathway::verify
