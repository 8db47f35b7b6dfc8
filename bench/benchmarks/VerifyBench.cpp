// pathwayc verify and diff (Z3). BM_Verify_Process: the whole `pathwayc
// verify` process (front end, encoding, every property and built-in
// analysis, interpreter replays), wall time and peak RSS, for the PT pathway
// (recs:0, its 19 properties) and generated pathways of 100 and 1,000
// recommendations (analyses only). BM_Diff_Process: `pathwayc diff` of a
// pathway against a copy with one threshold changed. BM_Verify_InProcess:
// verifyProgram alone on an already lowered program. BM_Verify_DefinitionChain:
// a chain of 2,000 or 20,000 definitions (the encoding must stay linear).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "driver/Pipeline.h"
#include "support/PathwayGenerator.h"
#include "support/Process.h"
#include "verify/Verify.h"

namespace pathway::bench {
namespace {

namespace fs = std::filesystem;

const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("pathway-verify-bench-" + std::to_string(::getpid()));
    fs::create_directories(d);
    std::atexit([] { std::error_code ec; fs::remove_all(scratch(), ec); });
    return d;
  }();
  return dir;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The .pw text for `size` recommendations (0: the PT pathway).
std::string sourceText(int64_t size) {
  return size == 0 ? readFile(PATHWAY_PT_FAILURE_SOURCE) : generatePathway(static_cast<uint32_t>(size));
}

std::string writeScratch(const std::string& name, const std::string& text) {
  const std::string path = (scratch() / name).string();
  std::ofstream(path) << text;
  return path;
}

// The same pathway with its first `const` number raised by one.
std::string changedThreshold(std::string text) {
  size_t at = text.find("\nconst ");
  if (at == std::string::npos) return text;
  at = text.find('=', at);
  size_t digit = text.find_first_of("0123456789", at);
  size_t end = text.find_first_not_of("0123456789", digit);
  long value = std::strtol(text.substr(digit, end - digit).c_str(), nullptr, 10);
  return text.replace(digit, end - digit, std::to_string(value + 1));
}

void processBench(benchmark::State& state, const std::vector<std::string>& argv) {
  double rss = 0;
  for (auto _ : state) {
    const ProcessRun run = runProcess(argv);
    if (run.exitCode != 0 && run.exitCode != 1) {
      state.SkipWithError("pathwayc failed");
      break;
    }
    state.SetIterationTime(run.seconds);
    rss = std::max(rss, run.peakRssMiB);
  }
  state.counters["peak_rss_MiB"] = rss;
  state.counters["size"] = static_cast<double>(state.range(0));  // recommendations, or chain depth
}

void BM_Verify_Process(benchmark::State& state) {
  const std::string path = writeScratch("verify_" + std::to_string(state.range(0)) + ".pw", sourceText(state.range(0)));
  processBench(state, {PATHWAYC, "verify", path});
}
BENCHMARK(BM_Verify_Process)->ArgName("recs")->Arg(0)->Arg(100)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Verify_Process)->ArgName("recs")->Arg(1000)->Iterations(2)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_Diff_Process(benchmark::State& state) {
  const std::string text = sourceText(state.range(0));
  const std::string a = writeScratch("diff_old_" + std::to_string(state.range(0)) + ".pw", text);
  const std::string b = writeScratch("diff_new_" + std::to_string(state.range(0)) + ".pw", changedThreshold(text));
  processBench(state, {PATHWAYC, "diff", a, b});
}
BENCHMARK(BM_Diff_Process)->ArgName("recs")->Arg(0)->Arg(100)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Diff_Process)->ArgName("recs")->Arg(1000)->Iterations(2)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// A chain of `n` definitions, each using the previous one, with a division
// (so every analysis, the missing-input terms included, walks the chain).
std::string definitionChain(int64_t n) {
  std::string text = "pathway deep { title \"t\"; version \"1.0.0\"; source s \"src\" { S1.P1 } }\n"
                     "input x: int in 0..10;\ninput y: bool;\ndefine d0 = x / x > 0;\n";
  for (int64_t i = 1; i < n; ++i) {
    text += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + " and (y or x > " +
            std::to_string(i % 10) + ");\n";
  }
  text += "recommendation r { label \"r\"; when d" + std::to_string(n - 1) +
          "; category imaging; urgency routine; rationale \"w\"; cite S1.P1; }\n"
          "property p { holds fire(r) implies x > 0; cite S1.P1; }\n";
  return text;
}

void BM_Verify_DefinitionChain(benchmark::State& state) {
  const std::string path = writeScratch("chain_" + std::to_string(state.range(0)) + ".pw", definitionChain(state.range(0)));
  processBench(state, {PATHWAYC, "verify", path});
}
BENCHMARK(BM_Verify_DefinitionChain)->ArgName("depth")->Arg(2000)->Arg(20000)->Iterations(1)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

void BM_Verify_InProcess(benchmark::State& state) {
  driver::FrontendOptions options;
  options.keepProperties = true;
  std::unique_ptr<driver::Compilation> c = driver::compileText("bench.pw", sourceText(state.range(0)), options);
  if (!c->ok()) {
    state.SkipWithError("front end failed");
    return;
  }
  verify::Options verifyOptions;
  verifyOptions.analyses = state.range(1) != 0;
  size_t warnings = 0;
  for (auto _ : state) {
    verify::Report report = verify::verifyProgram(*c->program, verifyOptions);
    warnings = report.warnings.size();
    benchmark::DoNotOptimize(report);
  }
  state.counters["warnings"] = static_cast<double>(warnings);
}
BENCHMARK(BM_Verify_InProcess)->ArgNames({"recs", "analyses"})->Args({0, 0})->Args({0, 1})->Args({100, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathway::bench
