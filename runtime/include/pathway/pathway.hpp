// Pathway runtime, C++ wrapper: RAII handles over <pathway/pathway.h> that
// throw pathway::Error (carrying the pw_status and the runtime's message)
// instead of returning statuses. Header-only; link libpathway.
#ifndef PATHWAY_PATHWAY_HPP
#define PATHWAY_PATHWAY_HPP

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pathway/pathway.h"

namespace pathway {

class Error : public std::runtime_error {
 public:
  Error(pw_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  pw_status status() const noexcept { return status_; }

 private:
  pw_status status_;
};

namespace detail {

inline void check(pw_status status) {
  if (status != PW_OK) throw Error(status, pw_last_error());
}

struct LibraryCloser {
  void operator()(pw_library* library) const noexcept { pw_library_close(library); }
};
struct InputFreer {
  void operator()(pw_input* input) const noexcept { pw_input_free(input); }
};
struct ResultFreer {
  void operator()(pw_result* result) const noexcept { pw_result_free(result); }
};

template <typename Info, typename Get>
Info info(Get&& get) {
  Info out{};
  out.struct_size = sizeof(Info);
  check(get(&out));
  return out;
}

}  // namespace detail

class Library {
 public:
  explicit Library(const std::string& path) {
    pw_library* library = nullptr;
    detail::check(pw_library_open(path.c_str(), &library));
    handle_.reset(library);
  }

  // A pathway described in memory (see pw_library_from_descriptor): the
  // descriptor and its strings must outlive the Library.
  static Library fromDescriptor(const pw_descriptor& descriptor) {
    pw_library* library = nullptr;
    detail::check(pw_library_from_descriptor(&descriptor, &library));
    return Library(library);
  }

  const pw_library* get() const noexcept { return handle_.get(); }

  pw_library_info info() const {
    return detail::info<pw_library_info>(
        [&](pw_library_info* out) { return pw_library_get_info(get(), out); });
  }
  std::string_view name() const { return info().name; }
  std::string_view version() const { return info().version; }

  uint32_t inputCount() const { return info().n_inputs; }
  uint32_t recommendationCount() const { return info().n_recommendations; }
  uint32_t findingCount() const { return info().n_findings; }
  uint32_t definitionCount() const { return info().n_definitions; }

  pw_source_info source(uint32_t index) const {
    return detail::info<pw_source_info>(
        [&](pw_source_info* out) { return pw_library_get_source(get(), index, out); });
  }
  pw_input_info input(uint32_t index) const {
    return detail::info<pw_input_info>(
        [&](pw_input_info* out) { return pw_library_get_input(get(), index, out); });
  }
  pw_finding_info finding(uint32_t index) const {
    return detail::info<pw_finding_info>(
        [&](pw_finding_info* out) { return pw_library_get_finding(get(), index, out); });
  }
  pw_definition_info definition(uint32_t index) const {
    return detail::info<pw_definition_info>(
        [&](pw_definition_info* out) { return pw_library_get_definition(get(), index, out); });
  }
  pw_recommendation_info recommendation(uint32_t index) const {
    return detail::info<pw_recommendation_info>([&](pw_recommendation_info* out) {
      return pw_library_get_recommendation(get(), index, out);
    });
  }

  // The FHIR R4 Questionnaire for the facts no binding gives (JSON text).
  std::string_view questionnaire() const {
    const char* json = nullptr;
    detail::check(pw_library_get_questionnaire(get(), &json));
    return json;
  }

  uint32_t findInput(const std::string& name) const {
    uint32_t index = 0;
    detail::check(pw_library_find_input(get(), name.c_str(), &index));
    return index;
  }
  uint32_t findFinding(const std::string& name) const {
    uint32_t index = 0;
    detail::check(pw_library_find_finding(get(), name.c_str(), &index));
    return index;
  }
  uint32_t findDefinition(const std::string& name) const {
    uint32_t index = 0;
    detail::check(pw_library_find_definition(get(), name.c_str(), &index));
    return index;
  }
  uint32_t findRecommendation(const std::string& name) const {
    uint32_t index = 0;
    detail::check(pw_library_find_recommendation(get(), name.c_str(), &index));
    return index;
  }

 private:
  explicit Library(pw_library* library) : handle_(library) {}

