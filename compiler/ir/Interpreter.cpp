#include "ir/Interpreter.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace pathway::ir {
namespace {

using Value = NodeValue;

Value knownValue(double v) { return Value{true, v, {}}; }

// Unknown, missing the union of the unknown operands' missing inputs.
Value unknownOf(std::initializer_list<const Value*> operands) {
  Value out{false, 0, {}};
  for (const Value* v : operands) {
    if (!v->known) out.missing.insert(v->missing.begin(), v->missing.end());
  }
  return out;
}

Value evaluate(const Node& n, const std::vector<Value>& values, const double* inputs, const uint8_t* known) {
  auto arg = [&](size_t i) -> const Value& { return values[n.args[i]]; };
  switch (n.op) {
    case Op::Input:
      if (known[n.input]) return knownValue(inputs[n.input]);
      return Value{false, 0, {n.input}};
    case Op::Const:
      return n.known ? knownValue(n.value) : Value{false, 0, {}};
    case Op::Not:
      return arg(0).known ? knownValue(arg(0).value == 0) : unknownOf({&arg(0)});
    case Op::And: {
      const Value& a = arg(0);
      const Value& b = arg(1);
      if ((a.known && a.value == 0) || (b.known && b.value == 0)) return knownValue(0);
      if (a.known && b.known) return knownValue(1);
      return unknownOf({&a, &b});
    }
    case Op::Or: {
      const Value& a = arg(0);
      const Value& b = arg(1);
      if ((a.known && a.value != 0) || (b.known && b.value != 0)) return knownValue(1);
      if (a.known && b.known) return knownValue(0);
      return unknownOf({&a, &b});
    }
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Eq:
    case Op::Ne: {
      const Value& a = arg(0);
      const Value& b = arg(1);
      if (!a.known || !b.known) return unknownOf({&a, &b});
      bool r = n.op == Op::Lt ? a.value < b.value
             : n.op == Op::Le ? a.value <= b.value
             : n.op == Op::Gt ? a.value > b.value
             : n.op == Op::Ge ? a.value >= b.value
             : n.op == Op::Eq ? a.value == b.value
                              : a.value != b.value;
      return knownValue(r);
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: {
      const Value& a = arg(0);
      const Value& b = arg(1);
      if (!a.known || !b.known) return unknownOf({&a, &b});
      if (n.op == Op::Div && b.value == 0) return Value{false, 0, {}};  // no input can fix it
      double r = n.op == Op::Add ? a.value + b.value
               : n.op == Op::Sub ? a.value - b.value
               : n.op == Op::Mul ? a.value * b.value
                                 : a.value / b.value;
      // Overflow (or 0 * inf-like results) is unknown, like division by
      // zero: known inputs, so nothing is missing.
      if (!std::isfinite(r)) return Value{false, 0, {}};
      return knownValue(r);
    }
    case Op::Neg:
      return arg(0).known ? knownValue(-arg(0).value) : unknownOf({&arg(0)});
    case Op::InSet: {
      const Value& a = arg(0);
      if (!a.known) return unknownOf({&a});
      bool member = std::find(n.labels.begin(), n.labels.end(), static_cast<uint32_t>(a.value)) != n.labels.end();
      return knownValue(member);
    }
    case Op::IsKnown:
      return knownValue(arg(0).known);
  }
  return Value{false, 0, {}};
}

}  // namespace

std::vector<NodeValue> interpretNodes(const Program& program, const double* values, const uint8_t* known) {
  std::vector<Value> nodes;
  nodes.reserve(program.nodes.size());
  for (const Node& n : program.nodes) nodes.push_back(evaluate(n, nodes, values, known));
  return nodes;
}

void interpret(const Program& program, const double* values, const uint8_t* known, uint8_t* state,
               double* numbers, uint64_t* missing) {
  std::vector<Value> nodes = interpretNodes(program, values, known);

  std::vector<NodeId> slots = program.slotNodes();
  for (size_t s = 0; s < slots.size(); ++s) {
    const Node& n = program.nodes[slots[s]];
    const Value& v = nodes[slots[s]];
    state[s] = !v.known ? 2 : (n.type == Type::Bool ? (v.value != 0 ? 1 : 0) : 1);
    numbers[s] = n.type == Type::Number && v.known ? v.value : 0;
  }
  uint32_t words = program.maskWords();
  for (size_t r = 0; r < program.recommendations.size(); ++r) {
    uint64_t* mask = missing + r * words;
    std::fill(mask, mask + words, 0);
    for (uint32_t i : nodes[program.recommendations[r].status].missing) mask[i / 64] |= uint64_t{1} << (i % 64);
  }
}

}  // namespace pathway::ir
