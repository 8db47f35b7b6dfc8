// Shared helpers for runtime tests: setting three-valued inputs and reading
// results through the C++ wrapper.
#ifndef PATHWAY_TESTS_RUNTIME_HARNESS_H
#define PATHWAY_TESTS_RUNTIME_HARNESS_H

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <pathway/pathway.hpp>

namespace pathway::test {

// Sets bool input `index` to the three-valued `value`.
inline void setTri(Input& input, uint32_t index, pw_tri value) {
  if (value == PW_UNKNOWN) {
    input.setUnknown(index);
  } else {
    input.setBool(index, value == PW_TRUE);
  }
}

inline const char* triName(pw_tri value) {
  return value == PW_TRUE ? "true" : value == PW_FALSE ? "false" : "unknown";
}

// The names of the missing inputs of recommendation `rec`.
inline std::vector<std::string> missingNames(const Library& library, const Result& result,
                                             uint32_t rec) {
  std::vector<std::string> names;
  for (uint32_t input : result.missing(rec)) names.emplace_back(library.input(input).name);
  return names;
}

// The C API's status and message of the last call, for error tests.
struct Failure {
  pw_status status;
  std::string message;
};
inline Failure lastFailure(pw_status status) { return {status, pw_last_error()}; }

// Opens `descriptor` with pw_library_from_descriptor, expecting failure (a
// library it does open is closed and fails the test).
inline Failure openDescriptorFails(const pw_descriptor& descriptor) {
  pw_library* library = nullptr;
  const pw_status status = pw_library_from_descriptor(&descriptor, &library);
  EXPECT_EQ(library, nullptr);
  pw_library_close(library);
  return lastFailure(status);
}

}  // namespace pathway::test

#endif  // PATHWAY_TESTS_RUNTIME_HARNESS_H
