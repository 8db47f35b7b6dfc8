#include "InputJson.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "Error.h"
#include "JsonReader.h"
#include "Schema.h"

namespace pathway::runtime {
namespace {

using Json = nlohmann::json;

const char* jsonTypeName(JsonType type) {
  switch (type) {
    case JsonType::Boolean: return "a JSON boolean";
    case JsonType::Integer: return "a JSON integer";
    case JsonType::Number: return "a JSON number";
    case JsonType::String: return "a JSON string";
    case JsonType::Array: return "a JSON array";
    case JsonType::Object: return "a JSON object";
    case JsonType::Null: break;
  }
  return "a JSON value";
}

bool isNumber(const JsonScalar& value) {
  return value.type == JsonType::Integer || value.type == JsonType::Number;
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: ..." ->
// "parse error at line 1, column 5: ...".
std::string withoutExceptionId(const Json::exception& error) {
  std::string message = error.what();
  const size_t bracket = message.find("] ");
  if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  return message;
}

// The reader found `text` malformed; nlohmann::json says where and why.
[[noreturn]] void throwMalformed(std::string_view text) {
  try {
    [[maybe_unused]] const Json document = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    throw Error(PW_ERR_JSON, fmt::format("malformed input JSON (byte {}): {}", error.byte,
                                         withoutExceptionId(error)));
  } catch (const Json::out_of_range& error) {  // a number beyond the range of double
    throw Error(PW_ERR_JSON, "malformed input JSON: " + withoutExceptionId(error));
  }
  throw Error(PW_ERR_INTERNAL, "the input JSON reader rejected a document that "
                               "nlohmann::json accepts");
}

// A patient string as a message quotes it: control characters (a NUL
// would cut the C API's message) written as \u00XX, as JSON writes them.
std::string printable(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\u{:04X}", byte);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The length of the JSON number (RFC 8259: -?(0|[1-9][0-9]*)(.[0-9]+)?
// ([eE][+-]?[0-9]+)?) at the start of `text`; 0 when there is none. No
// leading '+', '.' or space, no hex, no inf or nan: what strtod accepts
// beyond this is refused.
size_t jsonNumberLength(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  const size_t integer = i;
  const size_t intDigits = digits();
  if (intDigits == 0 || (intDigits > 1 && text[integer] == '0')) return 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (digits() == 0) return 0;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    const size_t mark = i++;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    // "6 e" is not an exponent: "6e" followed by a unit letter backs off.
    if (digits() == 0) i = mark;
  }
  return i;
}

// "6 weeks", "6weeks", "40 %" -> value and unit: a JSON number, optional
// spaces, a unit of printable characters. Throws PW_ERR_TYPE or PW_ERR_UNIT.
void parseQuantityText(const InputSchema& in, std::string_view text, double& value,
                       std::string& unit) {
  const size_t length = jsonNumberLength(text);
  // Right after the number, a digit, point, sign or 'x' means the text was
  // some other number syntax ("0x10", "1.2.3"), not a number and a unit.
  const bool runsOn = length < text.size() && std::string_view("0123456789.+-xX").find(text[length]) !=
                                                  std::string_view::npos;
  if (length == 0 || runsOn) {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is a quantity in {}; \"{}\" is not a "
                                         "number followed by a unit (write a decimal number "
                                         "and a unit, as in \"6 {}\")",
                                         in.name, in.unit, printable(text), in.unit));
  }
  const std::string number(text.substr(0, length));
  errno = 0;
  value = std::strtod(number.c_str(), nullptr);
  if (errno == ERANGE && !std::isfinite(value)) {
    throw Error(PW_ERR_RANGE, fmt::format("input '{}': the number in \"{}\" is too large for a "
                                          "double",
                                          in.name, printable(text)));
  }
  std::string_view rest = text.substr(length);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) {
    throw Error(PW_ERR_UNIT, fmt::format("input '{}': \"{}\" has no unit (expected e.g. \"{} "
                                         "{}\")",
                                         in.name, printable(text), value, in.unit));
  }
  if (std::any_of(rest.begin(), rest.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
      })) {
    throw Error(PW_ERR_UNIT, fmt::format("input '{}': the unit in \"{}\" contains a control "
                                         "character",
                                         in.name, printable(text)));
  }
  unit = std::string(rest);
}

void setQuantity(pw_input& input, uint32_t index, const JsonValue& value) {
  const InputSchema& in = input.schemaOf(index);
  if (isNumber(value)) return input.setNumber(index, value.number);
  double amount = 0;
  std::string unit;
  if (value.type == JsonType::String) {
    parseQuantityText(in, value.text, amount, unit);
  } else if (value.type == JsonType::Object) {
    if (value.unexpectedKey) {
      throw Error(PW_ERR_TYPE, fmt::format("input '{}': unexpected key \"{}\" in a quantity "
                                           "(use {{\"value\": ..., \"unit\": ...}})",
                                           in.name, *value.unexpectedKey));
    }
    const std::optional<JsonScalar>& v = value.quantityValue;
    const std::optional<JsonScalar>& u = value.quantityUnit;
    if (!v || !isNumber(*v) || !u || u->type != JsonType::String) {
      throw Error(PW_ERR_TYPE, fmt::format("input '{}': a quantity object needs a numeric "
                                           "\"value\" and a string \"unit\"",
                                           in.name));
    }
    amount = v->number;
    unit = u->text;
  } else {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is a quantity in {}; got {}", in.name,
                                         in.unit, jsonTypeName(value.type)));
  }
  input.setQuantity(index, amount, unit);
}

