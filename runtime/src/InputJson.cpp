#include "InputJson.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "Error.h"
#include "Schema.h"

namespace pathway::runtime {
namespace {

using Json = nlohmann::json;

const char* jsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::boolean: return "a JSON boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "a JSON integer";
    case Json::value_t::number_float: return "a JSON number";
    case Json::value_t::string: return "a JSON string";
    case Json::value_t::array: return "a JSON array";
    case Json::value_t::object: return "a JSON object";
    default: return "a JSON value";
  }
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

void setQuantity(pw_input& input, uint32_t index, const Json& value) {
  const InputSchema& in = input.schemaOf(index);
  if (value.is_number()) return input.setNumber(index, value.get<double>());
  double amount = 0;
  std::string unit;
  if (value.is_string()) {
    parseQuantityText(in, value.get<std::string>(), amount, unit);
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (key != "value" && key != "unit") {
        throw Error(PW_ERR_TYPE, fmt::format("input '{}': unexpected key \"{}\" in a quantity "
                                             "(use {{\"value\": ..., \"unit\": ...}})",
                                             in.name, key));
      }
    }
    auto v = value.find("value");
    auto u = value.find("unit");
    if (v == value.end() || !v->is_number() || u == value.end() || !u->is_string()) {
      throw Error(PW_ERR_TYPE, fmt::format("input '{}': a quantity object needs a numeric "
                                           "\"value\" and a string \"unit\"",
                                           in.name));
    }
    amount = v->get<double>();
    unit = u->get<std::string>();
  } else {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is a quantity in {}; got {}", in.name,
                                         in.unit, jsonTypeName(value)));
  }
  input.setQuantity(index, amount, unit);
}

void setOne(pw_input& input, uint32_t index, const Json& value) {
  const InputSchema& in = input.schemaOf(index);
  if (value.is_null()) return input.setUnknown(index);
  auto mismatch = [&](const char* expected) {
    throw Error(PW_ERR_TYPE, fmt::format("input '{}' is {}; got {}", in.name, expected,
                                         jsonTypeName(value)));
  };
  switch (in.kind) {
    case PW_INPUT_BOOL:
      if (!value.is_boolean()) mismatch("a bool (true or false)");
      return input.setBool(index, value.get<bool>());
    case PW_INPUT_INT:
      if (!value.is_number()) mismatch("an int");
      if (value.is_number_integer() && !value.is_number_unsigned()) {
        return input.setInt(index, value.get<int64_t>());
      }
      return input.setNumber(index, value.get<double>());
    case PW_INPUT_NUMBER:
      if (!value.is_number()) mismatch("a number");
      return input.setNumber(index, value.get<double>());
    case PW_INPUT_ENUM:
      if (!value.is_string()) mismatch(("an enum label of " + in.enumName).c_str());
      return input.setEnum(index, value.get<std::string>());
    case PW_INPUT_QUANTITY: return setQuantity(input, index, value);
  }
}

// "[json.exception.parse_error.101] parse error at line 1, column 5: ..." ->
// "parse error at line 1, column 5: ...".
std::string parseMessage(const Json::parse_error& error) {
  std::string message = error.what();
  const size_t bracket = message.find("] ");
  if (message.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  return message;
}

}  // namespace

void setInputFromJson(pw_input& input, std::string_view text) {
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& error) {
    throw Error(PW_ERR_JSON, fmt::format("malformed input JSON (byte {}): {}", error.byte,
                                         parseMessage(error)));
  }
  if (!root.is_object()) {
    throw Error(PW_ERR_JSON, fmt::format("input JSON must be an object keyed by input name, "
                                         "got {}",
                                         jsonTypeName(root)));
  }
  pw_input staged(*input.library);
  for (const auto& [key, value] : root.items()) {
    const uint32_t index = findByName(input.library->schema.inputNames, key, "input");
    setOne(staged, index, value);
  }
  // Copied, not swapped: pointers from pw_input_rows stay valid.
  std::copy(staged.values.begin(), staged.values.end(), input.values.begin());
  std::copy(staged.known.begin(), staged.known.end(), input.known.begin());
}

}  // namespace pathway::runtime
