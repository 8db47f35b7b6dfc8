#include "JsonReader.h"

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace pathway::runtime {
namespace {

// Bytes that stand for themselves inside a string: printable ASCII except
// the quote and the backslash (control characters are malformed, bytes from
// 0x80 start a UTF-8 sequence).
constexpr std::array<bool, 256> kPlainStringByte = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
  return plain;
}();

unsigned char byte(char c) { return static_cast<unsigned char>(c); }

uint64_t load8(const char* p) {
  uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The high bit of each of the eight bytes of `word` that is not plain in a
// string (see kPlainStringByte). Exact up to the first such byte: a false
// mark can only follow a true one, so the lowest mark is the first byte.
uint64_t specialByteMask(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101u, kHigh = 0x8080808080808080u;
  auto zeroBytes = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t below0x20 = (word - kOnes * 0x20) & ~word & kHigh;
  return (word & kHigh) | below0x20 | zeroBytes(word ^ (kOnes * '"')) |
         zeroBytes(word ^ (kOnes * '\\'));
}
static_assert(std::endian::native == std::endian::little, "specialByteMask reads bytes in order");

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The digits in [begin, end) as an unsigned integer, or nullopt on overflow.
std::optional<uint64_t> parseMagnitude(const char* begin, const char* end) {
  uint64_t value = 0;
  for (const char* p = begin; p != end; ++p) {
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, static_cast<uint64_t>(*p - '0'), &value)) {
      return std::nullopt;
    }
  }
  return value;
}

// The double nearest to the number in [begin, end) (strtod's value, as
// nlohmann::json computes it); false when it overflows to infinity.
bool parseDouble(const char* begin, const char* end, double& out) {
  const std::from_chars_result result = std::from_chars(begin, end, out);
  if (result.ec == std::errc()) return true;
  // Out of range: strtod gives infinity for overflow, zero or a subnormal
  // for underflow.
  out = std::strtod(std::string(begin, end).c_str(), nullptr);
  return std::isfinite(out);
}

}  // namespace

bool JsonReader::read(std::string_view text) {
  p_ = begin_ = text.data();
  end_ = p_ + text.size();
  members_.clear();
  unescaped_.clear();
  unescaped_.reserve(text.size());
  if (text.starts_with("\xEF\xBB\xBF")) p_ += 3;
  skipWhitespace();
  bool ok = false;
  if (at('{')) {
    root_ = {};
    root_.type = JsonType::Object;
    ok = readObject([&](std::string_view key, size_t at) {
      return readMemberValue(members_.emplace_back(key, at).value);
    });
  } else {
    ok = readScalar(root_);
  }
  skipWhitespace();
  // A C string passed with its terminator: one NUL byte may end the text.
  // (nlohmann::json ignores whatever follows a NUL; setInputFromJson rejects
  // such a document before reading it.)
  return ok && (p_ == end_ || *p_ == '\0');
}

// At '{': reads "key": value pairs, calling readMember(key) at each value.
template <typename ReadMember>
bool JsonReader::readObject(ReadMember&& readMember) {
  ++p_;
  skipWhitespace();
  if (at('}')) {
    ++p_;
    return true;
  }
  while (true) {
    std::string_view key;
    const size_t keyAt = static_cast<size_t>(p_ - begin_);
    if (!readKey(key)) return false;
    if (!readMember(key, keyAt)) return false;
    skipWhitespace();
    if (at('}')) {
      ++p_;
      return true;
    }
    if (!at(',')) return false;
    ++p_;
    skipWhitespace();
  }
}

bool JsonReader::readMemberValue(JsonValue& out) {
  if (!at('{')) return readScalar(out);
  out.type = JsonType::Object;
  auto keep = [&](std::optional<JsonScalar>& slot, size_t& slotAt, std::string_view key, size_t at) {
    if (slot && !out.duplicate) out.duplicate = JsonDuplicate{key, slotAt, at};
    slotAt = at;
    return readScalar(slot.emplace());
  };
  return readObject([&](std::string_view key, size_t at) {
    if (key == "value") return keep(out.quantityValue, out.quantityValueAt, key, at);
    if (key == "unit") return keep(out.quantityUnit, out.quantityUnitAt, key, at);
    if (!out.unexpectedKey || key < *out.unexpectedKey) out.unexpectedKey = key;
    JsonScalar ignored;
    return readScalar(ignored);
  });
}

