#include "Input.h"

#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "Error.h"
#include "Suggest.h"

using pathway::runtime::Error;
using pathway::runtime::InputSchema;

namespace {

const char* kindName(pw_input_kind kind) {
  switch (kind) {
    case PW_INPUT_BOOL: return "a bool";
    case PW_INPUT_INT: return "an int";
    case PW_INPUT_NUMBER: return "a number";
    case PW_INPUT_ENUM: return "an enum";
    case PW_INPUT_QUANTITY: return "a quantity";
  }
  return "an input";
}

[[noreturn]] void wrongType(const InputSchema& in, const char* given) {
  std::string message = fmt::format("input '{}' is {}", in.name, kindName(in.kind));
  if (in.kind == PW_INPUT_QUANTITY) message += fmt::format(" in {}", in.unit);
  if (in.kind == PW_INPUT_ENUM) message += fmt::format(" ({})", in.enumName);
  throw Error(PW_ERR_TYPE, message + fmt::format("; cannot set it to {}", given));
}

void requireKind(const InputSchema& in, std::initializer_list<pw_input_kind> kinds,
                 const char* given) {
  for (pw_input_kind kind : kinds) {
    if (in.kind == kind) return;
  }
  wrongType(in, given);
}

}  // namespace

const InputSchema& pw_input::schemaOf(uint32_t index) const {
  const auto& inputs = library->schema.inputs;
  if (index >= inputs.size()) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("input index {} is out of range (the pathway has "
                                             "{} inputs)",
                                             index, inputs.size()));
  }
  return inputs[index];
}

void pw_input::clear() {
  std::fill(values.begin(), values.end(), 0.0);
  std::fill(known.begin(), known.end(), uint8_t{0});
  evidence.reset();
}

void pw_input::dropEvidenceSlow(uint32_t index) {
  auto copy = std::make_shared<pathway::runtime::EvidenceTable>(*evidence);
  (*copy)[index].reset();
  evidence = std::move(copy);
}

void pw_input::store(uint32_t index, double value) {
  const InputSchema& in = schemaOf(index);
  if (!std::isfinite(value)) {
    throw Error(PW_ERR_RANGE, fmt::format("input '{}' must be finite, got {}", in.name, value));
  }
  const char* unit = in.kind == PW_INPUT_QUANTITY ? in.unit.c_str() : "";
  const char* space = in.kind == PW_INPUT_QUANTITY ? " " : "";
  if ((in.min && value < *in.min) || (in.max && value > *in.max)) {
    std::string range = fmt::format("{}..{}", in.min ? fmt::format("{}", *in.min) : "",
                                    in.max ? fmt::format("{}", *in.max) : "");
    throw Error(PW_ERR_RANGE, fmt::format("input '{}' must be in {}{}{}, got {}{}{}", in.name,
                                          range, space, unit, value, space, unit));
  }
  values[index] = value;
  known[index] = 1;
  dropEvidence(index);
}

void pw_input::setBool(uint32_t index, bool value) {
  requireKind(schemaOf(index), {PW_INPUT_BOOL}, "a bool");
  store(index, value ? 1.0 : 0.0);
}

void pw_input::setInt(uint32_t index, int64_t value) {
  requireKind(schemaOf(index), {PW_INPUT_INT, PW_INPUT_NUMBER, PW_INPUT_QUANTITY}, "an int");
  store(index, static_cast<double>(value));
}

void pw_input::setNumber(uint32_t index, double value) {
  const InputSchema& in = schemaOf(index);
  requireKind(in, {PW_INPUT_INT, PW_INPUT_NUMBER, PW_INPUT_QUANTITY}, "a number");
  if (in.kind == PW_INPUT_INT && std::isfinite(value) && value != std::trunc(value)) {
    throw Error(PW_ERR_RANGE,
                fmt::format("input '{}' is an int; {} is not an integer", in.name, value));
  }
  store(index, value);
}

void pw_input::setEnum(uint32_t index, std::string_view label) {
  const InputSchema& in = schemaOf(index);
  requireKind(in, {PW_INPUT_ENUM}, "an enum label");
  for (uint32_t i = 0; i < in.labels.size(); ++i) {
    if (in.labels[i] == label) return store(index, i);
  }
  throw Error(PW_ERR_NOT_FOUND,
              fmt::format("{} is not a label of {} (input '{}'); labels: {}{}", pathway::runtime::quoted(label),
                          in.enumName, in.name, fmt::join(in.labels, ", "),
                          pathway::runtime::didYouMean(label, in.labels)));
}

void pw_input::setEnumIndex(uint32_t index, uint32_t label) {
  const InputSchema& in = schemaOf(index);
  requireKind(in, {PW_INPUT_ENUM}, "an enum label index");
  if (label >= in.labels.size()) {
    throw Error(PW_ERR_RANGE, fmt::format("input '{}' ({}) has {} labels; index {} is out of "
                                          "range",
                                          in.name, in.enumName, in.labels.size(), label));
  }
  store(index, label);
}

const pathway::units::Unit& pathway::runtime::unitFor(const InputSchema& in,
                                                       std::string_view unit) {
  requireKind(in, {PW_INPUT_QUANTITY}, "a quantity");
  const pathway::units::Unit* from = pathway::units::find(unit);
  if (from == nullptr) {
    throw Error(PW_ERR_UNIT, fmt::format("unknown unit '{}' for input '{}' (in {})", unit,
                                         in.name, in.unit));
  }
  if (from->dimension != in.dimension) {
    throw Error(PW_ERR_UNIT,
                fmt::format("input '{}' is a {} in {}; '{}' is a unit of {}", in.name,
                            in.dimension, in.unit, unit, from->dimension));
  }
  return *from;
}

void pw_input::setQuantity(uint32_t index, double value, std::string_view unit) {
  const InputSchema& in = schemaOf(index);
  const pathway::units::Unit& from = pathway::runtime::unitFor(in, unit);
  if (!std::isfinite(value)) {
    throw Error(PW_ERR_RANGE, fmt::format("input '{}' must be finite, got {}", in.name, value));
  }
  store(index, pathway::units::convert(value, from, *in.unitEntry));
}

void pw_input::setUnknown(uint32_t index) {
  schemaOf(index);
  values[index] = 0.0;
  known[index] = 0;
  dropEvidence(index);
}
