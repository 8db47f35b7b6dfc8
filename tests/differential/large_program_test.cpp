// A pathway large enough that the code generator splits its evaluation into
// several functions (codegen/EntryPoints.cpp, kNodesPerFunction): shared
// definitions, supersedes chains across parts and two-word missing masks
// must come out exactly as the interpreter computes them.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <random>

#include "Runner.h"

namespace pathway::differential {
namespace {

std::string largeProgram(size_t recommendations) {
  std::mt19937 rng(7);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  std::string text =
      "pathway large {\n  title \"Large\";\n  version \"1.0.0\";\n  source src \"S\" { S1.P1 }\n}\n"
      "enum Q { a, b, c }\n";
  const size_t inputs = 70;  // two mask words
  for (size_t i = 0; i < inputs; ++i) {
    switch (i % 4) {
      case 0: text += fmt::format("input b{}: bool;\n", i); break;
      case 1: text += fmt::format("input n{}: int in 0..10;\n", i); break;
      case 2: text += fmt::format("input w{}: weeks in 0..520;\n", i); break;
      default: text += fmt::format("input q{}: Q;\n", i); break;
    }
  }
  auto atom = [&]() {
    size_t k = pick(inputs / 4) * 4;
    switch (pick(4)) {
      case 0: return fmt::format("b{}", k);
      case 1: return fmt::format("n{} > {}", k + 1, 1 + pick(8));
      case 2: return fmt::format("w{} >= {} days", k + 2, 1 + pick(60));
      default: return fmt::format("q{} in {{a, c}}", k + 3);
    }
  };
  const size_t definitions = 40;
  for (size_t d = 0; d < definitions; ++d) {
    std::string use = d > 0 ? fmt::format(" or d{}", pick(d)) : "";
    text += fmt::format("define d{} = ({} and {}){};\n", d, atom(), atom(), use);
  }
  for (size_t r = 0; r < recommendations; ++r) {
    std::string sup = r > 0 && r % 7 == 0 ? fmt::format(" supersedes r{};", r - 1 - pick(std::min<size_t>(r, 50))) : "";
    text += fmt::format(
        "recommendation r{} {{ label \"r\"; when (d{} and {}) or (not {} and {}); category imaging; urgency routine; "
        "rationale \"x\"; cite S1.P1;{} }}\n",
        r, pick(definitions), atom(), atom(), atom(), sup);
  }
  return text;
}

TEST(LargeProgram, SplitEvaluationAgreesWithTheInterpreter) {
  std::vector<Patient> patients;
  Outcome outcome = runSource("large.pw", largeProgram(400), 60, 11, patients);
  EXPECT_TRUE(outcome.ok()) << outcome.failure << "\n" << outcome.detail;
}

}  // namespace
}  // namespace pathway::differential
