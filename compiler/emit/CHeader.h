// IR -> a C header with compile-time names for one pathway: input indices,
// enum label constants, recommendation, finding and definition slots.
#ifndef PATHWAY_EMIT_CHEADER_H
#define PATHWAY_EMIT_CHEADER_H

#include <string>

#include "ir/IR.h"

namespace pathway::emit {

std::string cHeader(const ir::Program& program);

}  // namespace pathway::emit

#endif  // PATHWAY_EMIT_CHEADER_H
