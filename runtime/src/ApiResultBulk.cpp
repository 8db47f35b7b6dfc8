// The C API's bulk result accessors: every status, every missing-input set
// and every superseded-by set of one result in one call each.
#include <algorithm>
#include <string>

#include "Error.h"
#include "Result.h"

using namespace pathway::runtime;

namespace {

// The size-query convention of pathway.h for an array of `total` entries:
// false when only the size was asked for.
template <typename T, typename Size>
bool sizeFits(const T* out, Size capacity, Size* count, Size total) {
  requireNonNull(count, "count");
  if (out == nullptr && capacity == 0) {
    *count = total;
    return false;
  }
  requireNonNull(out, "the output array");
  if (capacity < total) {
    *count = total;
    throw Error(PW_ERR_BUFFER_TOO_SMALL, "the buffer holds " + std::to_string(capacity) +
                                             " entries, " + std::to_string(total) +
                                             " are needed");
  }
  *count = total;
  return true;
}

void requireEvaluated(const pw_result* result) {
  requireNonNull(result, "result");
  if (!result->evaluated) throw Error(PW_ERR_STATE, "the result has not been evaluated yet");
}

}  // namespace

extern "C" {

pw_status pw_result_statuses(const pw_result* result, uint8_t* statuses, uint32_t capacity,
                             uint32_t* count) {
  return guard([&] {
    requireEvaluated(result);
    const uint32_t recs = result->library->recommendationCount();
    if (!sizeFits(statuses, capacity, count, recs)) return;
    // A status slot holds PW_TRI_FALSE/_TRUE/_UNKNOWN, which are PW_NO,
    // PW_FIRE and PW_UNDETERMINED.
    static_assert(int{PW_TRI_FALSE} == int{PW_NO} && int{PW_TRI_TRUE} == int{PW_FIRE} &&
                  int{PW_TRI_UNKNOWN} == int{PW_UNDETERMINED});
    std::copy_n(result->state.data(), recs, statuses);
  });
}

pw_status pw_result_missing_masks(const pw_result* result, uint64_t* masks, size_t capacity,
                                  size_t* count) {
  return guard([&] {
    requireEvaluated(result);
    const uint32_t recs = result->library->recommendationCount();
    const uint32_t words = result->library->maskWords();
    if (!sizeFits(masks, capacity, count, size_t{recs} * words)) return;
    const std::vector<uint64_t>& all = result->masks();
    const uint32_t inputs = result->library->inputCount();
    for (uint32_t rec = 0; rec < recs; ++rec) {
      const bool undetermined = result->state[rec] == PW_TRI_UNKNOWN;
      for (uint32_t word = 0; word < words; ++word) {
        const size_t at = size_t{rec} * words + word;
        // Bits past the last input are never set (as pw_result_missing).
        const uint32_t valid = std::min<uint32_t>(64, inputs > word * 64 ? inputs - word * 64 : 0);
        const uint64_t inRange = valid == 64 ? ~uint64_t{0} : (uint64_t{1} << valid) - 1;
        masks[at] = undetermined ? all[at] & inRange : 0;
      }
    }
  });
}

pw_status pw_result_superseded_masks(const pw_result* result, uint64_t* masks, size_t capacity,
                                     size_t* count) {
  return guard([&] {
    requireEvaluated(result);
    const uint32_t recs = result->library->recommendationCount();
    const uint32_t words = (recs + 63) / 64;
    if (!sizeFits(masks, capacity, count, size_t{recs} * words)) return;
    std::fill_n(masks, size_t{recs} * words, uint64_t{0});
    // As pw_result::forEachSupersededBy: superseders that fired, unless the
    // recommendation's own condition is false.
    const auto& schema = result->library->schema;
    const uint8_t* state = result->state.data();
    for (uint32_t rec = 0; rec < recs; ++rec) {
      if (state[recs + rec] == PW_TRI_FALSE) continue;
      uint64_t* row = masks + size_t{rec} * words;
      for (uint32_t other : schema.recommendations[rec].supersededBy) {
        if (state[other] == PW_TRI_TRUE) row[other / 64] |= uint64_t{1} << (other % 64);
      }
    }
  });
}

}  // extern "C"