// Any value; of an array or object, only the type is kept.
bool JsonReader::readScalar(JsonScalar& out) {
  if (p_ == end_) return false;
  out = {};
  switch (*p_) {
    case '"': out.type = JsonType::String; return readString(out.text);
    case '[': out.type = JsonType::Array; return skipContainer();
    case '{': out.type = JsonType::Object; return skipContainer();
    case 't': out.type = JsonType::Boolean; out.boolean = true; return readLiteral("true");
    case 'f': out.type = JsonType::Boolean; return readLiteral("false");
    case 'n': return readLiteral("null");
    default: return readNumber(out);
  }
}

// At '[' or '{': skips the container and everything in it, keeping the
// brackets still open in closers_ instead of recursing.
bool JsonReader::skipContainer() {
  closers_.clear();
  JsonScalar ignored;
  while (true) {
    if (at('[') || at('{')) {
      const char closer = *p_ == '[' ? ']' : '}';
      ++p_;
      skipWhitespace();
      if (at(closer)) {
        ++p_;
      } else {
        closers_.push_back(closer);
        if (!startElement()) return false;
        continue;
      }
    } else if (!readScalar(ignored)) {
      return false;
    }
    // After a value: close what ends here, then start the next element.
    while (true) {
      if (closers_.empty()) return true;
      skipWhitespace();
      if (at(',')) {
        ++p_;
        skipWhitespace();
        if (!startElement()) return false;
        break;
      }
      if (!at(closers_.back())) return false;
      ++p_;
      closers_.pop_back();
    }
  }
}

// Before an element of the innermost open container: an object member's
// "key": comes first.
bool JsonReader::startElement() {
  if (closers_.back() == ']') return true;
  std::string_view key;
  return readKey(key);
}

// At a member's key: reads `"key":` and the whitespace after it.
bool JsonReader::readKey(std::string_view& key) {
  if (!readString(key)) return false;
  skipWhitespace();
  if (!at(':')) return false;
  ++p_;
  skipWhitespace();
  return true;
}

// A string without escapes is a view into the text; one with escapes is
// decoded into unescaped_.
bool JsonReader::readString(std::string_view& out) {
  if (!at('"')) return false;
  ++p_;
  const char* run = p_;  // characters not yet copied to unescaped_
  std::optional<size_t> decoded;  // where this string starts in unescaped_
  while (p_ != end_) {
    skipPlainBytes();
    if (p_ == end_) return false;
    const unsigned char c = byte(*p_);
    if (c == '"') {
      if (decoded) {
        unescaped_.append(run, p_);
        out = std::string_view(unescaped_).substr(*decoded);
      } else {
        out = {run, p_};
      }
      ++p_;
      return true;
    }
    if (c == '\\') {
      if (!decoded) decoded = unescaped_.size();
      unescaped_.append(run, p_);
      if (!decodeEscape()) return false;
      run = p_;
    } else if (c < 0x20 || !skipUtf8Character()) {
      return false;
    }
  }
  return false;
}

// To the next byte that is not plain in a string, eight bytes at a time.
void JsonReader::skipPlainBytes() {
  while (end_ - p_ >= 8) {
    if (const uint64_t mask = specialByteMask(load8(p_))) {
      p_ += std::countr_zero(mask) / 8;
      return;
    }
    p_ += 8;
  }
  while (p_ != end_ && kPlainStringByte[byte(*p_)]) ++p_;
}

// At '\\': appends the escaped character.
bool JsonReader::decodeEscape() {
  if (end_ - p_ < 2) return false;
  const char c = p_[1];
  p_ += 2;
  switch (c) {
    case '"':
    case '\\':
    case '/': unescaped_ += c; return true;
    case 'b': unescaped_ += '\b'; return true;
    case 'f': unescaped_ += '\f'; return true;
    case 'n': unescaped_ += '\n'; return true;
    case 'r': unescaped_ += '\r'; return true;
    case 't': unescaped_ += '\t'; return true;
    case 'u': return decodeUnicodeEscape();
    default: return false;
  }
}

