// Removes nodes no output depends on (left behind by folding) and renumbers
// the rest, keeping topological order.
#ifndef PATHWAY_IR_PRUNE_H
#define PATHWAY_IR_PRUNE_H

#include "ir/IR.h"

namespace pathway::ir {

// Properties' premises and claims count as outputs.
void prune(Program& program);

// Drops the properties and allows, then the nodes only they used: the
// program every back end sees, node for node the same as one lowered
// without them.
void stripProperties(Program& program);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_PRUNE_H
