#include "Columns.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <type_traits>
#include <unordered_map>

#include <fmt/format.h>

#include "Errors.h"

namespace pathway::python {
namespace {

// Patients per chunk: a multiple of 64, small enough for the chunk's input
// columns to stay in cache.
constexpr uint64_t kChunk = 4096;

constexpr uint64_t kOnes = 0x0101010101010101ULL;

// Eight bits -> eight bytes of 0/1, lowest bit to lowest byte.
inline uint64_t spread(uint64_t byte) {
  static const auto table = [] {
    std::array<uint64_t, 256> t{};
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned j = 0; j < 8; ++j) t[b] |= uint64_t((b >> j) & 1) << (8 * j);
    }
    return t;
  }();
  return table[byte];
}

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

// Whole numbers, without a libm call: below 2^52 adding and subtracting
// 2^52 rounds to an integer; from 2^52 on every double is one. False for NaN.
inline bool isIntegral(double v) {
  const double a = std::fabs(v);
  const double rounded = (a + 0x1p52) - 0x1p52;
  return (a >= 0x1p52) | (rounded == a);
}

inline bool accepts(const Rule& rule, double v) {
  return (v >= rule.lo) & (v <= rule.hi) & (std::fabs(v) <= std::numeric_limits<double>::max()) &
         (!rule.integral | isIntegral(v));
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
      if (!isIntegral(v)) {
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
  std::vector<uint8_t> knownBytes;  // one input's known flags, one byte per lane
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

  // Rows begin..end (begin a multiple of kChunk).
  void run(uint64_t begin, uint64_t end) {
    for (uint64_t start = begin; start < end; start += kChunk) {
      const uint64_t count = std::min(kChunk, end - start);
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
    chunk_.values.resize(l.values_size);
    chunk_.known.resize(l.known_size);
    chunk_.knownBytes.resize(l.lanes);
    for (uint32_t i = 0; i < info_.n_inputs; ++i) {
      const Column& column = req_.columns[i];
      if (column.data == nullptr) {
        std::fill_n(chunk_.values.data() + i * l.lanes, l.lanes, 0.0);
        std::fill_n(chunk_.known.data() + i * l.words, l.words, 0);
        continue;
      }
      switch (column.type) {
        case ElementType::Float64: packColumn<double>(i, column, start, count); break;
        case ElementType::Float32: packColumn<float>(i, column, start, count); break;
        case ElementType::Int64: packColumn<int64_t>(i, column, start, count); break;
        case ElementType::Int32: packColumn<int32_t>(i, column, start, count); break;
        case ElementType::Int16: packColumn<int16_t>(i, column, start, count); break;
        case ElementType::Int8: packColumn<int8_t>(i, column, start, count); break;
        case ElementType::UInt64: packColumn<uint64_t>(i, column, start, count); break;
        case ElementType::UInt32: packColumn<uint32_t>(i, column, start, count); break;
        case ElementType::UInt16: packColumn<uint16_t>(i, column, start, count); break;
        case ElementType::UInt8: packColumn<uint8_t>(i, column, start, count); break;
        case ElementType::Bool: packColumn<uint8_t>(i, column, start, count); break;
      }
    }
  }

  // Validates and stores input `i` of rows start..start+count: one
  // branch-free pass (values, known bytes, any bad value), the known bytes
  // packed into bits, and only for a bad column a second pass to find its
  // first bad row.
  template <typename T>
  void packColumn(uint32_t i, const Column& column, uint64_t start, uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    const T* __restrict data = static_cast<const T*>(column.data) + start;
    const uint8_t* __restrict mask =
        column.mask != nullptr ? reinterpret_cast<const uint8_t*>(column.mask) + start : nullptr;
    const Rule rule = rules_[i];
    double* __restrict values = chunk_.values.data() + i * l.lanes;
    uint8_t* __restrict knownBytes = chunk_.knownBytes.data();
    // Simple loops that the compiler vectorises (Columns.cpp is built with -O3).
    if (mask != nullptr) {
      for (uint64_t p = 0; p < count; ++p) knownBytes[p] = mask[p] ^ 1;
    } else {
      std::fill_n(knownBytes, count, 1);
    }
    uint8_t bad = 0;
    if constexpr (std::is_same_v<T, uint8_t>) {
      if (column.type == ElementType::Bool && lib_.inputs()[i].kind == PW_INPUT_BOOL) {
        // numpy bools are 0 or 1: nothing to validate
        for (uint64_t p = 0; p < count; ++p) values[p] = static_cast<double>(data[p] & knownBytes[p]);
        packKnownBits(i, count);
        return;
      }
    }
    for (uint64_t p = 0; p < count; ++p) {
      const double v = static_cast<double>(data[p]);
      uint8_t known = knownBytes[p];
      if constexpr (std::is_floating_point_v<T>) {
        known &= static_cast<uint8_t>(v == v);
        knownBytes[p] = known;
      }
      bad |= known & static_cast<uint8_t>(!accepts(rule, v));
      // v where known, else 0, without a branch (known is unpredictable)
      uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      bits &= uint64_t{0} - known;
      std::memcpy(&values[p], &bits, sizeof bits);
    }
    if (bad) {
      for (uint64_t p = 0; p < count; ++p) {
        if (knownBytes[p] && !accepts(rule, values[p])) reject(lib_.inputs()[i], i, start + p, values[p]);
      }
    }
    packKnownBits(i, count);
  }

  // The chunk's known bytes of input `i` (zero from `count` on) as bits.
  void packKnownBits(uint32_t i, uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    double* values = chunk_.values.data() + i * l.lanes;
    uint8_t* knownBytes = chunk_.knownBytes.data();
    std::fill(values + count, values + l.lanes, 0.0);
    std::fill(knownBytes + count, knownBytes + l.lanes, 0);
    uint64_t* known = chunk_.known.data() + i * l.words;
    for (uint64_t w = 0; w < l.words; ++w) {
      uint64_t word = 0;
      for (int byte = 0; byte < 8; ++byte) {
        uint64_t eight;
        std::memcpy(&eight, knownBytes + w * 64 + byte * 8, 8);
        // eight bytes of 0/1 -> eight bits, lowest byte to lowest bit
        word |= ((eight * 0x0102040810204080ULL) >> 56) << (byte * 8);
      }
      known[w] = word;
    }
  }

  void evaluateByColumns(uint64_t count) {
    const pw_columns_layout& l = chunk_.layout;
    // The entry point writes every output word (padding lanes included).
    chunk_.truth.resize(l.state_size);
    chunk_.unknown.resize(l.state_size);
    chunk_.numbers.resize(l.numbers_size);
    if (req_.missing) chunk_.missing.resize(l.missing_size);
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
      for (uint64_t p = 0; p < count; p += 8) {
        const uint64_t w = r * l.words + p / 64;
        const unsigned shift = p % 64;
        const uint64_t t = spread((truth[w] >> shift) & 0xFF);
        const uint64_t u = spread((unknown[w] >> shift) & 0xFF);
        // per byte: unknown -> 2, else true -> 0, else 1
        const uint64_t codes = (u << 1) | ((t ^ kOnes) & ~(u * 0xFF));
        std::memcpy(status + p, &codes, std::min<uint64_t>(8, count - p));
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
  const uint64_t chunks = (request.count + kChunk - 1) / kChunk;
  const uint64_t parts = std::min<uint64_t>(std::max(1u, request.threads), chunks);
  if (parts <= 1) {
    Evaluator(library, request, out).run(0, request.count);
    return;
  }
  // Contiguous ranges of whole chunks, one thread each. Every part writes
  // its own rows of the shared outputs and numbers its own missing-input
  // sets, renumbered into one table afterwards.
  const uint64_t perPart = (chunks + parts - 1) / parts;
  std::vector<ColumnsOutput> partOut(parts, out);
  std::vector<std::exception_ptr> errors(parts);
  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  for (uint64_t t = 0; t < parts; ++t) {
    const uint64_t begin = std::min(request.count, t * perPart * kChunk);
    ranges.emplace_back(begin, std::min(request.count, begin + perPart * kChunk));
  }
  std::vector<std::thread> pool;
  for (uint64_t t = 0; t < parts; ++t) {
    pool.emplace_back([&, t] {
      try {
        Evaluator(library, request, partOut[t]).run(ranges[t].first, ranges[t].second);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (std::thread& thread : pool) thread.join();
  // The first bad row is in the earliest part that failed.
  for (const std::exception_ptr& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  if (!request.missing) return;
  const uint32_t nr = library.info().n_recommendations;
  out.missingSets.assign(nr, {});
  for (uint32_t r = 0; r < nr; ++r) {
    std::map<std::vector<uint32_t>, int32_t> global;
    for (uint64_t t = 0; t < parts; ++t) {
      std::vector<int32_t> renumber;
      for (std::vector<uint32_t>& set : partOut[t].missingSets[r]) {
        auto [it, added] = global.try_emplace(set, static_cast<int32_t>(global.size()));
        if (added) out.missingSets[r].push_back(set);
        renumber.push_back(it->second);
      }
      int32_t* code = out.missingCode[r];
      for (uint64_t p = ranges[t].first; p < ranges[t].second; ++p) {
        if (code[p] >= 0) code[p] = renumber[code[p]];
      }
    }
  }
}

}  // namespace pathway::python
