#include "Result.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "Error.h"

using pathway::runtime::Error;

namespace {

void checkIndex(uint32_t index, size_t count, const char* what) {
  if (index >= count) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("{} index {} is out of range (the pathway has {})",
                                             what, index, count));
  }
}

pw_tri tri(uint8_t state) {
  return state == PW_TRI_TRUE ? PW_TRUE : state == PW_TRI_FALSE ? PW_FALSE : PW_UNKNOWN;
}

// What slot `slot` holds, for messages: "the status of recommendation 'x'".
std::string describeSlot(const pw_library& library, size_t slot) {
  const auto& schema = library.schema;
  const size_t recs = schema.recommendations.size();
  if (slot < recs) {
    return fmt::format("the status of recommendation '{}'", schema.recommendations[slot].name);
  }
  slot -= recs;
  if (slot < recs) {
    return fmt::format("the condition of recommendation '{}'",
                       schema.recommendations[slot].name);
  }
  slot -= recs;
  if (slot < schema.findings.size()) {
    return fmt::format("finding '{}'", schema.findings[slot].name);
  }
  slot -= schema.findings.size();
  return fmt::format("definition '{}'", schema.definitions[slot].name);
}

template <typename T>
void requireRow(const T* row, size_t size, const char* what) {
  if (row == nullptr && size != 0) {
    throw Error(PW_ERR_ARGUMENT,
                fmt::format("{} is NULL, but the pathway needs {} entries", what, size));
  }
}

}  // namespace

void pw_result::load(const uint8_t* stateRow, const double* numberRow,
                     const uint64_t* missingRow) {
  requireRow(stateRow, state.size(), "state");
  requireRow(numberRow, numbers.size(), "numbers");
  requireRow(missingRow, missing_.size(), "missing");
  for (size_t slot = 0; slot < state.size(); ++slot) {
    if (stateRow[slot] > PW_TRI_UNKNOWN) {
      throw Error(PW_ERR_RANGE,
                  fmt::format("state[{}] ({}) is {}; a state must be 0 (false), 1 (true) or 2 "
                              "(unknown)",
                              slot, describeSlot(*library, slot), stateRow[slot]));
    }
    if (!std::isfinite(numberRow[slot])) {
      throw Error(PW_ERR_RANGE, fmt::format("numbers[{}] ({}) is {}; numbers must be finite",
                                            slot, describeSlot(*library, slot), numberRow[slot]));
    }
  }
  std::copy_n(stateRow, state.size(), state.begin());
  std::copy_n(numberRow, numbers.size(), numbers.begin());
  std::copy_n(missingRow, missing_.size(), missing_.begin());
  evaluated = true;
  traced = false;
  masksWritten();
}

void pw_result::evaluate(const double* values, const uint8_t* known) {
  const size_t inputs = inputValues.size();
  std::copy_n(values, inputs, inputValues.begin());
  std::copy_n(known, inputs, inputKnown.begin());
  masksReady_.store(false, std::memory_order_relaxed);
  library->descriptor->evaluate(values, known, state.data(), numbers.data(), nullptr);
  evaluated = true;
  traced = false;
}

void pw_result::evaluateWithMasks(const double* values, const uint8_t* known) {
  const size_t inputs = inputValues.size();
  std::copy_n(values, inputs, inputValues.begin());
  std::copy_n(known, inputs, inputKnown.begin());
  library->descriptor->evaluate(values, known, state.data(), numbers.data(), missing_.data());
  masksWritten();
  evaluated = true;
  traced = false;
}

const std::vector<uint64_t>& pw_result::masks() const {
  if (masksReady_.load(std::memory_order_acquire)) return missing_;
  std::lock_guard<std::mutex> hold(masksLock_);
  if (!masksReady_.load(std::memory_order_relaxed)) {
    // Only results evaluated by pw_evaluate get here (a loaded or traced
    // result has its masks), so the library has an `evaluate` entry point.
    library->descriptor->evaluate(inputValues.data(), inputKnown.data(), scratchState_.data(),
                                  scratchNumbers_.data(), missing_.data());
    masksReady_.store(true, std::memory_order_release);
  }
  return missing_;
}

void pw_result::checkRecommendation(uint32_t rec) const {
  if (!evaluated) throw Error(PW_ERR_STATE, "the result has not been evaluated yet");
  checkIndex(rec, library->schema.recommendations.size(), "recommendation");
}

pw_rec_status pw_result::status(uint32_t rec) const {
  checkRecommendation(rec);
  const pw_tri value = tri(state[rec]);
  return value == PW_TRUE ? PW_FIRE : value == PW_FALSE ? PW_NO : PW_UNDETERMINED;
}

pw_tri pw_result::condition(uint32_t rec) const {
  checkRecommendation(rec);
  return tri(state[library->recommendationCount() + rec]);
}

pw_tri pw_result::finding(uint32_t index) const {
  if (!evaluated) throw Error(PW_ERR_STATE, "the result has not been evaluated yet");
  checkIndex(index, library->schema.findings.size(), "finding");
  return tri(state[2 * library->recommendationCount() + index]);
}

void pw_result::definition(uint32_t index, pw_tri& value, double& number) const {
  if (!evaluated) throw Error(PW_ERR_STATE, "the result has not been evaluated yet");
  const auto& schema = library->schema;
  checkIndex(index, schema.definitions.size(), "definition");
  const size_t slot = 2 * schema.recommendations.size() + schema.findings.size() + index;
  value = tri(state[slot]);
  number = schema.definitions[index].type == PW_TYPE_NUMBER ? numbers[slot] : 0.0;
}
