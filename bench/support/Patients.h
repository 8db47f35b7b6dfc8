// Generated patients for any compiled pathway, driven by its input schema:
// each input known or not, values spread over the declared range with extra
// weight near small values (where clinical thresholds sit), enum labels and
// bools uniform. Deterministic for a seed. Also the conversions between the
// row layout, the column layout and NDJSON.
#ifndef PATHWAY_BENCH_SUPPORT_PATIENTS_H
#define PATHWAY_BENCH_SUPPORT_PATIENTS_H

#include <cstdint>
#include <string>
#include <vector>

#include <pathway/pathway.hpp>

namespace pathway::bench {

// Row layout (pathway/abi.h): count * n_inputs values and known flags.
struct Rows {
  uint32_t inputs = 0;
  uint64_t count = 0;
  std::vector<double> values;
  std::vector<uint8_t> known;
};

// Column layout (pw_evaluate_columns).
struct ColumnInputs {
  uint64_t count = 0, words = 0, lanes = 0;
  std::vector<double> values;
  std::vector<uint64_t> known;
};

Rows generatePatients(const Library& library, uint64_t count, uint64_t seed);
ColumnInputs toColumns(const Rows& rows);
// One JSON object per line, keyed by input name; unknown inputs left out.
std::string toNdjson(const Library& library, const Rows& rows);

}  // namespace pathway::bench

#endif  // PATHWAY_BENCH_SUPPORT_PATIENTS_H
