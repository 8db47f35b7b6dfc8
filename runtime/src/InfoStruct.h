// Filling caller-provided, size-versioned info structs (pw_*_info).
#ifndef PATHWAY_RUNTIME_INFOSTRUCT_H
#define PATHWAY_RUNTIME_INFOSTRUCT_H

#include <algorithm>
#include <cstring>

#include "Error.h"

namespace pathway::runtime {

// Copies the part of `full` that fits in the caller's `out->struct_size`;
// an older caller's smaller struct gets its prefix, a newer caller's larger
// one keeps its tail untouched.
template <typename Info>
void fillInfo(Info* out, Info full) {
  requireNonNull(out, "info");
  const uint32_t size = out->struct_size;
  if (size < sizeof(uint32_t)) {
    throw Error(PW_ERR_ARGUMENT, "info struct_size is not set (use the pw_*_info_init helpers)");
  }
  full.struct_size = size;
  std::memcpy(static_cast<void*>(out), &full, std::min<size_t>(size, sizeof(Info)));
}

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_INFOSTRUCT_H
