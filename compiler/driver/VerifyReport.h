// `pathwayc verify` for one compiled file: runs compiler/verify on its IR
// and turns the results into diagnostics (positioned at the declarations
// they name), a summary for standard output and a JSON object. Shared by the
// command and the file tests (tests/files/verify).
#ifndef PATHWAY_DRIVER_VERIFYREPORT_H
#define PATHWAY_DRIVER_VERIFYREPORT_H

#include <string>
#include <vector>

#include "driver/Pipeline.h"

namespace pathway::driver {

struct VerifyOutcome {
  std::vector<diag::Diagnostic> diagnostics;  // the verifier's, sorted
  size_t errors = 0;
  std::string summary;  // one line per property, then the totals
  std::string json;     // {"file", "properties": [...], "warnings": [...]}
  // Counterexamples as (property name, patient JSON).
  std::vector<std::pair<std::string, std::string>> counterexamples;
};

// `c` must have been lowered with keepProperties.
VerifyOutcome verifyCompilation(const Compilation& c, bool warningsAsErrors);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_VERIFYREPORT_H
