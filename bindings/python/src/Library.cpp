#include "Library.h"

#include "Errors.h"

namespace pathway::python {

Library::Library(const std::string& path) {
  check(pw_library_open(path.c_str(), &library_));
  try {
    check(pw_library_get_info(library_, &info_));
    for (uint32_t i = 0; i < info_.n_inputs; ++i) {
      inputs_.push_back(pw_input_info_init());
      check(pw_library_get_input(library_, i, &inputs_.back()));
    }
    for (uint32_t i = 0; i < info_.n_recommendations; ++i) {
      recommendations_.push_back(pw_recommendation_info_init());
      check(pw_library_get_recommendation(library_, i, &recommendations_.back()));
    }
    for (uint32_t i = 0; i < info_.n_findings; ++i) {
      findings_.push_back(pw_finding_info_init());
      check(pw_library_get_finding(library_, i, &findings_.back()));
    }
    for (uint32_t i = 0; i < info_.n_definitions; ++i) {
      definitions_.push_back(pw_definition_info_init());
      check(pw_library_get_definition(library_, i, &definitions_.back()));
    }
    for (uint32_t i = 0; i < info_.n_sources; ++i) {
      sources_.push_back(pw_source_info_init());
      check(pw_library_get_source(library_, i, &sources_.back()));
    }
    // An empty batch succeeds exactly when the column entry point exists.
    hasColumns_ = pw_evaluate_columns(library_, 0, nullptr, nullptr, nullptr, nullptr, nullptr,
                                      nullptr) == PW_OK;
    // A traced evaluation of an all-unknown patient succeeds exactly when
    // the trace entry point exists.
    pw_input* input = nullptr;
    pw_result* result = nullptr;
    check(pw_input_new(library_, &input));
    if (pw_result_new(library_, &result) != PW_OK) {
      pw_input_free(input);
      check(PW_ERR_NO_MEMORY);
    }
    hasTrace_ = pw_evaluate_traced(library_, input, result) == PW_OK;
    pw_result_free(result);
    pw_input_free(input);
  } catch (...) {
    pw_library_close(library_);
    throw;
  }
}

Library::~Library() { pw_library_close(library_); }

}  // namespace pathway::python
