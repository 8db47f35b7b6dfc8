// Errors inside the runtime: thrown as pathway::runtime::Error, turned into a
// pw_status and a thread-local message at the C boundary by `guard`.
#ifndef PATHWAY_RUNTIME_ERROR_H
#define PATHWAY_RUNTIME_ERROR_H

#include <new>
#include <stdexcept>
#include <string>

#include "pathway/pathway.h"

namespace pathway::runtime {

class Error : public std::runtime_error {
 public:
  Error(pw_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  pw_status status() const { return status_; }

 private:
  pw_status status_;
};

// Records `message` as this thread's last error and returns `status`.
pw_status fail(pw_status status, const char* message) noexcept;

// Throws PW_ERR_ARGUMENT naming `what` when `pointer` is null.
template <typename T>
void requireNonNull(const T* pointer, const char* what) {
  if (pointer == nullptr) throw Error(PW_ERR_ARGUMENT, std::string(what) + " is NULL");
}

// Copies `text` and its NUL into a caller's buffer, following the size-query
// convention of pathway.h; `what` names the text in messages ("the JSON").
void writeText(const std::string& text, char* buffer, size_t capacity, size_t* length,
               const char* what);

// Runs `body` (which returns nothing), mapping every exception to a status.
template <typename Body>
pw_status guard(Body&& body) noexcept {
  try {
    body();
    return PW_OK;
  } catch (const Error& error) {
    return fail(error.status(), error.what());
  } catch (const std::bad_alloc&) {
    return fail(PW_ERR_NO_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(PW_ERR_INTERNAL, error.what());
  } catch (...) {
    return fail(PW_ERR_INTERNAL, "unexpected internal error");
  }
}

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_ERROR_H
