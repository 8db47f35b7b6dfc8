// A single-pass reader for the patient documents of pw_input_set_json: a
// root object whose members are scalars, arrays, or objects that may be
// quantities ({"value": ..., "unit": ...}). It accepts exactly what
// nlohmann::json accepts (RFC 8259 with UTF-8 checked in strings, a leading
// byte order mark skipped, and one NUL byte after the root value taken as the
// end of the text), at any nesting depth without recursion,
// but only says whether a document is well formed: for the message of a
// malformed one, ask nlohmann::json.
#ifndef PATHWAY_RUNTIME_JSONREADER_H
#define PATHWAY_RUNTIME_JSONREADER_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathway::runtime {

// Integer: no fraction or exponent, and fits int64 (negative) or uint64, as
// nlohmann::json tells them apart; any other number is a Number.
enum class JsonType { Null, Boolean, Integer, Number, String, Array, Object };

struct JsonScalar {
  JsonType type = JsonType::Null;
  bool boolean = false;
  double number = 0;      // Integer and Number
  std::string_view text;  // String, unescaped
};

// A member's value. Of an object, what a quantity needs: its last "value" and
// "unit" members and its first other key in byte order.
// A key given twice in one object: the byte offsets of both.
struct JsonDuplicate {
  std::string_view key;
  size_t first = 0, second = 0;
};

struct JsonValue : JsonScalar {
  std::optional<JsonScalar> quantityValue, quantityUnit;
  size_t quantityValueAt = 0, quantityUnitAt = 0;  // offsets of their keys
  std::optional<std::string_view> unexpectedKey;
  std::optional<JsonDuplicate> duplicate;  // the first "value" or "unit" given twice
};

struct JsonMember {
  // Only what a new member needs is written (no zeroing of the whole value).
  JsonMember(std::string_view name, size_t at) : key(name), offset(at) {}

  std::string_view key;  // unescaped
  size_t offset;         // of the key's opening quote in the text
  JsonValue value;
};

class JsonReader {
 public:
  // Reads `text`; false when it is not well-formed JSON. Views in the
  // results point into `text` or into this reader, until the next read.
  bool read(std::string_view text);

  JsonType rootType() const { return root_.type; }
  // The root object's members in document order, duplicate keys included.
  const std::vector<JsonMember>& members() const { return members_; }

 private:
  template <typename ReadMember>
  bool readObject(ReadMember&& readMember);
  bool readMemberValue(JsonValue& out);
  bool readScalar(JsonScalar& out);
  bool skipContainer();
  bool startElement();
  bool readKey(std::string_view& key);
  bool readString(std::string_view& out);
  void skipPlainBytes();
  bool decodeEscape();
  bool decodeUnicodeEscape();
  bool readHex4(uint32_t& code);
  void appendUtf8(uint32_t code);
  bool skipUtf8Character();
  bool readNumber(JsonScalar& out);
  bool skipDigits();
  bool readLiteral(std::string_view word);
  void skipWhitespace();
  bool at(char c) const { return p_ != end_ && *p_ == c; }

  const char* begin_ = nullptr;
  const char* p_ = nullptr;
  const char* end_ = nullptr;
  JsonScalar root_;
  std::vector<JsonMember> members_;
  // Strings with escapes, decoded. Reserved to the text's size (decoding
  // never lengthens), so views into it stay valid during a read.
  std::string unescaped_;
  // skipContainer's open containers, as their closing brackets.
  std::vector<char> closers_;
};

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_JSONREADER_H
