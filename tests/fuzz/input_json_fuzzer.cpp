// Any bytes -> pw_input_set_json on a small compiled pathway; when accepted,
// evaluate and render the result as JSON. No crash, hang or leak, a rejected
// document leaves the input unchanged, and the runtime's JSON reader accepts
// exactly what nlohmann::json accepts.
// FHIR mode, on the same bytes: pw_input_set_fhir (the fixture binds crp,
// fever, weeks_pt and quality to records; its other inputs are answered by
// QuestionnaireResponses). No internal error, every failure says why and
// changes nothing (values and evidence), a well-formed document is never a
// JSON error, and every input filled names its record.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
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

// Whether a well-formed document repeats a key that pw_input_set_json must
// reject: an input's name in the root object, or "value" / "unit" in an
// object that is a root member's value.
class DuplicateFinder : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit DuplicateFinder(const std::set<std::string>& inputs) : inputs_(inputs) {}
  bool found = false;

  bool key(string_t& k) override {
    const size_t depth = keys_.size();
    const bool counts = depth == 1 ? inputs_.count(k) > 0 : depth == 2 && (k == "value" || k == "unit");
    if (counts && !keys_.back().insert(k).second) found = true;
    return true;
  }
  bool start_object(std::size_t) override {
    keys_.emplace_back();
    return true;
  }
  bool end_object() override {
    keys_.pop_back();
    return true;
  }
  // Arrays hide their objects from the rule: a marker that never matches.
  bool start_array(std::size_t) override {
    keys_.emplace_back();
    arrays_.push_back(keys_.size());
    return true;
  }
  bool end_array() override {
    keys_.pop_back();
    arrays_.pop_back();
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  const std::set<std::string>& inputs_;
  std::vector<std::set<std::string>> keys_;
  std::vector<size_t> arrays_;
};

void fhirMode(pw_library* lib, const pw_library_info& info, const std::vector<char>& copy, bool accepted) {
  pw_input* input = nullptr;
  pw_result* result = nullptr;
  if (pw_input_new(lib, &input) != PW_OK || pw_result_new(lib, &result) != PW_OK) std::abort();
  pw_input_set_int(input, 0, 4);  // a known value a failed update must keep
  const std::vector<double> before = snapshot(input, info.n_inputs);
  const pw_status status = pw_input_set_fhir(input, copy.data(), copy.size(), "2026-12-03T09:00:00Z");
  if (status == PW_ERR_INTERNAL) std::abort();
  if (status == PW_ERR_JSON && accepted) std::abort();
  auto evidenceOf = [&](uint32_t i) {
    pw_evidence e = pw_evidence_init();
    if (pw_input_get_evidence(input, i, &e) != PW_OK) std::abort();
    return e;
  };
  if (status != PW_OK) {
    if (std::strlen(pw_last_error()) == 0) std::abort();
    if (snapshot(input, info.n_inputs) != before) std::abort();
    for (uint32_t i = 0; i < info.n_inputs; ++i) {
      if (evidenceOf(i).resource != nullptr) std::abort();
    }
  } else {
    for (uint32_t i = 0; i < info.n_inputs; ++i) {
      pw_evidence e = evidenceOf(i);
      int known = 0;
      double value = 0;
      if (pw_input_get(input, i, &known, &value) != PW_OK) std::abort();
      // Evidence only for a known input, and it names a record (or says
      // that the binding's absence rule gave the value).
      if (e.resource != nullptr && (!known || (std::strlen(e.resource) == 0 && std::strlen(e.value) == 0))) std::abort();
    }
    if (pw_evaluate(lib, input, result) != PW_OK) std::abort();
    size_t length = 0;
    if (pw_result_to_json(result, nullptr, 0, &length) != PW_OK) std::abort();
  }
  pw_result_free(result);
  pw_input_free(input);
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
  // nlohmann::json stops at a NUL byte; only a terminating one is allowed.
  const auto nul = std::find(copy.begin(), copy.end(), '\0');
  const bool innerNul = nul != copy.end() && nul + 1 != copy.end();
  const bool accepted = nlohmann::json::accept(copy.begin(), copy.end()) && !innerNul;
  if (status != PW_ERR_ARGUMENT && malformed == accepted) std::abort();
  // A repeated key is rejected exactly when the document repeats one (in a
  // well-formed object).
  if (accepted && !copy.empty() && nlohmann::json::parse(copy.begin(), copy.end(), nullptr, false).is_object()) {
    static const std::set<std::string> inputs = [&] {
      std::set<std::string> names;
      for (uint32_t i = 0; i < info.n_inputs; ++i) {
        pw_input_info in = pw_input_info_init();
        if (pw_library_get_input(lib, i, &in) != PW_OK) std::abort();
        names.insert(in.name);
      }
      return names;
    }();
    DuplicateFinder finder(inputs);
    nlohmann::json::sax_parse(copy.begin(), copy.end(), &finder);
    const bool duplicate = status == PW_ERR_JSON && std::strncmp(pw_last_error(), "duplicate key", 13) == 0;
    if (duplicate != finder.found) std::abort();
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
  fhirMode(lib, info, copy, accepted);
  return 0;
}
