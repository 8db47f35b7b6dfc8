#include "ir/IR.h"

namespace pathway::ir {

const char* opName(Op op) {
  switch (op) {
#define PATHWAY_IR_OP_NAME(name, text) \
  case Op::name:                       \
    return text;
    PATHWAY_IR_OPS(PATHWAY_IR_OP_NAME)
#undef PATHWAY_IR_OP_NAME
  }
  return "?";
}

const char* inputKindName(InputKind kind) {
  switch (kind) {
    case InputKind::Bool: return "bool";
    case InputKind::Int: return "int";
    case InputKind::Number: return "number";
    case InputKind::Enum: return "enum";
    case InputKind::Quantity: return "quantity";
  }
  return "?";
}

std::vector<NodeId> Program::slotNodes() const {
  std::vector<NodeId> slots;
  slots.reserve(slotCount());
  for (const Recommendation& rec : recommendations) slots.push_back(rec.status);
  for (const Recommendation& rec : recommendations) slots.push_back(rec.condition);
  for (const Finding& finding : findings) slots.push_back(finding.node);
  for (const Definition& def : definitions) slots.push_back(def.node);
  return slots;
}

}  // namespace pathway::ir
