#include "Columns.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "Errors.h"

namespace pathway::python {
namespace {

// Patients per chunk: a multiple of 64, small enough for the chunk's input
// columns to stay in cache.
constexpr uint64_t kChunk = 4096;

// What a known value of one input must satisfy.
struct Rule {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool integral = false;
};

Rule ruleFor(const pw_input_info& in) {
  Rule rule;
  switch (in.kind) {
    case PW_INPUT_BOOL:
      rule = {0, 1, true};
      break;
    case PW_INPUT_ENUM:
      rule = {0, static_cast<double>(in.n_labels) - 1, true};
      break;
    case PW_INPUT_INT:
      rule.integral = true;
      [[fallthrough]];
    case PW_INPUT_NUMBER:
    case PW_INPUT_QUANTITY:
      if (in.has_min) rule.lo = in.min;
      if (in.has_max) rule.hi = in.max;
      break;
  }
  return rule;
}

bool accepts(const Rule& rule, double v) {
  return v >= rule.lo && v <= rule.hi && std::isfinite(v) && (!rule.integral || v == std::trunc(v));
}

// The error for a value that `accepts` rejected, worded as the runtime's
// setters word it.
[[noreturn]] void reject(const pw_input_info& in, uint32_t index, uint64_t row, double v) {
  if (!std::isfinite(v)) throw BadValue(PW_ERR_RANGE, index, row, fmt::format("input '{}' must be finite, got {}", in.name, v));
  switch (in.kind) {
    case PW_INPUT_BOOL:
      throw BadValue(PW_ERR_TYPE, index, row, fmt::format("input '{}' is a bool; got {}", in.name, v));
    case PW_INPUT_ENUM:
      throw BadValue(PW_ERR_NOT_FOUND, index, row, fmt::format("input '{}' is an enum ({}) of {} labels; {} is not a label index",
                                         in.name, in.enum_name, in.n_labels, v));
    case PW_INPUT_INT:
      if (v != std::trunc(v)) {
        throw BadValue(PW_ERR_RANGE, index, row, fmt::format("input '{}' is an int; {} is not an integer", in.name, v));
      }
      break;
    case PW_INPUT_NUMBER:
    case PW_INPUT_QUANTITY:
      break;
  }
  const bool quantity = in.kind == PW_INPUT_QUANTITY;
  const std::string unit = quantity ? std::string(" ") + in.unit : "";
  const std::string range = fmt::format("{}..{}", in.has_min ? fmt::format("{}", in.min) : "",
                                        in.has_max ? fmt::format("{}", in.max) : "");
  throw BadValue(PW_ERR_RANGE, index, row, fmt::format("input '{}' must be in {}{}, got {}{}", in.name, range, unit, v, unit));
}

// Buffers of one chunk in the column layout of <pathway/pathway.h>.
struct Chunk {
  pw_columns_layout layout = pw_columns_layout_init();
  std::vector<double> values;
  std::vector<uint64_t> known, truth, unknown, missing;
  std::vector<double> numbers;
  // Row layout, for Engine::Rows only.
  std::vector<double> rowValues, rowNumbers;
  std::vector<uint8_t> rowKnown, rowState;
  std::vector<uint64_t> rowMissing;
};

class Evaluator {
 public:
  Evaluator(const Library& library, const ColumnsRequest& request, ColumnsOutput& out)
      : lib_(library), req_(request), out_(out), info_(library.info()) {
    for (const pw_input_info& in : lib_.inputs()) rules_.push_back(ruleFor(in));
    for (const pw_definition_info& d : lib_.definitions()) {
      numberColumn_.push_back(d.type == PW_TYPE_NUMBER ? numberColumns_++ : -1);
    }
    maps_.resize(info_.n_recommendations);
    out_.missingSets.assign(info_.n_recommendations, {});
  }

  void run() {
    for (uint64_t start = 0; start < req_.count; start += kChunk) {
      const uint64_t count = std::min(kChunk, req_.count - start);
      check(pw_columns_layout_get(lib_.get(), count, &chunk_.layout));
      pack(start, count);
      if (req_.engine == Engine::Columns) {
        evaluateByColumns(count);
      } else {
        evaluateByRows(count);
      }
      unpack(start, count);
    }
  }

