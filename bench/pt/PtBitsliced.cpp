#include "pt/PtBitsliced.h"

#include <immintrin.h>

#include "pt/PtLogic.h"

namespace pathway::bench::pt {
namespace {

enum class Cmp { Lt, Gt, Ge, Eq, Ne };

// Bit p: x[p] <cmp> c, for p < 64.
template <Cmp kCmp>
inline uint64_t compare(const double* x, double c) {
  uint64_t bits = 0;
#ifdef __AVX__
  constexpr int kPredicate = kCmp == Cmp::Lt   ? _CMP_LT_OQ
                             : kCmp == Cmp::Gt ? _CMP_GT_OQ
                             : kCmp == Cmp::Ge ? _CMP_GE_OQ
                             : kCmp == Cmp::Eq ? _CMP_EQ_OQ
                                               : _CMP_NEQ_UQ;
  const __m256d cv = _mm256_set1_pd(c);
  for (int i = 0; i < 64; i += 4) {
    const __m256d r = _mm256_cmp_pd(_mm256_loadu_pd(x + i), cv, kPredicate);
    bits |= uint64_t(unsigned(_mm256_movemask_pd(r))) << i;
  }
#else
  const __m128d cv = _mm_set1_pd(c);
  for (int i = 0; i < 64; i += 2) {
    const __m128d v = _mm_loadu_pd(x + i);
    __m128d r;
    if constexpr (kCmp == Cmp::Lt) r = _mm_cmplt_pd(v, cv);
    else if constexpr (kCmp == Cmp::Gt) r = _mm_cmpgt_pd(v, cv);
    else if constexpr (kCmp == Cmp::Ge) r = _mm_cmpge_pd(v, cv);
    else if constexpr (kCmp == Cmp::Eq) r = _mm_cmpeq_pd(v, cv);
    else r = _mm_cmpneq_pd(v, cv);
    bits |= uint64_t(unsigned(_mm_movemask_pd(r))) << i;
  }
#endif
  return bits;
}

// Bit p: x[p] > y[p], for p < 64.
inline uint64_t greater(const double* x, const double* y) {
  uint64_t bits = 0;
  for (int p = 0; p < 64; ++p) bits |= uint64_t(x[p] > y[p]) << p;
  return bits;
}

namespace sliced {

struct Bool {
  uint64_t v, k;  // v is 0 where unknown
};
struct Number {
  const double* lanes;  // 64 lanes; unknown lanes hold anything
  uint64_t k;
};

inline Bool operator~(const Bool& a) { return {a.k & ~a.v, a.k}; }
inline Bool operator&(const Bool& a, const Bool& b) {
  return {a.v & b.v, (a.k & ~a.v) | (b.k & ~b.v) | (a.k & b.k)};
}
inline Bool operator|(const Bool& a, const Bool& b) {
  const uint64_t v = a.v | b.v;
  return {v, v | (a.k & b.k)};
}

class Domain {
 public:
  using Bool = sliced::Bool;
  using Number = sliced::Number;

  Domain(uint64_t block, uint64_t words, uint64_t live, const double* values,
         const uint64_t* known, uint64_t* truth, uint64_t* unknown, double* numbers)
      : block_(block), words_(words), live_(live), values_(values), known_(known),
        truth_(truth), unknown_(unknown), numbers_(numbers) {}

  Number number(uint32_t i) const {
    return {values_ + i * words_ * 64 + block_ * 64, known_[i * words_ + block_]};
  }
  Bool boolean(uint32_t i) const {
    const Number n = number(i);
    return {n.k & compare<Cmp::Ne>(n.lanes, 0), n.k};
  }
  Number sub(const Number& a, const Number& b) {
    double* out = lanes();
    for (int p = 0; p < 64; ++p) out[p] = a.lanes[p] - b.lanes[p];
    return {out, a.k & b.k};
  }
  Number add(const Number& a, double c) {
    double* out = lanes();
    for (int p = 0; p < 64; ++p) out[p] = a.lanes[p] + c;
    return {out, a.k};
  }
  Number mul(const Number& a, double c) {
    double* out = lanes();
    for (int p = 0; p < 64; ++p) out[p] = a.lanes[p] * c;
    return {out, a.k};
  }
  Bool gt(const Number& a, const Number& b) const {
    const uint64_t k = a.k & b.k;
    return {k & greater(a.lanes, b.lanes), k};
  }
  Bool lt(const Number& a, double c) const { return {a.k & compare<Cmp::Lt>(a.lanes, c), a.k}; }
  Bool gt(const Number& a, double c) const { return {a.k & compare<Cmp::Gt>(a.lanes, c), a.k}; }
  Bool ge(const Number& a, double c) const { return {a.k & compare<Cmp::Ge>(a.lanes, c), a.k}; }
  Bool eq(const Number& a, double c) const { return {a.k & compare<Cmp::Eq>(a.lanes, c), a.k}; }
  Bool ne(const Number& a, double c) const { return {a.k & compare<Cmp::Ne>(a.lanes, c), a.k}; }
  Bool in(const Number& a, double c1, double c2) const {
    return {a.k & (compare<Cmp::Eq>(a.lanes, c1) | compare<Cmp::Eq>(a.lanes, c2)), a.k};
  }
  template <typename T>
  Bool known(const T& a) const {
    return {a.k, ~uint64_t{0}};
  }

  void finding(uint32_t f, const Bool& b) { store(findingSlot(f), b); }
  void definition(uint32_t d, const Bool& b) { store(definitionSlot(d), b); }
  void definition(uint32_t d, const Number& n) {
    store(definitionSlot(d), {n.k, n.k});
    // The only number definition: column 0.
    double* out = numbers_ + block_ * 64;
    for (int p = 0; p < 64; ++p) out[p] = (n.k >> p & 1) ? n.lanes[p] : 0.0;
  }
  void recommendation(uint32_t r, const Bool& condition, const Bool& status) {
    store(statusSlot(r), status);
    store(conditionSlot(r), condition);
  }

 private:
  void store(uint32_t slot, const Bool& b) {
    truth_[slot * words_ + block_] = b.v & live_;
    unknown_[slot * words_ + block_] = ~b.k & live_;
  }

  uint64_t block_, words_, live_;
  const double* values_;
  const uint64_t* known_;
  uint64_t* truth_;
  uint64_t* unknown_;
  double* numbers_;
  // One block of lanes per arithmetic result of PtLogic (four: the pain
  // difference and the two ESR limits' steps).
  double* lanes() {
    if (used_ == kScratchBlocks) __builtin_trap();  // PtLogic grew: raise kScratchBlocks
    return scratch_[used_++];
  }
  static constexpr int kScratchBlocks = 4;
  alignas(64) double scratch_[kScratchBlocks][64];
  int used_ = 0;
};

}  // namespace sliced
}  // namespace

void evaluateBitsliced(uint64_t count, const double* values, const uint64_t* known,
                       uint64_t* truth, uint64_t* unknown, double* numbers, uint64_t*) {
  const uint64_t words = (count + 63) / 64;
  for (uint64_t block = 0; block < words; ++block) {
    const uint64_t remaining = count - block * 64;
    const uint64_t live = remaining >= 64 ? ~uint64_t{0} : (uint64_t{1} << remaining) - 1;
    sliced::Domain domain(block, words, live, values, known, truth, unknown, numbers);
    evaluatePt(domain);
  }
}

}  // namespace pathway::bench::pt
