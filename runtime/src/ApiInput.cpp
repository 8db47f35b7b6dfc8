// The C API for inputs.
#include <memory>

#include <fmt/format.h>

#include "Error.h"
#include "Input.h"
#include "InputJson.h"

using namespace pathway::runtime;

namespace {

// Runs `set` on a non-null input.
template <typename Set>
pw_status withInput(pw_input* input, Set&& set) {
  return guard([&] {
    requireNonNull(input, "input");
    set(*input);
  });
}

}  // namespace

extern "C" {

pw_status pw_input_new(const pw_library* library, pw_input** out) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(out, "out");
    *out = std::make_unique<pw_input>(*library).release();
  });
}

void pw_input_free(pw_input* input) { delete input; }

pw_status pw_input_clear(pw_input* input) {
  return withInput(input, [](pw_input& in) { in.clear(); });
}

pw_status pw_input_set_bool(pw_input* input, uint32_t index, int value) {
  return withInput(input, [&](pw_input& in) { in.setBool(index, value != 0); });
}

pw_status pw_input_set_int(pw_input* input, uint32_t index, int64_t value) {
  return withInput(input, [&](pw_input& in) { in.setInt(index, value); });
}

pw_status pw_input_set_number(pw_input* input, uint32_t index, double value) {
  return withInput(input, [&](pw_input& in) { in.setNumber(index, value); });
}

pw_status pw_input_set_enum(pw_input* input, uint32_t index, const char* label) {
  return withInput(input, [&](pw_input& in) {
    requireNonNull(label, "label");
    in.setEnum(index, label);
  });
}

pw_status pw_input_set_enum_index(pw_input* input, uint32_t index, uint32_t label) {
  return withInput(input, [&](pw_input& in) { in.setEnumIndex(index, label); });
}

pw_status pw_input_set_quantity(pw_input* input, uint32_t index, double value,
                                const char* unit) {
  return withInput(input, [&](pw_input& in) {
    requireNonNull(unit, "unit");
    in.setQuantity(index, value, unit);
  });
}

pw_status pw_input_set_unknown(pw_input* input, uint32_t index) {
  return withInput(input, [&](pw_input& in) { in.setUnknown(index); });
}

pw_status pw_input_set_json(pw_input* input, const char* text, size_t length) {
  return withInput(input, [&](pw_input& in) {
    requireNonNull(text, "text");
    setInputFromJson(in, {text, length});
  });
}

pw_status pw_input_get(const pw_input* input, uint32_t index, int* known, double* value) {
  return guard([&] {
    requireNonNull(input, "input");
    requireNonNull(known, "known");
    requireNonNull(value, "value");
    input->schemaOf(index);
    *known = input->known[index];
    *value = input->values[index];
  });
}

pw_status pw_input_rows(const pw_input* input, const double** values, const uint8_t** known) {
  return guard([&] {
    requireNonNull(input, "input");
    requireNonNull(values, "values");
    requireNonNull(known, "known");
    // Never NULL, even for a pathway without inputs.
    static const double noValue = 0.0;
    static const uint8_t noKnown = 0;
    *values = input->values.empty() ? &noValue : input->values.data();
    *known = input->known.empty() ? &noKnown : input->known.data();
  });
}

pw_status pw_library_convert_quantities(const pw_library* library, uint32_t index,
                                       const char* unit, size_t count, const double* values,
                                       double* out) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(unit, "unit");
    const auto& inputs = library->schema.inputs;
    if (index >= inputs.size()) {
      throw Error(PW_ERR_ARGUMENT, fmt::format("input index {} is out of range (the pathway has {})",
                                               index, inputs.size()));
    }
    const InputSchema& in = inputs[index];
    const pathway::units::Unit& from = unitFor(in, unit);
    if (count == 0) return;
    requireNonNull(values, "values");
    requireNonNull(out, "out");
    for (size_t i = 0; i < count; ++i) out[i] = pathway::units::convert(values[i], from, *in.unitEntry);
  });
}

}  // extern "C"
