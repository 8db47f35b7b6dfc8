#include "ir/Dump.h"

#include <fmt/format.h>

namespace pathway::ir {
namespace {

std::string typeName(Type type) { return type == Type::Bool ? "bool" : "number"; }

std::string citations(const std::vector<Citation>& cites) {
  std::string out;
  for (const Citation& c : cites) out += (out.empty() ? "" : ", ") + c.source + ":" + c.paragraph;
  return "[" + out + "]";
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string dump(const Program& p) {
  std::string out;
  out += fmt::format("pathway {} version {} title {}\n", p.meta.name, quoted(p.meta.version), quoted(p.meta.title));
  for (const Source& s : p.meta.sources) {
    std::string paragraphs;
    for (const std::string& id : s.paragraphs) paragraphs += (paragraphs.empty() ? "" : ", ") + id;
    out += fmt::format("source {} {} [{}]\n", s.name, quoted(s.title), paragraphs);
  }
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    const Input& in = p.inputs[i];
    out += fmt::format("input #{} {}: {}", i, in.name, inputKindName(in.kind));
    if (in.kind == InputKind::Quantity) out += " " + in.unit;
    if (in.kind == InputKind::Enum) {
      std::string labels;
      for (const std::string& l : in.labels) labels += (labels.empty() ? "" : ", ") + l;
      out += fmt::format(" {} {{{}}}", in.enumName, labels);
    }
    if (in.min || in.max) {
      out += fmt::format(" in {}..{}", in.min ? fmt::format("{}", *in.min) : "",
                         in.max ? fmt::format("{}", *in.max) : "");
    }
    out += "\n";
  }
  for (size_t id = 0; id < p.nodes.size(); ++id) {
    const Node& n = p.nodes[id];
    std::string operands;
    switch (n.op) {
      case Op::Input: operands = fmt::format("#{}", n.input); break;
      case Op::Const:
        operands = !n.known ? "unknown" : n.type == Type::Bool ? (n.value != 0 ? "true" : "false") : fmt::format("{}", n.value);
        break;
      default:
        for (NodeId a : n.args) operands += (operands.empty() ? "%" : ", %") + std::to_string(a);
        break;
    }
    if (n.op == Op::InSet) {
      std::string labels;
      for (uint32_t l : n.labels) labels += (labels.empty() ? "" : ", ") + std::to_string(l);
      operands += " {" + labels + "}";
    }
    out += fmt::format("%{} = {} {} : {}\n", id, opName(n.op), operands, typeName(n.type));
  }
  for (const Definition& d : p.definitions) {
    out += fmt::format("define {} = %{} : {}\n", d.name, d.node, typeName(d.type));
  }
  for (const Finding& f : p.findings) {
    out += fmt::format("finding {} = %{} {} {}\n", f.name, f.node, quoted(f.label), citations(f.citations));
  }
  for (const Recommendation& r : p.recommendations) {
    std::string supersedes;
    for (uint32_t s : r.supersedes) supersedes += (supersedes.empty() ? "" : ", ") + p.recommendations[s].name;
    out += fmt::format("recommendation {} = %{} status %{} {} {} {} {} supersedes [{}]\n", r.name, r.condition,
                       r.status, r.category, r.urgency, quoted(r.label), citations(r.citations), supersedes);
  }
  for (const Property& pr : p.properties) {
    out += fmt::format("property {} = {}%{} {} {}\n", pr.name, pr.premise ? fmt::format("%{} implies ", *pr.premise) : "",
                       pr.claim, quoted(pr.label), citations(pr.citations));
  }
  for (const Allow& a : p.allows) {
    std::string subjects;
    for (const std::string& s : a.subjects) subjects += (subjects.empty() ? "" : ", ") + s;
    out += fmt::format("allow {} [{}] {}\n", a.check, subjects, quoted(a.reason));
  }
  for (const fhir::Codeset& set : p.fhir.codesets) {
    std::string codes;
    for (const fhir::Code& c : set.codes) codes += fmt::format("{}{}|{}", codes.empty() ? "" : ", ", c.system, c.code);
    out += fmt::format("codeset {} [{}]\n", set.name, codes);
  }
  for (const fhir::Binding& b : p.fhir.bindings) {
    auto list = [&](const std::vector<fhir::Mapping>& maps, bool values) {
      std::string text;
      for (const fhir::Mapping& m : maps) {
        text += (text.empty() ? "" : ", ") + p.fhir.codesets[m.codeset].name;
        if (values) text += fmt::format(": {}", m.value);
      }
      return text;
    };
    out += fmt::format("fhir {} = {} [{}] {}", p.inputs[b.input].name, fhir::resourceName(b.resource),
                       list(b.codes, b.value == fhir::Value::Code), fhir::valueName(b.value));
    if (!b.valueMap.empty()) out += " {" + list(b.valueMap, true) + "}";
    if (b.withinDays) out += fmt::format(" within {}d", *b.withinDays);
    if (b.scope == fhir::ConditionScope::History) out += " history";
    if (b.select == fhir::Select::Highest) out += " highest";
    if (b.absent) out += fmt::format(" absent {}", *b.absent);
    out += "\n";
  }
  return out;
}

}  // namespace pathway::ir
