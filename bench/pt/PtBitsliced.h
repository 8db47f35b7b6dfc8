// The 64-patients-per-word hand-written baseline: PtLogic over bit planes.
// A bool is two uint64 planes (bit p: value, known) and the Kleene logic is
// a few word operations per 64 patients; a comparison turns 64 doubles into
// one plane with SIMD compares and movemask. Same column layout as
// pw_evaluate_columns (pathway/abi.h), without the missing-input masks.
#ifndef PATHWAY_BENCH_PT_PTBITSLICED_H
#define PATHWAY_BENCH_PT_PTBITSLICED_H

#include <cstdint>

namespace pathway::bench::pt {

// pw_eval_columns_fn for the PT pathway; `missing` must be NULL.
void evaluateBitsliced(uint64_t count, const double* values, const uint64_t* known,
                       uint64_t* truth, uint64_t* unknown, double* numbers, uint64_t* missing);

}  // namespace pathway::bench::pt

#endif  // PATHWAY_BENCH_PT_PTBITSLICED_H
