#include "Error.h"

#include <cstring>

namespace pathway::runtime {
namespace {

// A fixed buffer, so recording an error never allocates or throws.
thread_local char lastError[1024] = "";

// The length of the well-formed UTF-8 sequence at `p` (RFC 3629: no overlong
// forms, no surrogates, at most U+10FFFF), or 0.
size_t utf8SequenceLength(const unsigned char* p) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;  // overlong
    if (c == 0xED && p[1] > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;  // overlong
    if (c == 0xF4 && p[1] > 0x8F) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

// The message is stored as well-formed UTF-8 whatever it quotes (a patient
// document's bytes, a file name): a byte that does not start a well-formed
// sequence is written as the four characters \xNN, and the text is cut only
// between characters. Apps can put pw_last_error() into JSON or a UI as is.
pw_status fail(pw_status status, const char* message) noexcept {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto* p = reinterpret_cast<const unsigned char*>(message);
  size_t out = 0;
  while (*p != '\0') {
    // A NUL inside a sequence makes it malformed, so reading up to 4 bytes
    // never passes the terminator.
    const size_t n = utf8SequenceLength(p);
    const size_t width = n == 0 ? 4 : n;
    if (out + width + 1 > sizeof lastError) break;
    if (n == 0) {
      lastError[out++] = '\\';
      lastError[out++] = 'x';
      lastError[out++] = kHex[*p >> 4];
      lastError[out++] = kHex[*p & 0xF];
      ++p;
    } else {
      std::memcpy(lastError + out, p, n);
      out += n;
      p += n;
    }
  }
  lastError[out] = '\0';
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