void setOne(pw_input& input, uint32_t index, const JsonValue& value) {
  const InputSchema& in = input.schemaOf(index);
  if (value.type == JsonType::Null) return input.setUnknown(index);
  auto mismatch = [&](const char* expected) {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is {}; got {}", in.name, expected,
                                         jsonTypeName(value.type)));
  };
  switch (in.kind) {
    case PW_INPUT_BOOL:
      if (value.type != JsonType::Boolean) mismatch("a bool (true or false)");
      return input.setBool(index, value.boolean);
    case PW_INPUT_INT:
      if (!isNumber(value)) mismatch("an int");
      return input.setNumber(index, value.number);
    case PW_INPUT_NUMBER:
      if (!isNumber(value)) mismatch("a number");
      return input.setNumber(index, value.number);
    case PW_INPUT_ENUM:
      if (value.type != JsonType::String) mismatch(("an enum label of " + in.enumName).c_str());
      return input.setEnum(index, value.text);
    case PW_INPUT_QUANTITY: return setQuantity(input, index, value);
  }
}

// The index of the input named `key`; throws PW_ERR_NOT_FOUND with the
// closest name.
uint32_t inputIndex(const Schema& schema, std::string_view key) {
  if (std::optional<uint32_t> index = schema.inputTable.find(key)) return *index;
  return findByName(schema.inputNames, key, "input");
}

void setAll(pw_input& input, const std::vector<JsonMember>& members) {
  for (const JsonMember& member : members) {
    setOne(input, inputIndex(input.library->schema, member.key), member.value);
  }
}

// The members as nlohmann::json's std::map holds them: in the byte order of
// their keys (which are distinct: rejectDuplicates ran first).
std::vector<JsonMember> inKeyOrder(const std::vector<JsonMember>& members) {
  std::vector<JsonMember> sorted = members;
  auto byKey = [](const JsonMember& a, const JsonMember& b) { return a.key < b.key; };
  std::sort(sorted.begin(), sorted.end(), byKey);
  return sorted;
}

// "line 2, column 5" for a byte offset (1-based, columns in bytes, as in
// nlohmann::json's messages).
std::string position(std::string_view text, size_t offset) {
  size_t line = 1, lineStart = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      lineStart = i + 1;
    }
  }
  return fmt::format("line {}, column {}", line, offset - lineStart + 1);
}

[[noreturn]] void throwDuplicate(std::string_view text, std::string_view where, const JsonDuplicate& d) {
  throw Error(PW_ERR_JSON, fmt::format("duplicate key \"{}\"{} at {} and {}: give each key once",
                                       d.key, where, position(text, d.first), position(text, d.second)));
}

// A key given twice is an error, never "the last one wins": for clinical
// input that would be a silent guess. Repeated unknown keys are left to the
// unknown-key error.
void rejectDuplicates(const Schema& schema, std::string_view text, const std::vector<JsonMember>& members) {
  thread_local std::vector<size_t> seen;  // per input: 1 + the member that set it, or 0
  seen.assign(schema.inputNames.size(), 0);
  for (size_t m = 0; m < members.size(); ++m) {
    const JsonMember& member = members[m];
    if (std::optional<uint32_t> index = schema.inputTable.find(member.key)) {
      if (seen[*index] != 0) {
        throwDuplicate(text, "", {member.key, members[seen[*index] - 1].offset, member.offset});
      }
      seen[*index] = m + 1;
    }
    if (member.value.duplicate) {
      throwDuplicate(text, fmt::format(" in the quantity of input '{}'", member.key), *member.value.duplicate);
    }
  }
}

// nlohmann::json reads a document with a NUL byte as ending at the NUL and
// ignores the rest; only a single NUL at the very end (a C string's
// terminator) may be passed here.
void rejectInnerNul(std::string_view text) {
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos && nul + 1 != text.size()) {
    throw Error(PW_ERR_JSON, fmt::format("malformed input JSON (byte {}): a NUL byte at {} inside the "
                                         "document (only a terminating NUL may end it)",
                                         nul + 1, position(text, nul)));
  }
}

}  // namespace

void setInputFromJson(pw_input& input, std::string_view text) {
  thread_local JsonReader reader;
  rejectInnerNul(text);
  if (!reader.read(text)) throwMalformed(text);
  if (reader.rootType() != JsonType::Object) {
    throw Error(PW_ERR_JSON, fmt::format("input JSON must be an object keyed by input name, "
                                         "got {}",
                                         jsonTypeName(reader.rootType())));
  }
  rejectDuplicates(input.library->schema, text, reader.members());
  pw_input staged(*input.library);
  try {
    setAll(staged, reader.members());
  } catch (const Error&) {
    // Again in key order, so that a document with several errors reports
    // the same one as always.
    staged.clear();
    setAll(staged, inKeyOrder(reader.members()));
  }
  // Copied, not swapped: pointers from pw_input_rows stay valid.
  std::copy(staged.values.begin(), staged.values.end(), input.values.begin());
  std::copy(staged.known.begin(), staged.known.end(), input.known.begin());
  input.evidence.reset();
}

}  // namespace pathway::runtime
