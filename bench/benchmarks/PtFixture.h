// What the evaluation benchmarks share: the compiled PT library opened once
// through the runtime and once directly (for its raw entry points), its IR
// for the interpreter, and generated patients.
#ifndef PATHWAY_BENCH_BENCHMARKS_PTFIXTURE_H
#define PATHWAY_BENCH_BENCHMARKS_PTFIXTURE_H

#include <pathway/abi.h>

#include <memory>

#include "ir/IR.h"
#include "support/Patients.h"

namespace pathway::bench {

struct PtFixture {
  std::unique_ptr<Library> library;
  const pw_descriptor* descriptor = nullptr;  // of the same .so, by dlsym
  ir::Program program;                        // pt_failure.pw through the front end
};

// Built on first use, shared by every benchmark of the process.
const PtFixture& ptFixture();

// `count` patients, generated once per count and cached.
const Rows& ptPatients(uint64_t count);

}  // namespace pathway::bench

#endif  // PATHWAY_BENCH_BENCHMARKS_PTFIXTURE_H
