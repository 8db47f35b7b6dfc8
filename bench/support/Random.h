// splitmix64: a fast, deterministic generator for benchmark inputs (patients
// and generated pathways). Not for anything that needs statistical quality.
#ifndef PATHWAY_BENCH_SUPPORT_RANDOM_H
#define PATHWAY_BENCH_SUPPORT_RANDOM_H

#include <cstdint>

namespace pathway::bench {

struct Random {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n).
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
};

}  // namespace pathway::bench

#endif  // PATHWAY_BENCH_SUPPORT_RANDOM_H
