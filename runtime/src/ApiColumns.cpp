// The C API for column-oriented batch evaluation (pw_evaluate_columns): the
// library's bit-sliced column entry point on caller-owned arrays.
#include <fmt/format.h>

#include "Error.h"
#include "Library.h"

using namespace pathway::runtime;

namespace {

// The column entry point, or null for a descriptor that predates it.
pw_eval_columns_fn columnEntryPoint(const pw_library& library) {
  const pw_descriptor& d = *library.descriptor;
  return d.descriptor_size >= PW_DESCRIPTOR_SIZE_COLUMNS ? d.evaluate_columns : nullptr;
}

uint32_t numberColumns(const pw_library& library) {
  uint32_t columns = 0;
  for (const DefinitionSchema& definition : library.schema.definitions) {
    columns += definition.type == PW_TYPE_NUMBER ? 1 : 0;
  }
  return columns;
}

}  // namespace

extern "C" {

pw_status pw_columns_layout_get(const pw_library* library, uint64_t count,
                                pw_columns_layout* layout) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(layout, "layout");
    if (layout->struct_size < sizeof(pw_columns_layout)) {
      throw Error(PW_ERR_ARGUMENT,
                  fmt::format("layout->struct_size is {}, expected {} (use pw_columns_layout_init)",
                              layout->struct_size, sizeof(pw_columns_layout)));
    }
    if (count > (uint64_t{1} << 48)) {
      throw Error(PW_ERR_RANGE, fmt::format("{} patients is more than a batch can hold", count));
    }
    pw_columns_layout out = pw_columns_layout_init();
    out.count = count;
    out.words = (count + 63) / 64;
    out.lanes = 64 * out.words;
    out.n_number_columns = numberColumns(*library);
    out.values_size = library->inputCount() * out.lanes;
    out.known_size = library->inputCount() * out.words;
    out.state_size = library->slotCount() * out.words;
    out.numbers_size = out.n_number_columns * out.lanes;
    out.missing_size = out.words * library->recommendationCount() * library->inputCount();
    *layout = out;
  });
}

pw_status pw_evaluate_columns(const pw_library* library, uint64_t count, const double* values,
                              const uint64_t* known, uint64_t* truth, uint64_t* unknown,
                              double* numbers, uint64_t* missing) {
  return guard([&] {
    requireNonNull(library, "library");
    const pw_eval_columns_fn evaluate = columnEntryPoint(*library);
    if (evaluate == nullptr) {
      throw Error(PW_ERR_STATE,
                  fmt::format("pathway '{}' has no column entry point (its descriptor is {} "
                              "bytes); recompile it with this pathwayc, or use "
                              "pw_evaluate_rows",
                              library->schema.name, library->descriptor->descriptor_size));
    }
    if (count == 0) return;
    requireNonNull(values, "values");
    requireNonNull(known, "known");
    requireNonNull(truth, "truth");
    requireNonNull(unknown, "unknown");
    if (numberColumns(*library) != 0) requireNonNull(numbers, "numbers");
    evaluate(count, values, known, truth, unknown, numbers, missing);
  });
}

}  // extern "C"
