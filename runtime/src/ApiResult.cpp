// The C API for evaluation and results.
#include <cstring>
#include <memory>

#include "Error.h"
#include "Input.h"
#include "Result.h"
#include "ResultJson.h"

using namespace pathway::runtime;

namespace {

void checkSameLibrary(const pw_library* library, const pw_input* input,
                      const pw_result* result) {
  requireNonNull(input, "input");
  requireNonNull(result, "result");
  if (input->library != library || result->library != library) {
    throw Error(PW_ERR_ARGUMENT, "the input and result must be created from the library "
                                 "they are evaluated with");
  }
}

void evaluateOne(const pw_input& input, pw_result& result) {
  result.evaluate(input.values.data(), input.known.data());
  result.evidence = input.evidence;
}

// Copies up to `capacity` indices produced by `produce(visit)`; sets *count
// to the total.
template <typename Produce>
void collect(uint32_t* out, uint32_t capacity, uint32_t* count, Produce&& produce) {
  requireNonNull(count, "count");
  uint32_t total = 0;
  produce([&](uint32_t) { ++total; });
  if (out == nullptr && capacity == 0) {
    *count = total;
    return;
  }
  requireNonNull(out, "indices");
  if (capacity < total) {
    *count = total;
    throw Error(PW_ERR_BUFFER_TOO_SMALL, "the buffer holds " + std::to_string(capacity) +
                                             " entries, " + std::to_string(total) +
                                             " are needed");
  }
  uint32_t written = 0;
  produce([&](uint32_t index) { out[written++] = index; });
  *count = total;
}

}  // namespace

extern "C" {

pw_status pw_result_new(const pw_library* library, pw_result** out) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(out, "out");
    *out = std::make_unique<pw_result>(*library).release();
  });
}

void pw_result_free(pw_result* result) { delete result; }

pw_status pw_evaluate(const pw_library* library, const pw_input* input, pw_result* result) {
  return guard([&] {
    requireNonNull(library, "library");
    requireEntryPoint(*library, false);
    checkSameLibrary(library, input, result);
    evaluateOne(*input, *result);
  });
}

pw_status pw_evaluate_with_masks(const pw_library* library, const pw_input* input,
                                 pw_result* result) {
  return guard([&] {
    requireNonNull(library, "library");
    requireEntryPoint(*library, false);
    checkSameLibrary(library, input, result);
    result->evaluateWithMasks(input->values.data(), input->known.data());
    result->evidence = input->evidence;
  });
}

pw_status pw_evaluate_batch(const pw_library* library, size_t count,
                            const pw_input* const* inputs, pw_result* const* results) {
  return guard([&] {
    requireNonNull(library, "library");
    requireEntryPoint(*library, false);
    if (count == 0) return;
    requireNonNull(inputs, "inputs");
    requireNonNull(results, "results");
    for (size_t i = 0; i < count; ++i) checkSameLibrary(library, inputs[i], results[i]);
    for (size_t i = 0; i < count; ++i) evaluateOne(*inputs[i], *results[i]);
  });
}

pw_status pw_evaluate_rows(const pw_library* library, uint64_t count, const double* values,
                           const uint8_t* known, uint8_t* state, double* numbers,
                           uint64_t* missing) {
  return guard([&] {
    requireNonNull(library, "library");
    requireEntryPoint(*library, true);
    if (count == 0) return;
    requireNonNull(values, "values");
    requireNonNull(known, "known");
    requireNonNull(state, "state");
    requireNonNull(numbers, "numbers");
    library->descriptor->evaluate_batch(count, values, known, state, numbers, missing);
  });
}

pw_status pw_result_load(pw_result* result, const uint8_t* state, const double* numbers,
                         const uint64_t* missing) {
  return guard([&] {
    requireNonNull(result, "result");
    result->load(state, numbers, missing);
  });
}

pw_status pw_result_status(const pw_result* result, uint32_t recommendation,
                           pw_rec_status* status) {
  return guard([&] {
    requireNonNull(result, "result");
    requireNonNull(status, "status");
    *status = result->status(recommendation);
  });
}

pw_status pw_result_condition(const pw_result* result, uint32_t recommendation, pw_tri* value) {
  return guard([&] {
    requireNonNull(result, "result");
    requireNonNull(value, "value");
    *value = result->condition(recommendation);
  });
}

pw_status pw_result_superseded_by(const pw_result* result, uint32_t recommendation,
                                  uint32_t* indices, uint32_t capacity, uint32_t* count) {
  return guard([&] {
    requireNonNull(result, "result");
    collect(indices, capacity, count,
            [&](auto&& visit) { result->forEachSupersededBy(recommendation, visit); });
  });
}

pw_status pw_result_missing(const pw_result* result, uint32_t recommendation, uint32_t* inputs,
                            uint32_t capacity, uint32_t* count) {
  return guard([&] {
    requireNonNull(result, "result");
    collect(inputs, capacity, count,
            [&](auto&& visit) { result->forEachMissing(recommendation, visit); });
  });
}

pw_status pw_result_finding(const pw_result* result, uint32_t finding, pw_tri* value) {
  return guard([&] {
    requireNonNull(result, "result");
    requireNonNull(value, "value");
    *value = result->finding(finding);
  });
}

pw_status pw_result_definition(const pw_result* result, uint32_t definition, pw_tri* value,
                               double* number) {
  return guard([&] {
    requireNonNull(result, "result");
    pw_tri v = PW_UNKNOWN;
    double n = 0;
    result->definition(definition, v, n);
    if (value != nullptr) *value = v;
    if (number != nullptr) *number = n;
  });
}

pw_status pw_result_to_json(const pw_result* result, char* buffer, size_t capacity,
                            size_t* length) {
  return guard([&] {
    requireNonNull(result, "result");
    requireNonNull(length, "length");
    writeText(resultToJson(*result), buffer, capacity, length, "the JSON");
  });
}

}  // extern "C"
