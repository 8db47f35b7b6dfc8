// Compile time. BM_Build_Process: the whole `pathwayc build` process (start-
// up, front end, LLVM, LLD, writing the .so), wall time and the process's
// peak RSS, for the PT pathway (size 0) and generated pathways of 100 to
// 100,000 recommendations. BM_Compile_Phases: the same work in-process,
// phase by phase (counters are seconds per phase).
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "codegen/Codegen.h"
#include "driver/Pipeline.h"
#include "link/Link.h"
#include "support/PathwayGenerator.h"
#include "support/Process.h"

namespace pathway::bench {
namespace {

namespace fs = std::filesystem;

const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("pathway-bench-" + std::to_string(::getpid()));
    fs::create_directories(d);
    std::atexit([] { std::error_code ec; fs::remove_all(scratch(), ec); });
    return d;
  }();
  return dir;
}

// The .pw file for `size` recommendations (0: the PT pathway).
std::string sourceFile(int64_t size) {
  if (size == 0) return PATHWAY_PT_FAILURE_SOURCE;
  static std::map<int64_t, std::string> files;
  auto it = files.find(size);
  if (it != files.end()) return it->second;
  const std::string path = (scratch() / ("generated_" + std::to_string(size) + ".pw")).string();
  std::ofstream(path) << generatePathway(static_cast<uint32_t>(size));
  return files[size] = path;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_Build_Process(benchmark::State& state) {
  const std::string source = sourceFile(state.range(0));
  const std::string output = (scratch() / "built.so").string();
  double rss = 0;
  for (auto _ : state) {
    const ProcessRun run = runProcess({PATHWAYC, "build", source, "-o", output});
    if (run.exitCode != 0) {
      state.SkipWithError("pathwayc build failed");
      break;
    }
    state.SetIterationTime(run.seconds);
    rss = std::max(rss, run.peakRssMiB);
  }
  state.counters["peak_rss_MiB"] = rss;
  state.counters["recommendations"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_Build_Process)->ArgName("recs")->Arg(0)->Arg(100)->Arg(1000)->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Build_Process)->ArgName("recs")->Arg(10000)->Iterations(3)->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Build_Process)->ArgName("recs")->Arg(100000)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_Compile_Phases(benchmark::State& state) {
  const std::string path = sourceFile(state.range(0));
  const std::string text = readFile(path);
  const std::string output = (scratch() / "phases.so").string();
  using Clock = std::chrono::steady_clock;
  double front = 0, codegen = 0, link = 0;
  for (auto _ : state) {
    const auto t0 = Clock::now();
    std::unique_ptr<driver::Compilation> c =
        driver::compileText(path, text, driver::FrontendOptions{});
    const auto t1 = Clock::now();
    codegen::CodegenResult generated;
    std::string error;
    if (!c->ok() || !codegen::generate(*c->program, codegen::CodegenOptions{}, generated, error)) {
      state.SkipWithError("compilation failed");
      break;
    }
    const auto t2 = Clock::now();
    if (!link::linkSharedLibrary(generated.objects, output, error)) {
      state.SkipWithError(error.c_str());
      break;
    }
    const auto t3 = Clock::now();
    front += std::chrono::duration<double>(t1 - t0).count();
    codegen += std::chrono::duration<double>(t2 - t1).count();
    link += std::chrono::duration<double>(t3 - t2).count();
  }
  const double n = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["frontend_ms"] = 1e3 * front / n;
  state.counters["codegen_ms"] = 1e3 * codegen / n;
  state.counters["link_ms"] = 1e3 * link / n;
}
BENCHMARK(BM_Compile_Phases)->ArgName("recs")->Arg(0)->Arg(100)->Arg(1000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Compile_Phases)->ArgName("recs")->Arg(10000)->Iterations(2)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathway::bench
