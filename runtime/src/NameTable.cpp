#include "NameTable.h"

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

// The length and the first and last eight bytes, mixed: names are short and
// differ mostly there (others only take a few more probes).
uint64_t NameTable::hash(std::string_view name) {
  constexpr uint64_t kMultiplier = 0x9E3779B97F4A7C15u;
  uint64_t head = 0, tail = 0;
  if (name.size() >= sizeof head) {
    std::memcpy(&head, name.data(), sizeof head);
    std::memcpy(&tail, name.data() + name.size() - sizeof tail, sizeof tail);
  } else {
    for (char c : name) head = head << 8 | static_cast<unsigned char>(c);
  }
  uint64_t h = (head ^ std::rotl(tail, 29) ^ name.size()) * kMultiplier;
  h ^= h >> 32;
  return h * kMultiplier;
}

}  // namespace pathway::runtime
