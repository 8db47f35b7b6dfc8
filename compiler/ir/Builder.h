// Builds IR nodes with constant folding, Kleene simplification and sharing
// of common subexpressions (hash-consing): asking twice for the same node
// returns the same id.
#ifndef PATHWAY_IR_BUILDER_H
#define PATHWAY_IR_BUILDER_H

#include <unordered_map>

#include "ir/IR.h"

namespace pathway::ir {

class Builder {
 public:
  explicit Builder(Program& program);

  NodeId input(uint32_t index);
  NodeId boolean(bool value);
  NodeId number(double value);
  NodeId unknown(Type type);
  NodeId logicNot(NodeId a);
  NodeId logicAnd(NodeId a, NodeId b);
  NodeId logicOr(NodeId a, NodeId b);
  NodeId compare(Op op, NodeId a, NodeId b);     // Lt..Ne
  NodeId arith(Op op, NodeId a, NodeId b);       // Add..Div
  NodeId negate(NodeId a);
  NodeId inSet(NodeId a, std::vector<uint32_t> labels);
  NodeId isKnown(NodeId a);

  const Node& node(NodeId id) const { return program_.nodes[id]; }

 private:
  struct NodeHash {
    size_t operator()(const Node& node) const;
  };
  NodeId intern(Node node);
  bool isConst(NodeId id) const;

  Program& program_;
  std::unordered_map<Node, NodeId, NodeHash> index_;
};

}  // namespace pathway::ir

#endif  // PATHWAY_IR_BUILDER_H
