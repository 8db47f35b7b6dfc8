// pw_input_set_row: every input of a patient from one row of values, checked
// as strictly as the setters, all or nothing.
#include <cmath>
#include <limits>
#include <mutex>

#include <fmt/format.h>

#include "Error.h"
#include "Input.h"

using pathway::runtime::Error;
using pathway::runtime::InputSchema;

namespace {

const char* kindText(pw_input_kind kind) {
  switch (kind) {
    case PW_INPUT_BOOL: return "a bool";
    case PW_INPUT_INT: return "an int";
    case PW_INPUT_NUMBER: return "a number";
    case PW_INPUT_ENUM: return "an enum";
    case PW_INPUT_QUANTITY: return "a quantity";
  }
  return "an input";
}

[[noreturn]] void badValue(uint32_t index, const InputSchema& in, double value,
                           const std::string& rule) {
  throw Error(PW_ERR_RANGE, fmt::format("values[{}] (input '{}', {}) is {}; {}", index, in.name,
                                        kindText(in.kind), value, rule));
}

std::string rangeText(const InputSchema& in) {
  std::string range = fmt::format("{}..{}", in.min ? fmt::format("{}", *in.min) : "",
                                  in.max ? fmt::format("{}", *in.max) : "");
  if (in.kind == PW_INPUT_QUANTITY) range += " " + in.unit;
  return range;
}

// Throws unless `value` is a value the setters would store for `in`.
void checkValue(uint32_t index, const InputSchema& in, double value) {
  if (!std::isfinite(value)) badValue(index, in, value, "a known value must be finite");
  switch (in.kind) {
    case PW_INPUT_BOOL:
      if (value != 0.0 && value != 1.0) badValue(index, in, value, "a bool is 0 or 1");
      return;
    case PW_INPUT_ENUM:
      if (value != std::trunc(value) || value < 0 || value >= static_cast<double>(in.labels.size())) {
        badValue(index, in, value,
                 fmt::format("an enum value is a label index, 0 to {} ({})", in.labels.size() - 1,
                             in.enumName));
      }
      return;
    case PW_INPUT_INT:
      if (value != std::trunc(value)) badValue(index, in, value, "not an integer");
      break;
    case PW_INPUT_NUMBER:
    case PW_INPUT_QUANTITY:
      break;
  }
  if ((in.min && value < *in.min) || (in.max && value > *in.max)) {
    badValue(index, in, value, fmt::format("it must be in {}", rangeText(in)));
  }
}

// Per input {lowest, highest, integral}: a known value v is accepted when
// lowest <= v <= highest, v is finite, and v is integral if asked; the same
// rules as checkValue, as three numbers so that a whole row is checked
// without a branch per input.
const std::vector<double>& rowBounds(const pw_library& library) {
  std::call_once(library.rowBoundsOnce, [&] {
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<double> bounds;
    for (const InputSchema& in : library.schema.inputs) {
      double lo = in.min ? *in.min : -kInf;
      double hi = in.max ? *in.max : kInf;
      double integral = in.kind == PW_INPUT_INT ? 1 : 0;
      if (in.kind == PW_INPUT_BOOL) {
        lo = 0, hi = 1, integral = 1;
      } else if (in.kind == PW_INPUT_ENUM) {
        lo = 0, hi = static_cast<double>(in.labels.size()) - 1, integral = 1;
      }
      bounds.insert(bounds.end(), {lo, hi, integral});
    }
    library.rowBounds = std::move(bounds);
  });
  return library.rowBounds;
}

// Branch free: true for a finite v inside [lo, hi] that is integral when
// `integral` is 1 (NaN fails the comparisons; |v| >= 2^52 is integral, and
// below it adding and subtracting 2^52 rounds to an integer).
inline bool accepted(double v, double lo, double hi, double integral) {
  constexpr double kTwo52 = 4503599627370496.0;
  const double a = std::fabs(v);
  const bool finite = (v - v) == 0;
  const bool isIntegral = (a >= kTwo52) | (((a + kTwo52) - kTwo52) == a);
  return finite & (v >= lo) & (v <= hi) & ((integral == 0) | isIntegral);
}

// Whether every known value of the row is accepted; one pass, no branch per
// input.
bool rowAccepted(const double* __restrict bounds, uint32_t count,
                 const double* __restrict values, const uint8_t* __restrict known) {
  bool good = true;
  if (known != nullptr) {
    for (uint32_t i = 0; i < count; ++i) {
      good &= (known[i] == 0) | accepted(values[i], bounds[3 * i], bounds[3 * i + 1], bounds[3 * i + 2]);
    }
  } else {
    for (uint32_t i = 0; i < count; ++i) {
      const double v = values[i];
      good &= (v != v) | accepted(v, bounds[3 * i], bounds[3 * i + 1], bounds[3 * i + 2]);
    }
  }
  return good;
}

// Stores the row: unknown inputs are value 0, known 0.
void storeRow(uint32_t count, const double* __restrict values, const uint8_t* __restrict known,
              double* __restrict outValues, uint8_t* __restrict outKnown) {
  if (known != nullptr) {
    for (uint32_t i = 0; i < count; ++i) {
      const bool isKnown = known[i] != 0;
      outValues[i] = isKnown ? values[i] : 0.0;
      outKnown[i] = isKnown;
    }
  } else {
    for (uint32_t i = 0; i < count; ++i) {
      const double v = values[i];
      const bool isKnown = v == v;
      outValues[i] = isKnown ? v : 0.0;
      outKnown[i] = isKnown;
    }
  }
}

}  // namespace

extern "C" {

pw_status pw_input_set_row(pw_input* input, const double* values, const uint8_t* known) {
  return pathway::runtime::guard([&] {
    pathway::runtime::requireNonNull(input, "input");
    const auto& inputs = input->library->schema.inputs;
    const uint32_t count = static_cast<uint32_t>(inputs.size());
    if (count == 0) return;
    pathway::runtime::requireNonNull(values, "values");
    if (!rowAccepted(rowBounds(*input->library).data(), count, values, known)) {
      // The message comes from the first refused value, in input order.
      for (uint32_t i = 0; i < count; ++i) {
        const bool isKnown = known != nullptr ? known[i] != 0 : !std::isnan(values[i]);
        if (isKnown) checkValue(i, inputs[i], values[i]);
      }
      throw Error(PW_ERR_INTERNAL, "pw_input_set_row refused a row that every check accepts");
    }
    storeRow(count, values, known, input->values.data(), input->known.data());
    input->evidence.reset();
  });
}

}  // extern "C"
