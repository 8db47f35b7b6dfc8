// Whole-frame evaluation: validated numpy columns -> the library's column
// entry point (or its row entry point) in chunks -> numpy result arrays.
// Nothing here runs Python code per row.
#ifndef PATHWAY_PYTHON_COLUMNS_H
#define PATHWAY_PYTHON_COLUMNS_H

#include <cstdint>
#include <string>
#include <vector>

#include "Library.h"

namespace pathway::python {

enum class Engine { Columns, Rows };

// The element type of a column as numpy holds it.
enum class ElementType { Float64, Float32, Int64, Int32, Int16, Int8, UInt64, UInt32, UInt16, UInt8, Bool };

// One input's column: `count` elements of `type`, and an optional mask
// (true = unknown, as pandas' masked arrays hold it). Without a mask a
// floating-point NaN is unknown and every integer or bool is known.
struct Column {
  const void* data = nullptr;  // null: the input is unknown for every row
  ElementType type = ElementType::Float64;
  const bool* mask = nullptr;
};

struct ColumnsRequest {
  uint64_t count = 0;
  std::vector<Column> columns;  // one per input
  bool findings = false;
  bool definitions = false;
  bool missing = false;
  Engine engine = Engine::Columns;
  unsigned threads = 1;  // threads evaluating contiguous ranges of chunks
};

// Outputs, each a caller-allocated array of `count` elements per item (null
// when not requested). Status codes index the categories fire, no,
// undetermined (0, 1, 2).
struct ColumnsOutput {
  std::vector<int8_t*> status;           // per recommendation
  std::vector<uint8_t*> findingValue;    // per finding: true when true
  std::vector<uint8_t*> findingUnknown;  // per finding: true when unknown
  std::vector<uint8_t*> definitionValue;   // per bool definition (null for numbers)
  std::vector<uint8_t*> definitionUnknown; // per bool definition (null for numbers)
  std::vector<double*> definitionNumber;   // per number definition, NaN when unknown
  std::vector<int32_t*> missingCode;     // per recommendation: index into missingSets, -1 none
  // Filled: per recommendation, the distinct sets of missing inputs (input
  // indices, increasing) that missingCode points into.
  std::vector<std::vector<std::vector<uint32_t>>> missingSets;
};

// Validates every known value against its input (finite, integral ints,
// declared range, enum label index, bool 0/1; throws BadValue for the first
// bad row of a column), evaluates and fills `out`. Safe without the GIL.
void evaluateColumns(const Library& library, const ColumnsRequest& request, ColumnsOutput& out);

}  // namespace pathway::python

#endif  // PATHWAY_PYTHON_COLUMNS_H
