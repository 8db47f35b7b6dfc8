// Any bytes -> pw_input_set_json on a small compiled pathway; when accepted,
// evaluate and render the result as JSON. No crash, hang or leak, a rejected
// document leaves the input unchanged, and the runtime's JSON reader accepts
// exactly what nlohmann::json accepts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <nlohmann/json.hpp>
#include <pathway/pathway.h>

#include "FuzzSupport.h"

namespace {

pw_library* library() {
  static pw_library* lib = [] {
    pw_library* out = nullptr;
    if (pw_library_open(pathway::fuzz::fixedLibraryPath().c_str(), &out) != PW_OK) std::abort();
    return out;
  }();
  return lib;
}

// Every input's (known, value), to check all-or-nothing updates.
std::vector<double> snapshot(const pw_input* input, uint32_t n) {
  std::vector<double> out;
  for (uint32_t i = 0; i < n; ++i) {
    int known = -1;
    double value = -1;
    if (pw_input_get(input, i, &known, &value) != PW_OK) std::abort();
    out.push_back(known);
    out.push_back(value);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  library();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pw_library* lib = library();
  pw_library_info info = pw_library_info_init();
  pw_library_get_info(lib, &info);
  pw_input* input = nullptr;
  pw_result* result = nullptr;
  if (pw_input_new(lib, &input) != PW_OK || pw_result_new(lib, &result) != PW_OK) std::abort();
  pw_input_set_bool(input, 3, 1);  // a known value the failed update must keep
  const std::vector<double> before = snapshot(input, info.n_inputs);
  // Not NUL-terminated: the runtime must respect `size`.
  std::vector<char> copy(data, data + size);
  const pw_status status = pw_input_set_json(input, copy.data(), copy.size());
  // Never an internal error; malformed exactly when nlohmann::json rejects
  // the document (an empty one has NULL data: an argument error instead).
  if (status == PW_ERR_INTERNAL) std::abort();
  const bool malformed =
      status == PW_ERR_JSON && std::strncmp(pw_last_error(), "malformed", 9) == 0;
  if (status != PW_ERR_ARGUMENT && malformed == nlohmann::json::accept(copy.begin(), copy.end())) {
    std::abort();
  }
  if (status != PW_OK) {
    if (std::strlen(pw_last_error()) == 0) std::abort();  // every failure says why
    if (snapshot(input, info.n_inputs) != before) std::abort();  // all or nothing
  } else {
    if (pw_evaluate(lib, input, result) != PW_OK) std::abort();
    size_t length = 0;
    if (pw_result_to_json(result, nullptr, 0, &length) != PW_OK) std::abort();
    std::vector<char> buffer(length + 1);
    if (pw_result_to_json(result, buffer.data(), buffer.size(), &length) != PW_OK) std::abort();
  }
  pw_result_free(result);
  pw_input_free(input);
  return 0;
}
