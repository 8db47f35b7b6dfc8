// The condition graph an explanation shows (explain/Explain.h), derived from
// the IR: every node reachable from a recommendation's condition through
// and/or/not, the first non-logic node on each path as a leaf. It is stored
// in a compiled library's metadata, and the library's trace entry point
// records the value of each of its nodes.
#ifndef PATHWAY_IR_EXPLAINGRAPH_H
#define PATHWAY_IR_EXPLAINGRAPH_H

#include <vector>

#include "explain/Explain.h"
#include "ir/IR.h"

namespace pathway::ir {

struct ExplainGraph {
  explain::Graph graph;
  std::vector<NodeId> irNodes;  // the IR node of each graph node
};

ExplainGraph explainGraph(const Program& program);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_EXPLAINGRAPH_H
