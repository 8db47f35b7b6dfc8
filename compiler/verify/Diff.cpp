// pathwayc diff: two versions of a pathway over one patient. Inputs with the
// same name and the same type share their variables (a patient valid for
// both versions); an input whose type changed is a separate variable in
// each. For every recommendation in both, one query: can the statuses differ?
#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "verify/Encoding.h"
#include "verify/Session.h"
#include "verify/Verify.h"

namespace pathway::verify {
namespace {

std::string number(double v) { return fmt::format("{}", v); }

bool sameType(const ir::Input& a, const ir::Input& b) {
  return a.kind == b.kind && a.unit == b.unit && a.labels == b.labels;
}

std::string citationsText(const std::vector<ir::Citation>& cites) {
  std::string out;
  for (const ir::Citation& c : cites) out += (out.empty() ? "" : ", ") + c.paragraph;
  return "[" + out + "]";
}

std::string supersedesText(const ir::Program& p, const ir::Recommendation& r) {
  std::string out;
  for (uint32_t s : r.supersedes) out += (out.empty() ? "" : ", ") + p.recommendations[s].name;
  return "[" + out + "]";
}

template <class T>
std::map<std::string, size_t> byName(const std::vector<T>& items) {
  std::map<std::string, size_t> out;
  for (size_t i = 0; i < items.size(); ++i) out[items[i].name] = i;
  return out;
}

}  // namespace

std::string inputTypeText(const ir::Input& in) {
  std::string text;
  switch (in.kind) {
    case ir::InputKind::Bool: text = "bool"; break;
    case ir::InputKind::Int: text = "int"; break;
    case ir::InputKind::Number: text = "number"; break;
    case ir::InputKind::Quantity: text = in.unit; break;
    case ir::InputKind::Enum: {
      text = in.enumName + " {";
      for (size_t i = 0; i < in.labels.size(); ++i) text += (i ? ", " : "") + in.labels[i];
      text += "}";
      break;
    }
  }
  if (in.min || in.max) text += " in " + (in.min ? number(*in.min) : "") + ".." + (in.max ? number(*in.max) : "");
  return text;
}

bool DiffReport::anyDifferent() const {
  for (const StatusDiff& s : statuses) {
    if (!s.identical) return true;
  }
  return false;
}

DiffReport diffPrograms(const ir::Program& oldP, const ir::Program& newP, const Options& options) {
  DiffReport out;
  auto compareNames = [](const auto& a, const auto& b, std::vector<std::string>& added,
                         std::vector<std::string>& removed) {
    auto oldNames = byName(a);
    auto newNames = byName(b);
    for (const auto& item : b) {
      if (!oldNames.count(item.name)) added.push_back(item.name);
    }
    for (const auto& item : a) {
      if (!newNames.count(item.name)) removed.push_back(item.name);
    }
  };
  compareNames(oldP.recommendations, newP.recommendations, out.addedRecommendations, out.removedRecommendations);
  compareNames(oldP.inputs, newP.inputs, out.addedInputs, out.removedInputs);
  compareNames(oldP.findings, newP.findings, out.addedFindings, out.removedFindings);

  auto changed = [&](const std::string& what, const std::string& a, const std::string& b) {
    if (a != b) out.changedMetadata.push_back(fmt::format("{}: {} -> {}", what, a, b));
  };
  changed("title", oldP.meta.title, newP.meta.title);
  changed("version", oldP.meta.version, newP.meta.version);
  changed("name", oldP.meta.name, newP.meta.name);
  auto oldRecs = byName(oldP.recommendations);
  for (const ir::Recommendation& r : newP.recommendations) {
    auto it = oldRecs.find(r.name);
    if (it == oldRecs.end()) continue;
    const ir::Recommendation& o = oldP.recommendations[it->second];
    std::string what = "recommendation " + r.name;
    changed(what + " label", o.label, r.label);
    changed(what + " category", o.category, r.category);
    changed(what + " urgency", o.urgency, r.urgency);
    changed(what + " rationale", o.rationale, r.rationale);
    changed(what + " cite", citationsText(o.citations), citationsText(r.citations));
    changed(what + " supersedes", supersedesText(oldP, o), supersedesText(newP, r));
  }
  auto oldFindings = byName(oldP.findings);
  for (const ir::Finding& f : newP.findings) {
    auto it = oldFindings.find(f.name);
    if (it == oldFindings.end()) continue;
    changed("finding " + f.name + " label", oldP.findings[it->second].label, f.label);
    changed("finding " + f.name + " cite", citationsText(oldP.findings[it->second].citations),
            citationsText(f.citations));
  }

  try {
    z3::context ctx;
    Session session(ctx, options.timeoutMs);
    Encoding oldE(ctx, oldP, "old.");
    auto oldInputs = byName(oldP.inputs);
    std::vector<std::optional<InputVars>> shared(newP.inputs.size());
    for (size_t i = 0; i < newP.inputs.size(); ++i) {
      auto it = oldInputs.find(newP.inputs[i].name);
      if (it == oldInputs.end()) continue;
      const ir::Input& o = oldP.inputs[it->second];
      std::string a = inputTypeText(o), b = inputTypeText(newP.inputs[i]);
      if (a != b) out.changedInputs.push_back(fmt::format("{}: {} -> {}", o.name, a, b));
      if (sameType(o, newP.inputs[i])) shared[i] = oldE.inputs()[it->second];
    }
    Encoding newE(ctx, newP, "new.", shared);
    session.assertAlways(oldE.domain() && newE.domain());
    for (const ir::Recommendation& r : newP.recommendations) {
      auto it = oldRecs.find(r.name);
      if (it == oldRecs.end()) continue;
      const ir::Recommendation& o = oldP.recommendations[it->second];
      StatusDiff d;
      d.recommendation = r.name;
      auto confirm = [&](const std::vector<Patient>& patients) {
        int a = statusOf(replay(oldP, patients[0]), o.status);
        int b = statusOf(replay(newP, patients[1]), r.status);
        return a != b;
      };
      QueryResult q = session.check(oldE.differs(o.status, newE, r.status), {&oldE, &newE}, confirm);
      if (q.result == z3::unknown) {
        d.identical = false;
        d.undecided = true;
      } else if (q.result == z3::sat) {
        d.identical = false;
        d.oldPatient = q.patients[0];
        d.newPatient = q.patients[1];
        d.oldStatus = statusOf(replay(oldP, q.patients[0]), o.status);
        d.newStatus = statusOf(replay(newP, q.patients[1]), r.status);
      }
      out.statuses.push_back(std::move(d));
    }
  } catch (const z3::exception& e) {
    throw std::logic_error(std::string("diff: Z3: ") + e.msg());
  }
  return out;
}

}  // namespace pathway::verify