 private:
  void pack(uint64_t start, uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    chunk_.values.assign(l.values_size, 0.0);
    chunk_.known.assign(l.known_size, 0);
    for (uint32_t i = 0; i < info_.n_inputs; ++i) {
      const double* column = req_.values[i];
      if (column == nullptr) continue;
      column += start;
      const Rule& rule = rules_[i];
      double* values = chunk_.values.data() + i * l.lanes;
      uint64_t* known = chunk_.known.data() + i * l.words;
      for (uint64_t p = 0; p < count; ++p) {
        const double v = column[p];
        if (std::isnan(v)) continue;
        if (!accepts(rule, v)) reject(lib_.inputs()[i], i, start + p, v);
        values[p] = v;
        known[p / 64] |= uint64_t{1} << (p % 64);
      }
    }
  }

  void evaluateByColumns(uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    chunk_.truth.assign(l.state_size, 0);
    chunk_.unknown.assign(l.state_size, 0);
    chunk_.numbers.assign(l.numbers_size, 0.0);
    if (req_.missing) chunk_.missing.assign(l.missing_size, 0);
    check(pw_evaluate_columns(lib_.get(), count, chunk_.values.data(), chunk_.known.data(),
                              chunk_.truth.data(), chunk_.unknown.data(),
                              chunk_.numbers.empty() ? nullptr : chunk_.numbers.data(),
                              req_.missing ? chunk_.missing.data() : nullptr));
  }

  // The row entry point on the same chunk, its outputs then turned into the
  // column layout so that one unpacking serves both engines.
  void evaluateByRows(uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    const uint32_t ni = info_.n_inputs, ns = info_.n_slots, nr = info_.n_recommendations;
    const uint32_t mw = info_.mask_words;
    chunk_.rowValues.assign(count * ni, 0.0);
    chunk_.rowKnown.assign(count * ni, 0);
    chunk_.rowState.assign(count * ns, 0);
    chunk_.rowNumbers.assign(count * ns, 0.0);
    if (req_.missing) chunk_.rowMissing.assign(count * nr * mw, 0);
    for (uint32_t i = 0; i < ni; ++i) {
      for (uint64_t p = 0; p < count; ++p) {
        chunk_.rowValues[p * ni + i] = chunk_.values[i * l.lanes + p];
        chunk_.rowKnown[p * ni + i] = (chunk_.known[i * l.words + p / 64] >> (p % 64)) & 1;
      }
    }
    check(pw_evaluate_rows(lib_.get(), count, chunk_.rowValues.data(), chunk_.rowKnown.data(),
                           chunk_.rowState.data(), chunk_.rowNumbers.data(),
                           req_.missing ? chunk_.rowMissing.data() : nullptr));
    chunk_.truth.assign(l.state_size, 0);
    chunk_.unknown.assign(l.state_size, 0);
    chunk_.numbers.assign(l.numbers_size, 0.0);
    for (uint32_t s = 0; s < ns; ++s) {
      for (uint64_t p = 0; p < count; ++p) {
        const uint8_t state = chunk_.rowState[p * ns + s];
        const uint64_t bit = uint64_t{1} << (p % 64);
        if (state == PW_TRUE) chunk_.truth[s * l.words + p / 64] |= bit;
        if (state == PW_UNKNOWN) chunk_.unknown[s * l.words + p / 64] |= bit;
      }
    }
    for (uint32_t d = 0; d < info_.n_definitions; ++d) {
      if (numberColumn_[d] < 0) continue;
      const uint32_t slot = lib_.slotOfDefinition(d);
      for (uint64_t p = 0; p < count; ++p) {
        chunk_.numbers[numberColumn_[d] * l.lanes + p] = chunk_.rowNumbers[p * ns + slot];
      }
    }
    if (!req_.missing) return;
    chunk_.missing.assign(l.missing_size, 0);
    for (uint64_t p = 0; p < count; ++p) {
      for (uint32_t r = 0; r < nr; ++r) {
        for (uint32_t i = 0; i < ni; ++i) {
          if ((chunk_.rowMissing[(p * nr + r) * mw + i / 64] >> (i % 64)) & 1) {
            chunk_.missing[((p / 64) * nr + r) * ni + i] |= uint64_t{1} << (p % 64);
          }
        }
      }
    }
  }

