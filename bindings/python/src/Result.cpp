#include "Result.h"

#include "Errors.h"

namespace pathway::python {
namespace {

// A pw_input freed on every path.
struct InputHandle {
  pw_input* input = nullptr;
  ~InputHandle() { pw_input_free(input); }
};

// Reads a list through a C API size query.
template <typename Read>
std::vector<uint32_t> readList(Read&& read) {
  uint32_t count = 0;
  check(read(nullptr, 0, &count));
  std::vector<uint32_t> items(count);
  if (count != 0) check(read(items.data(), count, &count));
  return items;
}

// Reads text through a C API size query.
template <typename Read>
std::string readText(Read&& read) {
  size_t length = 0;
  check(read(nullptr, 0, &length));
  std::string text(length + 1, '\0');
  check(read(text.data(), text.size(), &length));
  text.resize(length);
  return text;
}

}  // namespace

Result::Result(std::shared_ptr<const Library> library, const std::string& json)
    : library_(std::move(library)) {
  InputHandle in;
  check(pw_input_new(library_->get(), &in.input));
  check(pw_input_set_json(in.input, json.data(), json.size()));
  check(pw_result_new(library_->get(), &result_));
  try {
    if (library_->hasTrace()) {
      check(pw_evaluate_traced(library_->get(), in.input, result_));
      traced_ = true;
    } else {
      check(pw_evaluate(library_->get(), in.input, result_));
    }
  } catch (...) {
    pw_result_free(result_);
    throw;
  }
}

Result::~Result() { pw_result_free(result_); }

pw_rec_status Result::status(uint32_t recommendation) const {
  pw_rec_status s = PW_NO;
  check(pw_result_status(result_, recommendation, &s));
  return s;
}

pw_tri Result::condition(uint32_t recommendation) const {
  pw_tri value = PW_UNKNOWN;
  check(pw_result_condition(result_, recommendation, &value));
  return value;
}

std::vector<uint32_t> Result::missing(uint32_t recommendation) const {
  return readList([&](uint32_t* items, uint32_t capacity, uint32_t* count) {
    return pw_result_missing(result_, recommendation, items, capacity, count);
  });
}

std::vector<uint32_t> Result::supersededBy(uint32_t recommendation) const {
  return readList([&](uint32_t* items, uint32_t capacity, uint32_t* count) {
    return pw_result_superseded_by(result_, recommendation, items, capacity, count);
  });
}

pw_tri Result::finding(uint32_t finding) const {
  pw_tri value = PW_UNKNOWN;
  check(pw_result_finding(result_, finding, &value));
  return value;
}

std::pair<pw_tri, double> Result::definition(uint32_t definition) const {
  pw_tri value = PW_UNKNOWN;
  double number = 0;
  check(pw_result_definition(result_, definition, &value, &number));
  return {value, number};
}

std::string Result::explain(uint32_t recommendation, bool json) const {
  return readText([&](char* buffer, size_t capacity, size_t* length) {
    return pw_result_explain(result_, recommendation, json ? PW_EXPLAIN_JSON : PW_EXPLAIN_TEXT,
                             buffer, capacity, length);
  });
}

std::string Result::toJson() const {
  return readText([&](char* buffer, size_t capacity, size_t* length) {
    return pw_result_to_json(result_, buffer, capacity, length);
  });
}

}  // namespace pathway::python
