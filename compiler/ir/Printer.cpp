#include "ir/Printer.h"

#include <fmt/format.h>

namespace pathway::ir {
namespace {

const char* infix(Op op) {
  switch (op) {
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::And: return "and";
    case Op::Or: return "or";
    default: return "?";
  }
}

bool isComparison(Op op) { return op >= Op::Lt && op <= Op::Ne; }

}  // namespace

std::string formatNumber(double value) { return fmt::format("{}", value); }

Printer::Printer(const Program& program) : program_(program), slotName_(program.nodes.size()) {
  for (const Definition& d : program.definitions) {
    if (slotName_[d.node].empty()) slotName_[d.node] = "define " + d.name;
  }
  for (const Finding& f : program.findings) slotName_[f.node] = "finding " + f.name;
}

std::string Printer::name(NodeId id) const {
  const std::string& s = slotName_[id];
  return s.empty() ? s : s.substr(s.find(' ') + 1);
}

// A constant beside a quantity input is in that input's unit.
std::string Printer::operand(NodeId self, NodeId other) const {
  const Node& me = program_.nodes[self];
  const Node& o = program_.nodes[other];
  if (me.op == Op::Const && me.known && o.op == Op::Input && program_.inputs[o.input].kind == InputKind::Quantity) {
    const std::string& unit = program_.inputs[o.input].unit;
    return unit == "%" ? formatNumber(me.value) + "%" : formatNumber(me.value) + " " + unit;
  }
  return text(self);
}

std::string Printer::text(NodeId id) const {
  return slotName_[id].empty() ? expression(id) : name(id);
}

std::string Printer::expression(NodeId id) const {
  const Node& n = program_.nodes[id];
  switch (n.op) {
    case Op::Input: return program_.inputs[n.input].name;
    case Op::Const:
      if (!n.known) return "unknown";
      return n.type == Type::Bool ? (n.value != 0 ? "true" : "false") : formatNumber(n.value);
    case Op::Not: return "not " + text(n.args[0]);
    case Op::Neg: return "-" + text(n.args[0]);
    case Op::IsKnown: return "known(" + text(n.args[0]) + ")";
    case Op::InSet: {
      const Node& arg = program_.nodes[n.args[0]];
      std::vector<std::string> labels;
      for (uint32_t l : n.labels) {
        bool named = arg.op == Op::Input && l < program_.inputs[arg.input].labels.size();
        labels.push_back(named ? program_.inputs[arg.input].labels[l] : std::to_string(l));
      }
      return fmt::format("{} in {{{}}}", text(n.args[0]), fmt::join(labels, ", "));
    }
    case Op::And:
    case Op::Or:
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
      return fmt::format("({} {} {})", text(n.args[0]), infix(n.op), text(n.args[1]));
    default:
      if (isComparison(n.op)) {
        return fmt::format("{} {} {}", operand(n.args[0], n.args[1]), infix(n.op), operand(n.args[1], n.args[0]));
      }
      return opName(n.op);
  }
}

}  // namespace pathway::ir
