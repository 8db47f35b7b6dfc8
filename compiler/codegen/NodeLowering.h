// Lowers IR nodes to LLVM values, straight-line and branch-free. Each node
// becomes a value plane (i1 for bool, double for number; 0 when unknown), a
// known plane (i1) and, in a second pass that the caller places where it
// wants it (behind a "missing requested" test), a missing-input mask (one i64
// per mask word).
#ifndef PATHWAY_CODEGEN_NODELOWERING_H
#define PATHWAY_CODEGEN_NODELOWERING_H

#include <vector>

#include "codegen/Builder.h"

#include "ir/IR.h"

namespace pathway::codegen {

struct Plane {
  llvm::Value* value = nullptr;
  llvm::Value* known = nullptr;
  std::vector<llvm::Value*> mask;
};

class NodeLowering {
 public:
  // `values` and `known` are the evaluation function's input arrays.
  NodeLowering(const ir::Program& program, Builder& builder,
               llvm::Value* values, llvm::Value* known);

  // Lowers the value and known planes of every node, or only of the nodes
  // marked in `needed` (which must contain the operands of what it marks),
  // in (topological) order.
  void lowerAll(const std::vector<char>* needed = nullptr);
  // Lowers the same nodes' missing-input masks at the builder's insertion
  // point, which lowerAll()'s planes must dominate.
  void lowerMasks();

  const Plane& plane(ir::NodeId id) const { return planes_.at(id); }

 private:
  Plane lower(const ir::Node& node);
  Plane input(const ir::Node& node);
  Plane constant(const ir::Node& node);
  Plane logicNot(const ir::Node& node);
  Plane logicAnd(const ir::Node& node);
  Plane logicOr(const ir::Node& node);
  Plane compare(const ir::Node& node);
  Plane arith(const ir::Node& node);
  Plane negate(const ir::Node& node);
  Plane inSet(const ir::Node& node);
  Plane isKnown(const ir::Node& node);
  // Empty when the node is known; an unknown input's own bit; else the union
  // of the operands' masks.
  std::vector<llvm::Value*> mask(const ir::Node& node, const Plane& plane);

  const Plane& operand(const ir::Node& node, size_t index) const;
  // The canonical value: `value` when `known`, else zero of its type.
  llvm::Value* canonical(llvm::Value* known, llvm::Value* value);
  // Empty when `known`, else the union of the operands' masks.
  std::vector<llvm::Value*> unionMask(llvm::Value* known, const ir::Node& node);
  std::vector<llvm::Value*> zeroMask();

  const ir::Program& program_;
  Builder& b_;
  llvm::Value* values_;
  llvm::Value* known_;
  std::vector<Plane> planes_;
  const std::vector<char>* needed_ = nullptr;
};

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_NODELOWERING_H
