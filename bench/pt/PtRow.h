// The per-patient hand-written baseline: PtLogic over one patient in the row
// layout of pathway/abi.h. Every value is a (value, known, mask) triple of
// plain integers combined without branches; the mask is the set of missing
// inputs (48 inputs: one word). The masks are dead code, removed by the C++
// compiler, when the caller does not ask for them.
#ifndef PATHWAY_BENCH_PT_PTROW_H
#define PATHWAY_BENCH_PT_PTROW_H

#include <cstdint>
#include <cstring>

#include "pt/PtLogic.h"

namespace pathway::bench::pt {

namespace row {

// Branch free: v is 0 when unknown; m is 0 when known.
struct Bool {
  uint32_t v, k;
  uint64_t m;
};
struct Number {
  double v;  // 0 when unknown
  uint32_t k;
  uint64_t m;
};

// All ones when k is 0, else 0.
inline uint64_t ifUnknown(uint32_t k) { return uint64_t{k} - 1; }

inline Bool operator~(const Bool& a) { return {a.k & (a.v ^ 1u), a.k, a.m}; }
inline Bool operator&(const Bool& a, const Bool& b) {
  const uint32_t k = (a.k & (a.v ^ 1u)) | (b.k & (b.v ^ 1u)) | (a.k & b.k);
  return {a.v & b.v, k, (a.m | b.m) & ifUnknown(k)};
}
inline Bool operator|(const Bool& a, const Bool& b) {
  const uint32_t v = a.v | b.v;
  const uint32_t k = v | (a.k & b.k);
  return {v, k, (a.m | b.m) & ifUnknown(k)};
}

class Domain {
 public:
  using Bool = row::Bool;
  using Number = row::Number;

  Domain(const double* values, const uint8_t* known, uint8_t* state, double* numbers)
      : values_(values), known_(known), state_(state), numbers_(numbers) {
    // Bool slots have number 0: one block store instead of one per slot.
    std::memset(numbers, 0, sizeof(double) * kSlotCount);
  }

  Number number(uint32_t i) const {
    const uint32_t k = known_[i] != 0;
    return {k ? values_[i] : 0.0, k, ifUnknown(k) & (uint64_t{1} << i)};
  }
  Bool boolean(uint32_t i) const {
    const uint32_t k = known_[i] != 0;
    return {k & (values_[i] != 0), k, ifUnknown(k) & (uint64_t{1} << i)};
  }
  Number sub(const Number& a, const Number& b) const {
    const uint32_t k = a.k & b.k;
    return {k ? a.v - b.v : 0.0, k, (a.m | b.m) & ifUnknown(k)};
  }
  Number add(const Number& a, double c) const { return {a.k ? a.v + c : 0.0, a.k, a.m}; }
  Number mul(const Number& a, double c) const { return {a.k ? a.v * c : 0.0, a.k, a.m}; }
  Bool gt(const Number& a, const Number& b) const {
    const uint32_t k = a.k & b.k;
    return {k & (a.v > b.v), k, (a.m | b.m) & ifUnknown(k)};
  }
  Bool lt(const Number& a, double c) const { return {a.k & (a.v < c), a.k, a.m}; }
  Bool gt(const Number& a, double c) const { return {a.k & (a.v > c), a.k, a.m}; }
  Bool ge(const Number& a, double c) const { return {a.k & (a.v >= c), a.k, a.m}; }
  Bool eq(const Number& a, double c) const { return {a.k & (a.v == c), a.k, a.m}; }
  Bool ne(const Number& a, double c) const { return {a.k & (a.v != c), a.k, a.m}; }
  Bool in(const Number& a, double c1, double c2) const {
    return {a.k & ((a.v == c1) | (a.v == c2)), a.k, a.m};
  }
  template <typename T>
  Bool known(const T& a) const {
    return {a.k, 1, 0};
  }

  void finding(uint32_t f, const Bool& b) { store(findingSlot(f), b); }
  void definition(uint32_t d, const Bool& b) { store(definitionSlot(d), b); }
  void definition(uint32_t d, const Number& n) {
    state_[definitionSlot(d)] = static_cast<uint8_t>(n.k | ((n.k ^ 1u) << 1));
    numbers_[definitionSlot(d)] = n.v;
  }
  void recommendation(uint32_t r, const Bool& condition, const Bool& status) {
    store(statusSlot(r), status);
    store(conditionSlot(r), condition);
    masks_[r] = status.m;
  }

  const uint64_t* masks() const { return masks_; }

 private:
  void store(uint32_t slot, const Bool& b) {
    state_[slot] = static_cast<uint8_t>(b.v | ((b.k ^ 1u) << 1));  // 2 when unknown
  }

  const double* values_;
  const uint8_t* known_;
  uint8_t* state_;
  double* numbers_;
  uint64_t masks_[kRecommendationCount];
};

}  // namespace row

// pw_eval_fn for the PT pathway; `missing` may be NULL (no masks computed).
void evaluateRow(const double* values, const uint8_t* known, uint8_t* state, double* numbers,
                 uint64_t* missing);

// The same over `count` row-major patients (pw_eval_batch_fn).
void evaluateRows(uint64_t count, const double* values, const uint8_t* known, uint8_t* state,
                  double* numbers, uint64_t* missing);

}  // namespace pathway::bench::pt

#endif  // PATHWAY_BENCH_PT_PTROW_H
