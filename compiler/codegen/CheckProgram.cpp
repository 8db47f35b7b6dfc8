#include "codegen/CheckProgram.h"

#include <fmt/format.h>

namespace pathway::codegen {
namespace {

using ir::Node;
using ir::NodeId;
using ir::Op;
using ir::Type;

struct Signature {
  size_t arity;
  Type operand;  // type every operand must have
  Type result;
};

Signature signatureOf(const Node& node) {
  switch (node.op) {
    case Op::Input:
    case Op::Const: return {0, node.type, node.type};
    case Op::Not: return {1, Type::Bool, Type::Bool};
    case Op::And:
    case Op::Or: return {2, Type::Bool, Type::Bool};
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Eq:
    case Op::Ne: return {2, Type::Number, Type::Bool};
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: return {2, Type::Number, Type::Number};
    case Op::Neg: return {1, Type::Number, Type::Number};
    case Op::InSet: return {1, Type::Number, Type::Bool};
    case Op::IsKnown: return {1, Type::Bool, Type::Bool};  // operand type unchecked
  }
  return {0, node.type, node.type};
}

std::string checkNode(const ir::Program& program, NodeId id) {
  const Node& node = program.nodes[id];
  const Signature sig = signatureOf(node);
  if (node.args.size() != sig.arity) {
    return fmt::format("node {} ({}) has {} operands, expected {}", id, ir::opName(node.op),
                       node.args.size(), sig.arity);
  }
  if (node.type != sig.result) {
    return fmt::format("node {} ({}) has the wrong result type", id, ir::opName(node.op));
  }
  for (NodeId arg : node.args) {
    if (arg >= id) {
      return fmt::format("node {} ({}) uses node {}, which does not precede it", id,
                         ir::opName(node.op), arg);
    }
    // `known(x)` accepts an operand of either type; `==` and `!=` compare
    // two numbers or two bools.
    const bool boolEquality = (node.op == Op::Eq || node.op == Op::Ne) &&
                              program.nodes[node.args[0]].type == Type::Bool &&
                              program.nodes[node.args[1]].type == Type::Bool;
    if (node.op != Op::IsKnown && !boolEquality && program.nodes[arg].type != sig.operand) {
      return fmt::format("node {} ({}) has an operand of the wrong type", id,
                         ir::opName(node.op));
    }
  }
  if (node.op == Op::Input) {
    if (node.input >= program.inputs.size()) {
      return fmt::format("node {} reads input {}, but there are {} inputs", id, node.input,
                         program.inputs.size());
    }
    const bool isBool = program.inputs[node.input].kind == ir::InputKind::Bool;
    if (isBool != (node.type == Type::Bool)) {
      return fmt::format("node {} has a type that does not match input '{}'", id,
                         program.inputs[node.input].name);
    }
  }
  return {};
}

}  // namespace

bool checkProgram(const ir::Program& program, std::string& error) {
  for (NodeId id = 0; id < program.nodes.size(); ++id) {
    error = checkNode(program, id);
    if (!error.empty()) return false;
  }
  const std::vector<NodeId> slots = program.slotNodes();
  for (size_t slot = 0; slot < slots.size(); ++slot) {
    if (slots[slot] >= program.nodes.size()) {
      error = fmt::format("slot {} refers to node {}, but there are {} nodes", slot,
                          slots[slot], program.nodes.size());
      return false;
    }
  }
  for (size_t rec = 0; rec < program.recommendations.size(); ++rec) {
    const ir::Recommendation& recommendation = program.recommendations[rec];
    if (program.nodes[recommendation.status].type != Type::Bool ||
        program.nodes[recommendation.condition].type != Type::Bool) {
      error = fmt::format("recommendation '{}' has a non-bool condition or status",
                          recommendation.name);
      return false;
    }
    for (uint32_t other : recommendation.supersedes) {
      if (other >= program.recommendations.size()) {
        error = fmt::format("recommendation '{}' supersedes recommendation {}, out of range",
                            recommendation.name, other);
        return false;
      }
    }
  }
  for (const ir::Finding& finding : program.findings) {
    if (program.nodes[finding.node].type != Type::Bool) {
      error = fmt::format("finding '{}' is not bool", finding.name);
      return false;
    }
  }
  for (const ir::Definition& def : program.definitions) {
    if (program.nodes[def.node].type != def.type) {
      error = fmt::format("definition '{}' has the wrong type", def.name);
      return false;
    }
  }
  return true;
}

}  // namespace pathway::codegen
