#include "pt/PtRow.h"

#include <cstring>

namespace pathway::bench::pt {
namespace {

template <bool kMasks>
inline void evaluateOne(const double* values, const uint8_t* known, uint8_t* state,
                        double* numbers, uint64_t* missing) {
  row::Domain domain(values, known, state, numbers);
  evaluatePt(domain);
  if constexpr (kMasks) {
    std::memcpy(missing, domain.masks(), sizeof(uint64_t) * kRecommendationCount);
  }
}

}  // namespace

void evaluateRow(const double* values, const uint8_t* known, uint8_t* state, double* numbers,
                 uint64_t* missing) {
  if (missing != nullptr) {
    evaluateOne<true>(values, known, state, numbers, missing);
  } else {
    evaluateOne<false>(values, known, state, numbers, nullptr);
  }
}

void evaluateRows(uint64_t count, const double* values, const uint8_t* known, uint8_t* state,
                  double* numbers, uint64_t* missing) {
  for (uint64_t p = 0; p < count; ++p) {
    evaluateRow(values + p * kInputCount, known + p * kInputCount, state + p * kSlotCount,
                numbers + p * kSlotCount,
                missing == nullptr ? nullptr : missing + p * kRecommendationCount);
  }
}

}  // namespace pathway::bench::pt
