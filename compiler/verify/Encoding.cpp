#include "verify/Encoding.h"

#include <cmath>
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
    : ctx_(ctx), program_(program), domain_(ctx.bool_val(true)) {
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
    if (in.kind == ir::InputKind::Int || in.kind == ir::InputKind::Enum) domain_ = domain_ && z3::is_int(v);
    if (in.kind == ir::InputKind::Enum) {
      domain_ = domain_ && v >= 0 && v <= ctx.real_val(static_cast<int64_t>(in.labels.size()) - 1);
    }
    if (in.min) domain_ = domain_ && v >= exactReal(ctx, *in.min);
    if (in.max) domain_ = domain_ && v <= exactReal(ctx, *in.max);
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
  known_.push_back(known.simplify());
  value_.push_back(value.simplify());
}

z3::expr Encoding::differs(ir::NodeId id, const Encoding& other, ir::NodeId otherId) const {
  const z3::expr& ka = known_[id];
  const z3::expr& kb = other.known_[otherId];
  return ka != kb || (ka && value_[id] != other.value_[otherId]);
}

z3::expr Encoding::missing(ir::NodeId id, uint32_t input) {
  uint64_t key = (static_cast<uint64_t>(id) << 32) | input;
  if (auto it = missing_.find(key); it != missing_.end()) return it->second;
  const ir::Node& n = program_.nodes[id];
  z3::expr out = ctx_.bool_val(false);
  switch (n.op) {
    case ir::Op::Input: out = ctx_.bool_val(n.input == input) && !known_[id]; break;
    case ir::Op::Const:
    case ir::Op::IsKnown: break;
    case ir::Op::Div:
      // Both operands known and the divisor zero: unknown, missing nothing.
      out = !known_[id] && (missing(n.args[0], input) || missing(n.args[1], input));
      break;
    default: {
      // The union over the unknown operands (an operand's missing set is
      // empty when it is known).
      z3::expr any = ctx_.bool_val(false);
      for (ir::NodeId a : n.args) any = any || missing(a, input);
      out = !known_[id] && any;
      break;
    }
  }
  out = out.simplify();
  missing_.emplace(key, out);
  return out;
}

}  // namespace pathway::verify
