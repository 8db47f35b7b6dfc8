// Failures of the C API as Python exceptions (pathway.errors), and the one
// exception of the column path that names a bad value's input and row.
#ifndef PATHWAY_PYTHON_ERRORS_H
#define PATHWAY_PYTHON_ERRORS_H

#include <cstdint>
#include <stdexcept>
#include <string>

#include <pathway/pathway.h>

namespace pathway::python {

// A failed C API call: its status and pw_last_error(), read on the failing
// thread. Translated into pathway.errors.status_error(status, message).
struct ApiError : std::runtime_error {
  ApiError(pw_status s, const std::string& message) : std::runtime_error(message), status(s) {}
  pw_status status;
};

// A value of a frame column that the input does not accept: `input` is the
// input index, `row` the position of the first bad row. The Python layer
// turns it into an InputError naming the column and the row's index label.
struct BadValue : std::runtime_error {
  BadValue(pw_status s, uint32_t in, uint64_t r, const std::string& detail)
      : std::runtime_error(detail), status(s), input(in), row(r) {}
  pw_status status;
  uint32_t input;
  uint64_t row;
};

// Throws ApiError unless `status` is PW_OK.
inline void check(pw_status status) {
  if (status != PW_OK) throw ApiError(status, pw_last_error());
}

// Registers the translators of ApiError and BadValue into `module`.
void registerErrors(void* module);

}  // namespace pathway::python

#endif  // PATHWAY_PYTHON_ERRORS_H
