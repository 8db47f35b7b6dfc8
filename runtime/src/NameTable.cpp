#include "NameTable.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace pathway::runtime {

NameTable::NameTable(const std::vector<std::string>& names)
    : names_(names), slots_(std::bit_ceil(2 * names.size() + 1), 0), mask_(slots_.size() - 1) {
  for (uint32_t i = 0; i < names_.size(); ++i) {
    size_t slot = hash(names_[i]) & mask_;
    while (slots_[slot] != 0 && names_[slots_[slot] - 1] != names_[i]) slot = (slot + 1) & mask_;
    if (slots_[slot] == 0) slots_[slot] = i + 1;
  }
}

std::optional<uint32_t> NameTable::find(std::string_view name) const {
  for (size_t slot = hash(name) & mask_; slots_[slot] != 0; slot = (slot + 1) & mask_) {
    if (names_[slots_[slot] - 1] == name) return slots_[slot] - 1;
  }
  return std::nullopt;
}

// Eight bytes at a time, each word multiplied in (names are short).
uint64_t NameTable::hash(std::string_view name) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
  uint64_t h = name.size() * kMultiplier;
  while (!name.empty()) {
    uint64_t word = 0;
    const size_t n = std::min(name.size(), sizeof word);
    std::memcpy(&word, name.data(), n);
    h = (h ^ word) * kMultiplier;
    h ^= h >> 32;
    name.remove_prefix(n);
  }
  return h;
}

}  // namespace pathway::runtime
