// Random well-typed pathways (as a Model, printed to .pw text) and random
// patients for them. Deterministic for a seed.
#ifndef PATHWAY_TESTS_DIFFERENTIAL_GENERATOR_H
#define PATHWAY_TESTS_DIFFERENTIAL_GENERATOR_H

#include <cstdint>
#include <random>

#include "Model.h"
#include "ir/IR.h"

namespace pathway::differential {

// A program using every construct: nested three-valued logic, known/unknown,
// every comparison and arithmetic operator (division by zero included), enums
// with ==, != and `in` (bare and qualified labels), quantities in several
// units of one dimension (weeks vs days, mg/dL vs mg/L), ranges with literals
// at their bounds, constants, definition chains, findings and supersedes
// chains; declarations printed in a shuffled order.
Program generateProgram(uint64_t seed);

// A patient for the compiled schema: each input unknown (missing or null) or
// a value inside its declared range, sometimes exactly at a bound, given as
// JSON the way apps send it (enum labels, quantities in another unit).
Patient generatePatient(std::mt19937_64& rng, const ir::Program& schema);

}  // namespace pathway::differential

#endif  // PATHWAY_TESTS_DIFFERENTIAL_GENERATOR_H
