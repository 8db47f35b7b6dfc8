// Removes nodes no output depends on (left behind by folding) and renumbers
// the rest, keeping topological order.
#ifndef PATHWAY_IR_PRUNE_H
#define PATHWAY_IR_PRUNE_H

#include "ir/IR.h"

namespace pathway::ir {

void prune(Program& program);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_PRUNE_H
