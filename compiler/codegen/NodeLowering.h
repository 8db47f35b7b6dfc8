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

// Node values computed by one evaluation function and read by later ones
// (large pathways are split into several functions): per exported node a
// double (a bool as 0 or 1), a known byte and the mask words.
struct Scratch {
  llvm::Value* values = nullptr;
  llvm::Value* known = nullptr;
  llvm::Value* masks = nullptr;
  const std::vector<uint32_t>* index = nullptr;  // per node: its scratch index
};

// What one function does with each node.
enum class NodeRole : char { Skip, Compute, Import };

class NodeLowering {
 public:
  // `values` and `known` are the evaluation function's input arrays.
  NodeLowering(const ir::Program& program, Builder& builder,
               llvm::Value* values, llvm::Value* known);

  // Lowers the value and known planes of every node, or, with `roles`, of
  // the nodes to compute (whose operands are computed or imported) and loads
  // those to import from `scratch`, in (topological) order.
  void lowerAll(const std::vector<NodeRole>* roles = nullptr, const Scratch* scratch = nullptr);
  // Lowers the same nodes' missing-input masks (imported ones loaded) at the
  // builder's insertion point, which lowerAll()'s planes must dominate.
  void lowerMasks();
  // Stores node `id`'s planes (storeMask: its mask) into the scratch.
  void exportPlanes(ir::NodeId id);
  void exportMask(ir::NodeId id);

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
  const std::vector<NodeRole>* roles_ = nullptr;
  const Scratch* scratch_ = nullptr;
  NodeRole role(size_t id) const { return roles_ ? (*roles_)[id] : NodeRole::Compute; }
  llvm::Value* scratchAt(llvm::Value* base, llvm::Type* element, uint64_t index);
};

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_NODELOWERING_H
