#include "Error.h"

#include <cstring>

namespace pathway::runtime {
namespace {

// A fixed buffer, so recording an error never allocates or throws.
thread_local char lastError[1024] = "";

}  // namespace

pw_status fail(pw_status status, const char* message) noexcept {
  size_t i = 0;
  for (; message[i] != '\0' && i + 1 < sizeof lastError; ++i) lastError[i] = message[i];
  lastError[i] = '\0';
  return status;
}

void writeText(const std::string& text, char* buffer, size_t capacity, size_t* length,
               const char* what) {
  requireNonNull(length, "length");
  if (buffer == nullptr && capacity == 0) {
    *length = text.size();
    return;
  }
  requireNonNull(buffer, "buffer");
  if (capacity <= text.size()) {
    *length = text.size();
    throw Error(PW_ERR_BUFFER_TOO_SMALL, "the buffer holds " + std::to_string(capacity) +
                                             " bytes; " + what + " needs " +
                                             std::to_string(text.size() + 1) + " with its NUL");
  }
  std::memcpy(buffer, text.data(), text.size() + 1);
  *length = text.size();
}

}  // namespace pathway::runtime

extern "C" const char* pw_last_error(void) { return pathway::runtime::lastError; }
