#include "ir/Builder.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <functional>
#include <optional>

namespace pathway::ir {

namespace {

size_t mix(size_t seed, size_t value) { return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)); }

}  // namespace

size_t Builder::NodeHash::operator()(const Node& node) const {
  size_t h = mix(static_cast<size_t>(node.op), static_cast<size_t>(node.type));
  for (NodeId a : node.args) h = mix(h, a);
  uint64_t bits = 0;
  std::memcpy(&bits, &node.value, sizeof bits);
  h = mix(h, bits);
  h = mix(h, node.known);
  h = mix(h, node.input);
  for (uint32_t l : node.labels) h = mix(h, l);
  return h;
}

Builder::Builder(Program& program) : program_(program) {
  for (NodeId id = 0; id < program_.nodes.size(); ++id) index_.emplace(program_.nodes[id], id);
}

NodeId Builder::intern(Node node) {
  // -0.0 and 0.0 compare equal but hash differently; NaN never arises
  // (division by zero is unknown, inputs are finite).
  if (node.value == 0) node.value = 0;
  if (auto it = index_.find(node); it != index_.end()) return it->second;
  auto id = static_cast<NodeId>(program_.nodes.size());
  program_.nodes.push_back(node);
  index_.emplace(std::move(node), id);
  return id;
}

bool Builder::isConst(NodeId id) const { return program_.nodes[id].op == Op::Const; }

NodeId Builder::input(uint32_t index) {
  InputKind kind = program_.inputs.at(index).kind;
  Node n;
  n.op = Op::Input;
  n.type = kind == InputKind::Bool ? Type::Bool : Type::Number;
  n.input = index;
  return intern(n);
}

NodeId Builder::boolean(bool value) {
  Node n;
  n.op = Op::Const;
  n.type = Type::Bool;
  n.value = value ? 1 : 0;
  return intern(n);
}

NodeId Builder::number(double value) {
  Node n;
  n.op = Op::Const;
  n.type = Type::Number;
  n.value = value;
  return intern(n);
}

NodeId Builder::unknown(Type type) {
  Node n;
  n.op = Op::Const;
  n.type = type;
  n.known = false;
  return intern(n);
}

NodeId Builder::logicNot(NodeId a) {
  const Node& x = node(a);
  if (x.op == Op::Const) return x.known ? boolean(x.value == 0) : unknown(Type::Bool);
  if (x.op == Op::Not) return x.args[0];  // not not x == x, also for unknown
  Node n;
  n.op = Op::Not;
  n.type = Type::Bool;
  n.args = {a};
  return intern(n);
}

NodeId Builder::logicAnd(NodeId a, NodeId b) {
  // Kleene: false decides; true is the identity. Unknown constants stay,
  // because and(unknown, false) is false, not unknown.
  for (NodeId x : {a, b}) {
    if (isConst(x) && node(x).known && node(x).value == 0) return boolean(false);
  }
  if (isConst(a) && node(a).known) return b;
  if (isConst(b) && node(b).known) return a;
  if (a == b) return a;
  Node n;
  n.op = Op::And;
  n.type = Type::Bool;
  n.args = {std::min(a, b), std::max(a, b)};  // commutative: one canonical order
  return intern(n);
}

NodeId Builder::logicOr(NodeId a, NodeId b) {
  for (NodeId x : {a, b}) {
    if (isConst(x) && node(x).known && node(x).value != 0) return boolean(true);
  }
  if (isConst(a) && node(a).known) return b;
  if (isConst(b) && node(b).known) return a;
  if (a == b) return a;
  Node n;
  n.op = Op::Or;
  n.type = Type::Bool;
  n.args = {std::min(a, b), std::max(a, b)};
  return intern(n);
}

NodeId Builder::compare(Op op, NodeId a, NodeId b) {
  if (isConst(a) && isConst(b)) {
    const Node& x = node(a);
    const Node& y = node(b);
    if (!x.known || !y.known) return unknown(Type::Bool);
    switch (op) {
      case Op::Lt: return boolean(x.value < y.value);
      case Op::Le: return boolean(x.value <= y.value);
      case Op::Gt: return boolean(x.value > y.value);
      case Op::Ge: return boolean(x.value >= y.value);
      case Op::Eq: return boolean(x.value == y.value);
      case Op::Ne: return boolean(x.value != y.value);
      default: break;
    }
  }
  // A comparison with a constant unknown is unknown whatever the other side.
  if ((isConst(a) && !node(a).known) || (isConst(b) && !node(b).known)) return unknown(Type::Bool);
  Node n;
  n.op = op;
  n.type = Type::Bool;
  n.args = {a, b};
  return intern(n);
}

NodeId Builder::arith(Op op, NodeId a, NodeId b) {
  if ((isConst(a) && !node(a).known) || (isConst(b) && !node(b).known)) return unknown(Type::Number);
  if (op == Op::Div && isConst(b) && node(b).value == 0) return unknown(Type::Number);
  if (isConst(a) && isConst(b)) {
    double x = node(a).value;
    double y = node(b).value;
    std::optional<double> r;
    switch (op) {
      case Op::Add: r = x + y; break;
      case Op::Sub: r = x - y; break;
      case Op::Mul: r = x * y; break;
      case Op::Div: r = x / y; break;
      default: break;
    }
    // A result that is not finite is unknown, as at run time.
    if (r) return std::isfinite(*r) ? number(*r) : unknown(Type::Number);
  }
  // Scaling by exactly 1 (a unit conversion between equal units) is a no-op.
  if ((op == Op::Mul || op == Op::Div) && isConst(b) && node(b).value == 1) return a;
  if (op == Op::Mul && isConst(a) && node(a).value == 1) return b;
  Node n;
  n.op = op;
  n.type = Type::Number;
  n.args = (op == Op::Add || op == Op::Mul) ? std::vector<NodeId>{std::min(a, b), std::max(a, b)}
                                            : std::vector<NodeId>{a, b};
  return intern(n);
}

NodeId Builder::negate(NodeId a) {
  if (isConst(a)) return node(a).known ? number(-node(a).value) : unknown(Type::Number);
  Node n;
  n.op = Op::Neg;
  n.type = Type::Number;
  n.args = {a};
  return intern(n);
}

NodeId Builder::inSet(NodeId a, std::vector<uint32_t> labels) {
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  if (isConst(a)) {
    if (!node(a).known) return unknown(Type::Bool);
    auto v = static_cast<uint32_t>(node(a).value);
    return boolean(std::binary_search(labels.begin(), labels.end(), v));
  }
  Node n;
  n.op = Op::InSet;
  n.type = Type::Bool;
  n.args = {a};
  n.labels = std::move(labels);
  return intern(n);
}

NodeId Builder::isKnown(NodeId a) {
  if (isConst(a)) return boolean(node(a).known);
  Node n;
  n.op = Op::IsKnown;
  n.type = Type::Bool;
  n.args = {a};
  return intern(n);
}

}  // namespace pathway::ir
