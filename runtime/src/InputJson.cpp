#include "InputJson.h"

#include <algorithm>
#include <cerrno>
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

// "6 weeks", "6weeks", "40 %" -> value and unit; throws PW_ERR_TYPE.
void parseQuantityText(const InputSchema& in, const std::string& text, double& value,
                       std::string& unit) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  value = std::strtod(begin, &end);
  if (end == begin || errno == ERANGE) {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is a quantity in {}; \"{}\" is not a "
                                         "number followed by a unit",
                                         in.name, in.unit, text));
  }
  std::string_view rest(end);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) {
    throw Error(PW_ERR_UNIT, fmt::format("input '{}': \"{}\" has no unit (expected e.g. \"{} "
                                         "{}\")",
                                         in.name, text, value, in.unit));
  }
  unit = std::string(rest);
}

void setQuantity(pw_input& input, uint32_t index, const JsonValue& value) {
  const InputSchema& in = input.schemaOf(index);
  if (isNumber(value)) return input.setNumber(index, value.number);
  double amount = 0;
  std::string unit;
  if (value.type == JsonType::String) {
    parseQuantityText(in, std::string(value.text), amount, unit);
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
// their keys, the last of repeated keys only.
std::vector<JsonMember> inKeyOrder(const std::vector<JsonMember>& members) {
  std::vector<JsonMember> sorted = members;
  auto byKey = [](const JsonMember& a, const JsonMember& b) { return a.key < b.key; };
  std::stable_sort(sorted.begin(), sorted.end(), byKey);
  std::vector<JsonMember> last;
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i + 1 == sorted.size() || sorted[i + 1].key != sorted[i].key) last.push_back(sorted[i]);
  }
  return last;
}

}  // namespace

void setInputFromJson(pw_input& input, std::string_view text) {
  thread_local JsonReader reader;
  if (!reader.read(text)) throwMalformed(text);
  if (reader.rootType() != JsonType::Object) {
    throw Error(PW_ERR_JSON, fmt::format("input JSON must be an object keyed by input name, "
                                         "got {}",
                                         jsonTypeName(reader.rootType())));
  }
  pw_input staged(*input.library);
  try {
    // In document order: for repeated keys the last value stays.
    setAll(staged, reader.members());
  } catch (const Error&) {
    // Again in key order, so that a document with several errors reports
    // the same one as always (or none, if the error was in a value that a
    // repeated key replaces).
    staged.clear();
    setAll(staged, inKeyOrder(reader.members()));
  }
  // Copied, not swapped: pointers from pw_input_rows stay valid.
  std::copy(staged.values.begin(), staged.values.end(), input.values.begin());
  std::copy(staged.known.begin(), staged.known.end(), input.known.begin());
}

}  // namespace pathway::runtime
