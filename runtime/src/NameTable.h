// Exact name -> index lookups without allocating, for the hot paths (one per
// key of an input JSON document): open addressing over a power-of-two table
// kept at most half full.
#ifndef PATHWAY_RUNTIME_NAMETABLE_H
#define PATHWAY_RUNTIME_NAMETABLE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathway::runtime {

class NameTable {
 public:
  // For a repeated name, the first index.
  explicit NameTable(const std::vector<std::string>& names = {});

  std::optional<uint32_t> find(std::string_view name) const;

 private:
  static uint64_t hash(std::string_view name);

  std::vector<std::string> names_;
  std::vector<uint32_t> slots_;  // an index into names_ plus one; 0 is empty
  size_t mask_ = 0;
};

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_NAMETABLE_H