  std::unique_ptr<pw_library, detail::LibraryCloser> handle_;
};

// An input's rows (see pw_input_rows): inputCount() values and known flags.
struct InputRows {
  const double* values;
  const uint8_t* known;
};

// One patient's inputs; every input starts unknown. Setters take an input
// index or name.
class Input {
 public:
  explicit Input(const Library& library) : library_(&library) {
    pw_input* input = nullptr;
    detail::check(pw_input_new(library.get(), &input));
    handle_.reset(input);
  }

  pw_input* get() const noexcept { return handle_.get(); }

  Input& clear() { return run(pw_input_clear(get())); }
  Input& setBool(uint32_t index, bool value) { return run(pw_input_set_bool(get(), index, value)); }
  Input& setInt(uint32_t index, int64_t value) { return run(pw_input_set_int(get(), index, value)); }
  Input& setNumber(uint32_t index, double value) {
    return run(pw_input_set_number(get(), index, value));
  }
  Input& setEnum(uint32_t index, const std::string& label) {
    return run(pw_input_set_enum(get(), index, label.c_str()));
  }
  Input& setEnumIndex(uint32_t index, uint32_t label) {
    return run(pw_input_set_enum_index(get(), index, label));
  }
  Input& setQuantity(uint32_t index, double value, const std::string& unit) {
    return run(pw_input_set_quantity(get(), index, value, unit.c_str()));
  }
  Input& setUnknown(uint32_t index) { return run(pw_input_set_unknown(get(), index)); }

  Input& setBool(const std::string& name, bool value) { return setBool(find(name), value); }
  Input& setInt(const std::string& name, int64_t value) { return setInt(find(name), value); }
  Input& setNumber(const std::string& name, double value) { return setNumber(find(name), value); }
  Input& setEnum(const std::string& name, const std::string& label) {
    return setEnum(find(name), label);
  }
  Input& setQuantity(const std::string& name, double value, const std::string& unit) {
    return setQuantity(find(name), value, unit);
  }
  Input& setUnknown(const std::string& name) { return setUnknown(find(name)); }

  // Replaces every input from one row (see pw_input_set_row); `known` may be
  // null (then NaN is unknown).
  Input& setRow(const double* values, const uint8_t* known = nullptr) {
    return run(pw_input_set_row(get(), values, known));
  }

  // Replaces every input from a JSON object (see pw_input_set_json).
  Input& setJson(std::string_view json) {
    return run(pw_input_set_json(get(), json.data(), json.size()));
  }
  // The bound inputs from a FHIR R4 Bundle (or array of resources) as of
  // `now` (an ISO 8601 dateTime with offset); see pw_input_set_fhir.
  Input& setFhir(std::string_view fhir, const std::string& now) {
    return run(pw_input_set_fhir(get(), fhir.data(), fhir.size(), now.c_str()));
  }
  // The record behind input `index` (resource NULL when none); valid until
  // the input next changes.
  pw_evidence evidence(uint32_t index) const {
    pw_evidence e = pw_evidence_init();
    detail::check(pw_input_get_evidence(get(), index, &e));
    return e;
  }

  // {known, value} of input `index`.
  std::pair<bool, double> get(uint32_t index) const {
    int known = 0;
    double value = 0;
    detail::check(pw_input_get(get(), index, &known, &value));
    return {known != 0, value};
  }

  // Read-only views of the rows, valid while the Input lives.
  InputRows rows() const {
    InputRows rows{nullptr, nullptr};
    detail::check(pw_input_rows(get(), &rows.values, &rows.known));
    return rows;
  }

 private:
  Input& run(pw_status status) {
    detail::check(status);
    return *this;
  }
  uint32_t find(const std::string& name) const { return library_->findInput(name); }

  const Library* library_;
  std::unique_ptr<pw_input, detail::InputFreer> handle_;
};

class Result {
 public:
  explicit Result(const Library& library) {
    pw_result* result = nullptr;
    detail::check(pw_result_new(library.get(), &result));
    handle_.reset(result);
  }

  pw_result* get() const noexcept { return handle_.get(); }

  // Fills the result from another evaluator's rows (see pw_result_load).
  Result& load(const uint8_t* state, const double* numbers, const uint64_t* missing) {
    detail::check(pw_result_load(get(), state, numbers, missing));
    return *this;
  }

