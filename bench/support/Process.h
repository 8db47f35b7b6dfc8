// Runs a command to completion and measures it: wall time and the child's
// peak resident set size (wait4's ru_maxrss).
#ifndef PATHWAY_BENCH_SUPPORT_PROCESS_H
#define PATHWAY_BENCH_SUPPORT_PROCESS_H

#include <string>
#include <vector>

namespace pathway::bench {

struct ProcessRun {
  int exitCode = -1;
  double seconds = 0;
  double peakRssMiB = 0;
};

// stdout goes to `stdoutPath` ("/dev/null" by default), stderr is kept.
ProcessRun runProcess(const std::vector<std::string>& argv,
                      const std::string& stdoutPath = "/dev/null");

}  // namespace pathway::bench

#endif  // PATHWAY_BENCH_SUPPORT_PROCESS_H
