// The textual form of the IR: what `pathwayc dump-ir` prints, what golden
// tests compare, and what the content hash is computed over.
#ifndef PATHWAY_IR_DUMP_H
#define PATHWAY_IR_DUMP_H

#include <string>

#include "ir/IR.h"

namespace pathway::ir {

std::string dump(const Program& program);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_DUMP_H
