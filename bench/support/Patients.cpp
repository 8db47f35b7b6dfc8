#include "support/Patients.h"

#include <cmath>

#include <fmt/format.h>

#include "support/Random.h"

namespace pathway::bench {
namespace {

double numberIn(Random& random, const pw_input_info& in) {
  const double lo = in.has_min ? in.min : 0;
  const double hi = in.has_max ? in.max : lo + 100;
  double u = random.unit();
  if (random.below(2) == 0) u = u * u * u;  // weight near the low end
  double v = lo + (hi - lo) * u;
  if (in.kind == PW_INPUT_INT || random.below(4) != 0) v = std::round(v);
  return std::min(hi, std::max(lo, v));
}

}  // namespace

Rows generatePatients(const Library& library, uint64_t count, uint64_t seed) {
  const uint32_t n = library.inputCount();
  std::vector<pw_input_info> inputs;
  for (uint32_t i = 0; i < n; ++i) inputs.push_back(library.input(i));
  Rows rows;
  rows.inputs = n;
  rows.count = count;
  rows.values.assign(count * n, 0.0);
  rows.known.assign(count * n, 0);
  Random random{seed * 0x2545f4914f6cdd1dull + 1};
  static const double kUnknownRate[] = {0.0, 0.05, 0.3, 0.7};
  for (uint64_t p = 0; p < count; ++p) {
    const double unknownRate = kUnknownRate[random.below(4)];
    for (uint32_t i = 0; i < n; ++i) {
      if (random.unit() < unknownRate) continue;
      const pw_input_info& in = inputs[i];
      double v = 0;
      switch (in.kind) {
        case PW_INPUT_BOOL: v = static_cast<double>(random.below(2)); break;
        case PW_INPUT_ENUM: v = static_cast<double>(random.below(in.n_labels)); break;
        default: v = numberIn(random, in); break;
      }
      rows.values[p * n + i] = v;
      rows.known[p * n + i] = 1;
    }
  }
  return rows;
}

ColumnInputs toColumns(const Rows& rows) {
  ColumnInputs c;
  c.count = rows.count;
  c.words = (rows.count + 63) / 64;
  c.lanes = 64 * c.words;
  c.values.assign(rows.inputs * c.lanes, 0.0);
  c.known.assign(rows.inputs * c.words, 0);
  for (uint64_t p = 0; p < rows.count; ++p) {
    for (uint32_t i = 0; i < rows.inputs; ++i) {
      if (!rows.known[p * rows.inputs + i]) continue;
      c.values[i * c.lanes + p] = rows.values[p * rows.inputs + i];
      c.known[i * c.words + p / 64] |= uint64_t{1} << (p % 64);
    }
  }
  return c;
}

std::string toNdjson(const Library& library, const Rows& rows) {
  std::vector<pw_input_info> inputs;
  for (uint32_t i = 0; i < rows.inputs; ++i) inputs.push_back(library.input(i));
  std::string out;
  for (uint64_t p = 0; p < rows.count; ++p) {
    out += '{';
    bool first = true;
    for (uint32_t i = 0; i < rows.inputs; ++i) {
      if (!rows.known[p * rows.inputs + i]) continue;
      const double v = rows.values[p * rows.inputs + i];
      const pw_input_info& in = inputs[i];
      out += first ? "\"" : ",\"";
      first = false;
      out += in.name;
      out += "\":";
      switch (in.kind) {
        case PW_INPUT_BOOL: out += v != 0 ? "true" : "false"; break;
        case PW_INPUT_ENUM: out += fmt::format("\"{}\"", in.labels[static_cast<uint32_t>(v)]); break;
        default: out += fmt::format("{}", v); break;
      }
    }
    out += "}\n";
  }
  return out;
}

}  // namespace pathway::bench