  pw_rec_status status(uint32_t recommendation) const {
    pw_rec_status status = PW_UNDETERMINED;
    detail::check(pw_result_status(get(), recommendation, &status));
    return status;
  }
  pw_tri condition(uint32_t recommendation) const {
    pw_tri value = PW_UNKNOWN;
    detail::check(pw_result_condition(get(), recommendation, &value));
    return value;
  }
  std::vector<uint32_t> supersededBy(uint32_t recommendation) const {
    return list([&](uint32_t* out, uint32_t capacity, uint32_t* count) {
      return pw_result_superseded_by(get(), recommendation, out, capacity, count);
    });
  }
  std::vector<uint32_t> missing(uint32_t recommendation) const {
    return list([&](uint32_t* out, uint32_t capacity, uint32_t* count) {
      return pw_result_missing(get(), recommendation, out, capacity, count);
    });
  }
  // Every recommendation's status in one call (pw_result_statuses); `out`
  // must hold n_recommendations entries.
  void statuses(uint8_t* out, uint32_t capacity) const {
    uint32_t count = 0;
    detail::check(pw_result_statuses(get(), out, capacity, &count));
  }
  std::vector<uint8_t> statuses() const {
    uint32_t count = 0;
    detail::check(pw_result_statuses(get(), nullptr, 0, &count));
    std::vector<uint8_t> out(count);
    if (count != 0) statuses(out.data(), count);
    return out;
  }
  // Bitmaps of every recommendation's missing inputs (pw_result_missing_masks).
  std::vector<uint64_t> missingMasks() const {
    return words([&](uint64_t* out, size_t capacity, size_t* count) {
      return pw_result_missing_masks(get(), out, capacity, count);
    });
  }
  // Bitmaps of every recommendation's superseders (pw_result_superseded_masks).
  std::vector<uint64_t> supersededMasks() const {
    return words([&](uint64_t* out, size_t capacity, size_t* count) {
      return pw_result_superseded_masks(get(), out, capacity, count);
    });
  }
  pw_tri finding(uint32_t index) const {
    pw_tri value = PW_UNKNOWN;
    detail::check(pw_result_finding(get(), index, &value));
    return value;
  }
  // {truth value or PW_TRUE = known, number}; see pw_result_definition.
  std::pair<pw_tri, double> definition(uint32_t index) const {
    pw_tri value = PW_UNKNOWN;
    double number = 0;
    detail::check(pw_result_definition(get(), index, &value, &number));
    return {value, number};
  }
  std::string toJson() const {
    return text([&](char* buffer, size_t capacity, size_t* length) {
      return pw_result_to_json(get(), buffer, capacity, length);
    });
  }
  // After evaluateTraced(): why `recommendation` has its status, or with
  // PW_EXPLAIN_ALL why each recommendation worth explaining has its status.
  std::string explain(uint32_t recommendation, pw_explain_format format = PW_EXPLAIN_TEXT) const {
    return text([&](char* buffer, size_t capacity, size_t* length) {
      return pw_result_explain(get(), recommendation, format, buffer, capacity, length);
    });
  }

 private:
  template <typename Write>
  static std::string text(Write&& write) {
    size_t length = 0;
    detail::check(write(nullptr, 0, &length));
    std::string out(length + 1, '\0');
    detail::check(write(out.data(), out.size(), &length));
    out.resize(length);
    return out;
  }

  template <typename Fill>
  static std::vector<uint64_t> words(Fill&& fill) {
    size_t count = 0;
    detail::check(fill(nullptr, 0, &count));
    std::vector<uint64_t> out(count);
    if (count != 0) detail::check(fill(out.data(), count, &count));
    return out;
  }
  template <typename Fill>
  static std::vector<uint32_t> list(Fill&& fill) {
    uint32_t count = 0;
    detail::check(fill(nullptr, 0, &count));
    std::vector<uint32_t> out(count);
    if (count != 0) detail::check(fill(out.data(), count, &count));
    return out;
  }

