#include "Result.h"

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

}  // namespace

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
