// Runs one generated program through the whole toolchain and compares the
// three evaluators: the reference interpreter (ir::interpret) and the
// compiled library at -O0 and at -O2, loaded through the runtime.
#ifndef PATHWAY_TESTS_DIFFERENTIAL_RUNNER_H
#define PATHWAY_TESTS_DIFFERENTIAL_RUNNER_H

#include <string>
#include <vector>

#include "Model.h"

namespace pathway::differential {

struct Outcome {
  // Empty when every evaluator agreed on every patient. Otherwise what went
  // wrong, as a stable key the shrinker preserves ("mismatch",
  // "frontend-error:<diagnostic id>", "build-error", "load-error",
  // "json-error", "schema-mismatch"), with details for a reader.
  std::string failure;
  std::string detail;
  size_t patient = 0;  // the patient that failed, for "mismatch" and "json-error"
  bool ok() const { return failure.empty(); }
};

// Compiles `program` (source text through driver::compileText, then
// codegen -O0 and -O2 and the in-process linker) and evaluates `patients`
// with each evaluator. Stops at the first difference.
Outcome runProgram(const Program& program, const std::vector<Patient>& patients);

// As above, but patients are generated from the compiled schema (`count` of
// them, from `patientSeed`) and returned in `patients`.
Outcome runProgram(const Program& program, size_t count, uint64_t patientSeed,
                   std::vector<Patient>& patients);

// The same for source text written by hand (regression reproducers).
Outcome runSource(const std::string& path, const std::string& text, size_t count, uint64_t patientSeed,
                  std::vector<Patient>& patients);

}  // namespace pathway::differential

#endif  // PATHWAY_TESTS_DIFFERENTIAL_RUNNER_H