  std::unique_ptr<pw_result, detail::ResultFreer> handle_;
};

inline void evaluate(const Library& library, const Input& input, Result& result) {
  detail::check(pw_evaluate(library.get(), input.get(), result.get()));
}

// evaluate(), with the missing-input masks computed in the same pass.
inline void evaluateWithMasks(const Library& library, const Input& input, Result& result) {
  detail::check(pw_evaluate_with_masks(library.get(), input.get(), result.get()));
}

// evaluate(), also recording what Result::explain() needs.
inline void evaluateTraced(const Library& library, const Input& input, Result& result) {
  detail::check(pw_evaluate_traced(library.get(), input.get(), result.get()));
}

// A batch of patients in the column layout of pw_evaluate_columns, owning its
// arrays. Fill it with set()/setUnknown() (or write values()/known()
// directly), evaluate it with evaluateColumns(), read it with state(),
// number() and missing().
class Columns {
 public:
  Columns(const Library& library, uint64_t count, bool withMissing = true)
      : layout_(pw_columns_layout_init()) {
    detail::check(pw_columns_layout_get(library.get(), count, &layout_));
    const pw_library_info info = library.info();
    inputs_ = info.n_inputs;
    recommendations_ = info.n_recommendations;
    values_.assign(layout_.values_size, 0.0);
    known_.assign(layout_.known_size, 0);
    truth_.assign(layout_.state_size, 0);
    unknown_.assign(layout_.state_size, 0);
    numbers_.assign(layout_.numbers_size, 0.0);
    if (withMissing) missing_.assign(layout_.missing_size, 0);
  }

  uint64_t count() const { return layout_.count; }
  const pw_columns_layout& layout() const { return layout_; }

  void set(uint64_t patient, uint32_t input, double value) {
    values_[input * layout_.lanes + patient] = value;
    known_[input * layout_.words + patient / 64] |= uint64_t{1} << (patient % 64);
  }
  void setUnknown(uint64_t patient, uint32_t input) {
    values_[input * layout_.lanes + patient] = 0;
    known_[input * layout_.words + patient / 64] &= ~(uint64_t{1} << (patient % 64));
  }

  pw_tri state(uint64_t patient, uint32_t slot) const {
    const uint64_t word = slot * layout_.words + patient / 64;
    const uint64_t bit = uint64_t{1} << (patient % 64);
    if (unknown_[word] & bit) return PW_UNKNOWN;
    return (truth_[word] & bit) ? PW_TRUE : PW_FALSE;
  }
  // `column` counts number definitions only (see pw_columns_layout).
  double number(uint64_t patient, uint32_t column) const {
    return numbers_[column * layout_.lanes + patient];
  }
  // The missing inputs of recommendation `rec` for `patient`, in increasing order.
  std::vector<uint32_t> missing(uint64_t patient, uint32_t rec) const {
    std::vector<uint32_t> out;
    if (missing_.empty()) return out;
    const uint64_t* tile = &missing_[(patient / 64 * recommendations_ + rec) * inputs_];
    for (uint32_t i = 0; i < inputs_; ++i) {
      if (tile[i] >> (patient % 64) & 1) out.push_back(i);
    }
    return out;
  }

  std::vector<double>& values() { return values_; }
  std::vector<uint64_t>& known() { return known_; }
  const std::vector<uint64_t>& truth() const { return truth_; }
  const std::vector<uint64_t>& unknown() const { return unknown_; }
  const std::vector<double>& numbers() const { return numbers_; }
  const std::vector<uint64_t>& missingTiles() const { return missing_; }

 private:
  friend void evaluateColumns(const Library& library, Columns& columns);

  pw_columns_layout layout_;
  uint32_t inputs_ = 0, recommendations_ = 0;
  std::vector<double> values_;
  std::vector<uint64_t> known_, truth_, unknown_;
  std::vector<double> numbers_;
  std::vector<uint64_t> missing_;  // empty: masks not requested
};

inline void evaluateColumns(const Library& library, Columns& columns) {
  detail::check(pw_evaluate_columns(
      library.get(), columns.count(), columns.values_.data(), columns.known_.data(),
      columns.truth_.data(), columns.unknown_.data(),
      columns.numbers_.empty() ? nullptr : columns.numbers_.data(),
      columns.missing_.empty() ? nullptr : columns.missing_.data()));
}

}  // namespace pathway

#endif  // PATHWAY_PATHWAY_HPP
