#include "verify/Encoding.h"

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace pathway::verify {

z3::expr exactReal(z3::context& ctx, double value) {
  if (!std::isfinite(value)) throw std::runtime_error("verify: non-finite constant in the IR");
  // glibc prints the exact decimal expansion of a double; Z3 reads a
  // decimal numeral as the exact rational.
  char buffer[1200];
  std::snprintf(buffer, sizeof buffer, "%.1080f", value);
  std::string text = buffer;
  while (text.size() > 1 && text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return ctx.real_val(text.c_str());
}

Encoding::Encoding(z3::context& ctx, const ir::Program& program, const std::string& prefix,
                   const std::vector<std::optional<InputVars>>& shared)
    : ctx_(ctx), program_(program), prefix_(prefix), domain_(ctx) {
  known_.reserve(program.nodes.size());
  value_.reserve(program.nodes.size());
  for (size_t i = 0; i < program.inputs.size(); ++i) {
    const ir::Input& in = program.inputs[i];
    if (i < shared.size() && shared[i]) {
      inputs_.push_back(*shared[i]);
    } else {
      std::string name = prefix + in.name;
      z3::expr known = ctx.bool_const((name + ".known").c_str());
      z3::expr value = in.kind == ir::InputKind::Bool ? ctx.bool_const(name.c_str()) : ctx.real_const(name.c_str());
      inputs_.push_back({known, value});
    }
    const z3::expr& v = inputs_.back().value;
    if (in.kind == ir::InputKind::Bool) continue;
    if (in.kind == ir::InputKind::Int || in.kind == ir::InputKind::Enum) domain_.push_back(z3::is_int(v));
    if (in.kind == ir::InputKind::Enum) {
      domain_.push_back(v >= 0);
      domain_.push_back(v <= ctx.real_val(static_cast<int64_t>(in.labels.size()) - 1));
    }
    if (in.min) domain_.push_back(v >= exactReal(ctx, *in.min));
    if (in.max) domain_.push_back(v <= exactReal(ctx, *in.max));
  }
  for (ir::NodeId id = 0; id < program.nodes.size(); ++id) encode(id);
}

void Encoding::encode(ir::NodeId id) {
  const ir::Node& n = program_.nodes[id];
  auto k = [&](size_t i) { return known_[n.args[i]]; };
  auto v = [&](size_t i) { return value_[n.args[i]]; };
  z3::expr known = ctx_.bool_val(true);
  z3::expr value = ctx_.bool_val(false);
  switch (n.op) {
    case ir::Op::Input:
      known = inputs_[n.input].known;
      value = inputs_[n.input].value;
      break;
    case ir::Op::Const:
      known = ctx_.bool_val(n.known);
      if (n.type == ir::Type::Bool) value = ctx_.bool_val(n.known && n.value != 0);
      else value = exactReal(ctx_, n.known ? n.value : 0);
      break;
    case ir::Op::Not:
      known = k(0);
      value = !v(0);
      break;
    case ir::Op::And:
      known = (k(0) && !v(0)) || (k(1) && !v(1)) || (k(0) && k(1));
      value = k(0) && v(0) && k(1) && v(1);
      break;
    case ir::Op::Or:
      known = (k(0) && v(0)) || (k(1) && v(1)) || (k(0) && k(1));
      value = (k(0) && v(0)) || (k(1) && v(1));
      break;
    case ir::Op::Lt: known = k(0) && k(1); value = v(0) < v(1); break;
    case ir::Op::Le: known = k(0) && k(1); value = v(0) <= v(1); break;
    case ir::Op::Gt: known = k(0) && k(1); value = v(0) > v(1); break;
    case ir::Op::Ge: known = k(0) && k(1); value = v(0) >= v(1); break;
    case ir::Op::Eq: known = k(0) && k(1); value = v(0) == v(1); break;
    case ir::Op::Ne: known = k(0) && k(1); value = v(0) != v(1); break;
    case ir::Op::Add: known = k(0) && k(1); value = v(0) + v(1); break;
    case ir::Op::Sub: known = k(0) && k(1); value = v(0) - v(1); break;
    case ir::Op::Mul: known = k(0) && k(1); value = v(0) * v(1); break;
    case ir::Op::Div:
      // Division by zero is unknown; the value is then never read.
      known = k(0) && k(1) && v(1) != 0;
      value = v(0) / v(1);
      break;
    case ir::Op::Neg:
      known = k(0);
      value = -v(0);
      break;
    case ir::Op::InSet: {
      known = k(0);
      value = ctx_.bool_val(false);
      for (uint32_t label : n.labels) value = value || v(0) == ctx_.real_val(static_cast<int64_t>(label));
      break;
    }
    case ir::Op::IsKnown:
      known = ctx_.bool_val(true);
      value = k(0);
      break;
  }
  // Terms are inlined (the solver simplifies across them) up to a depth of
  // kCutDepth levels; a deeper node gets named constants defined once (see
  // domain()), so a long definition chain stays linear in size.
  constexpr uint32_t kCutDepth = 8;
  uint32_t depth = 0;
  for (ir::NodeId a : n.args) depth = std::max(depth, depth_[a] + 1);
  if (depth < kCutDepth) {
    depth_.push_back(depth);
    known_.push_back(known);
    value_.push_back(value);
    return;
  }
  depth_.push_back(0);
  std::string name = prefix_ + "%" + std::to_string(id);
  z3::expr knownVar = ctx_.bool_const((name + ".known").c_str());
  z3::expr valueVar = n.type == ir::Type::Bool ? ctx_.bool_const(name.c_str()) : ctx_.real_const(name.c_str());
  domain_.push_back(knownVar == known);
  domain_.push_back(valueVar == value);
  known_.push_back(knownVar);
  value_.push_back(valueVar);
}

z3::expr Encoding::differs(ir::NodeId id, const Encoding& other, ir::NodeId otherId) const {
  const z3::expr& ka = known_[id];
  const z3::expr& kb = other.known_[otherId];
  return ka != kb || (ka && value_[id] != other.value_[otherId]);
}

z3::expr Encoding::missing(ir::NodeId id, uint32_t input) {
  auto key = [input](ir::NodeId n) { return (static_cast<uint64_t>(n) << 32) | input; };
  if (auto it = missing_.find(key(id)); it != missing_.end()) return it->second;
  // Operands have smaller ids: fill the table in node order, without
  // recursion (definition chains can be arbitrarily deep).
  for (ir::NodeId n = 0; n <= id; ++n) {
    if (missing_.count(key(n))) continue;
    const ir::Node& node = program_.nodes[n];
    z3::expr out = ctx_.bool_val(false);
    switch (node.op) {
      case ir::Op::Input: out = ctx_.bool_val(node.input == input) && !known_[n]; break;
      case ir::Op::Const:
      case ir::Op::IsKnown: break;
      default: {
        // The union over the unknown operands (a known operand's set is
        // empty). A division by a known zero has both operands known, so
        // it misses nothing.
        z3::expr any = ctx_.bool_val(false);
        for (ir::NodeId a : node.args) any = any || missing_.at(key(a));
        out = !known_[n] && any;
        break;
      }
    }
    missing_.emplace(key(n), out);
  }
  return missing_.at(key(id));
}

}  // namespace pathway::verify
