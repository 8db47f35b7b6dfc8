#include "Error.h"

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

}  // namespace pathway::runtime

extern "C" const char* pw_last_error(void) { return pathway::runtime::lastError; }
