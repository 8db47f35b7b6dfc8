// Minimises a failing program and patient: drops declarations and
// recommendations, simplifies expressions and turns patient inputs unknown
// or simple, keeping each change only while the failure persists.
#ifndef PATHWAY_TESTS_DIFFERENTIAL_SHRINK_H
#define PATHWAY_TESTS_DIFFERENTIAL_SHRINK_H

#include <functional>

#include "Model.h"
#include "Runner.h"

namespace pathway::differential {

struct Reproducer {
  Program program;
  Patient patient;
  Outcome outcome;  // of the minimised pair
  size_t attempts = 0;
};

// `outcome` is the failure of `program` on `patient`. Keeps the failure key
// (Outcome::failure) unchanged while shrinking; gives up after `maxAttempts`
// candidate runs.
Reproducer shrink(Program program, Patient patient, const Outcome& outcome, size_t maxAttempts = 4000);

// The report printed on a failure: seed, what differed, the minimised .pw and
// the patient JSON.
std::string report(uint64_t seed, const Outcome& original, const Reproducer& minimised);

}  // namespace pathway::differential

#endif  // PATHWAY_TESTS_DIFFERENTIAL_SHRINK_H