// After "\u": four hex digits, and a second \uXXXX for a surrogate pair.
bool JsonReader::decodeUnicodeEscape() {
  uint32_t code = 0;
  if (!readHex4(code)) return false;
  if (code >= 0xDC00 && code <= 0xDFFF) return false;
  if (code >= 0xD800 && code <= 0xDBFF) {
    uint32_t low = 0;
    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
    p_ += 2;
    if (!readHex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
  }
  appendUtf8(code);
  return true;
}

bool JsonReader::readHex4(uint32_t& code) {
  if (end_ - p_ < 4) return false;
  code = 0;
  for (int i = 0; i < 4; ++i) {
    const char c = *p_++;
    uint32_t digit = 0;
    if (isDigit(c)) {
      digit = static_cast<uint32_t>(c - '0');
    } else if (c >= 'a' && c <= 'f') {
      digit = static_cast<uint32_t>(c - 'a' + 10);
    } else if (c >= 'A' && c <= 'F') {
      digit = static_cast<uint32_t>(c - 'A' + 10);
    } else {
      return false;
    }
    code = code * 16 + digit;
  }
  return true;
}

void JsonReader::appendUtf8(uint32_t code) {
  auto put = [&](uint32_t b) { unescaped_ += static_cast<char>(b); };
  if (code < 0x80) {
    put(code);
  } else if (code < 0x800) {
    put(0xC0 | (code >> 6));
    put(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    put(0xE0 | (code >> 12));
    put(0x80 | ((code >> 6) & 0x3F));
    put(0x80 | (code & 0x3F));
  } else {
    put(0xF0 | (code >> 18));
    put(0x80 | ((code >> 12) & 0x3F));
    put(0x80 | ((code >> 6) & 0x3F));
    put(0x80 | (code & 0x3F));
  }
}

// At a byte >= 0x80: one well-formed UTF-8 character of two to four bytes
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
bool JsonReader::skipUtf8Character() {
  const unsigned char lead = byte(*p_);
  unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
  long length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return false;
  }
  if (end_ - p_ < length || byte(p_[1]) < low || byte(p_[1]) > high) return false;
  for (long i = 2; i < length; ++i) {
    if ((byte(p_[i]) & 0xC0) != 0x80) return false;
  }
  p_ += length;
  return true;
}

// -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool JsonReader::readNumber(JsonScalar& out) {
  const char* begin = p_;
  const bool negative = at('-');
  if (negative) ++p_;
  const char* digits = p_;
  if (at('0')) {
    ++p_;
  } else if (!skipDigits()) {
    return false;
  }
  bool integral = true;
  if (at('.')) {
    ++p_;
    integral = false;
    if (!skipDigits()) return false;
  }
  if (at('e') || at('E')) {
    ++p_;
    integral = false;
    if (at('+') || at('-')) ++p_;
    if (!skipDigits()) return false;
  }
  if (integral) {
    const std::optional<uint64_t> magnitude = parseMagnitude(digits, p_);
    const uint64_t limit = negative ? uint64_t{1} << 63 : std::numeric_limits<uint64_t>::max();
    if (magnitude && *magnitude <= limit) {
      // As the int64 or uint64 converts to double ("-0" is the integer 0).
      const double value = static_cast<double>(*magnitude);
      out.type = JsonType::Integer;
      out.number = negative && value != 0 ? -value : value;
      return true;
    }
  }
  out.type = JsonType::Number;
  return parseDouble(begin, p_, out.number);
}

// One or more digits.
bool JsonReader::skipDigits() {
  const char* begin = p_;
  while (p_ != end_ && isDigit(*p_)) ++p_;
  return p_ != begin;
}

bool JsonReader::readLiteral(std::string_view word) {
  if (static_cast<size_t>(end_ - p_) < word.size() ||
      std::memcmp(p_, word.data(), word.size()) != 0) {
    return false;
  }
  p_ += word.size();
  return true;
}

void JsonReader::skipWhitespace() {
  while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

}  // namespace pathway::runtime