  void unpack(uint64_t start, uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    const uint64_t* truth = chunk_.truth.data();
    const uint64_t* unknown = chunk_.unknown.data();
    for (uint32_t r = 0; r < info_.n_recommendations; ++r) {
      int8_t* status = out_.status[r] + start;
      for (uint64_t p = 0; p < count; ++p) {
        const uint64_t w = r * l.words + p / 64, bit = uint64_t{1} << (p % 64);
        status[p] = (unknown[w] & bit) ? 2 : (truth[w] & bit) ? 0 : 1;
      }
    }
    auto unpackTri = [&](uint32_t slot, uint8_t* value, uint8_t* isUnknown) {
      for (uint64_t p = 0; p < count; ++p) {
        const uint64_t w = slot * l.words + p / 64, bit = uint64_t{1} << (p % 64);
        isUnknown[start + p] = (unknown[w] & bit) != 0;
        value[start + p] = (truth[w] & bit) != 0 && (unknown[w] & bit) == 0;
      }
    };
    if (req_.findings) {
      for (uint32_t f = 0; f < info_.n_findings; ++f) {
        unpackTri(lib_.slotOfFinding(f), out_.findingValue[f], out_.findingUnknown[f]);
      }
    }
    if (req_.definitions) {
      for (uint32_t d = 0; d < info_.n_definitions; ++d) {
        const uint32_t slot = lib_.slotOfDefinition(d);
        if (numberColumn_[d] < 0) {
          unpackTri(slot, out_.definitionValue[d], out_.definitionUnknown[d]);
          continue;
        }
        const double* numbers = chunk_.numbers.data() + numberColumn_[d] * l.lanes;
        double* number = out_.definitionNumber[d] + start;
        for (uint64_t p = 0; p < count; ++p) {
          const uint64_t w = slot * l.words + p / 64, bit = uint64_t{1} << (p % 64);
          number[p] = (truth[w] & bit) && !(unknown[w] & bit)
                          ? numbers[p]
                          : std::numeric_limits<double>::quiet_NaN();
        }
      }
    }
    if (req_.missing) unpackMissing(start, count);
  }

  // Per recommendation and patient, the set of missing inputs as a code
  // into the recommendation's distinct sets (-1: none, or not undetermined).
  void unpackMissing(uint64_t start, uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    const uint32_t ni = info_.n_inputs, nr = info_.n_recommendations;
    const uint32_t mw = info_.mask_words;
    std::vector<uint64_t> keys(64 * mw);
    for (uint32_t r = 0; r < nr; ++r) {
      int32_t* code = out_.missingCode[r] + start;
      std::fill(code, code + count, -1);
      for (uint64_t w = 0; w < l.words; ++w) {
        const uint64_t undetermined = chunk_.unknown[r * l.words + w];
        if (undetermined == 0) continue;
        std::fill(keys.begin(), keys.end(), 0);
        const uint64_t* masks = chunk_.missing.data() + (w * nr + r) * ni;
        for (uint32_t i = 0; i < ni; ++i) {
          for (uint64_t x = masks[i] & undetermined; x != 0; x &= x - 1) {
            const int b = __builtin_ctzll(x);
            keys[b * mw + i / 64] |= uint64_t{1} << (i % 64);
          }
        }
        for (uint64_t x = undetermined; x != 0; x &= x - 1) {
          const int b = __builtin_ctzll(x);
          code[w * 64 + b] = codeOf(r, &keys[b * mw]);
        }
      }
    }
  }

  int32_t codeOf(uint32_t r, const uint64_t* key) {
    const uint32_t mw = info_.mask_words;
    std::string k(reinterpret_cast<const char*>(key), mw * sizeof(uint64_t));
    auto [it, added] = maps_[r].try_emplace(std::move(k), static_cast<int32_t>(maps_[r].size()));
    if (added) {
      std::vector<uint32_t> set;
      for (uint32_t i = 0; i < info_.n_inputs; ++i) {
        if ((key[i / 64] >> (i % 64)) & 1) set.push_back(i);
      }
      out_.missingSets[r].push_back(std::move(set));
    }
    return it->second;
  }

  const Library& lib_;
  const ColumnsRequest& req_;
  ColumnsOutput& out_;
  const pw_library_info& info_;
  std::vector<Rule> rules_;
  std::vector<int> numberColumn_;  // per definition: its numbers column, -1 for bools
  int numberColumns_ = 0;
  std::vector<std::unordered_map<std::string, int32_t>> maps_;
  Chunk chunk_;
};

}  // namespace

void evaluateColumns(const Library& library, const ColumnsRequest& request, ColumnsOutput& out) {
  if (request.engine == Engine::Columns && !library.hasColumns()) {
    throw ApiError(PW_ERR_STATE,
                   fmt::format("pathway '{}' was built without the column entry point; rebuild it "
                               "with `pathwayc build --columns` (or pathway.compile(..., "
                               "columns=True)), or pass engine='rows'",
                               library.info().name));
  }
  Evaluator(library, request, out).run();
}

}  // namespace pathway::python
