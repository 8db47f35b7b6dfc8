// Writes realistic synthetic pathways of any size for the compile-time
// benchmarks: the PT pathway's mix of inputs (bools, ranged ints, enums,
// quantities in weeks, months, mm/h and %), definitions and findings that
// combine a handful of nearby inputs with and/or/not/known/comparisons, and
// recommendations with labels, rationales, citations, categories, urgencies
// and occasional supersedes. Inputs grow as 40 + recommendations / 50, as a
// large pathway reuses its facts.
#ifndef PATHWAY_BENCH_SUPPORT_PATHWAYGENERATOR_H
#define PATHWAY_BENCH_SUPPORT_PATHWAYGENERATOR_H

#include <cstdint>
#include <string>

namespace pathway::bench {

std::string generatePathway(uint32_t recommendations, uint64_t seed = 1);

}  // namespace pathway::bench

#endif  // PATHWAY_BENCH_SUPPORT_PATHWAYGENERATOR_H
