// The fixed-seed differential campaign (ctest -L differential): 500
// generated programs x 100 patients, each evaluated by the reference
// interpreter and by the library compiled at -O0 and -O2.
#include <gtest/gtest.h>

#include <iostream>
#include <random>

#include "Campaign.h"
#include "Generator.h"
#include "Runner.h"

namespace pathway::differential {
namespace {

TEST(Differential, FixedSeedCampaign) {
  CampaignOptions options;
  options.seed = 20240601;
  options.programs = 500;
  options.patients = 100;
  options.log = &std::cerr;
  const CampaignResult result = runCampaign(options);
  EXPECT_EQ(result.programs, 500u);
  for (const std::string& failure : result.failures) ADD_FAILURE() << failure;
}

// The generator covers every construct it promises, over the campaign's
// first programs (a generator that silently stopped emitting one would make
// the campaign weaker without failing it).
TEST(Differential, GeneratorCoversEveryConstruct) {
  std::string all;
  for (uint64_t seed = 20240601; seed < 20240601 + 50; ++seed) all += print(generateProgram(seed));
  for (const char* construct :
       {" and ", " or ", "(not ", "known(", "unknown(", " < ", " <= ", " > ", " >= ", " == ", " != ", " + ",
        " - ", " * ", " / ", "(-", " in {", "weeks", "days", "mg/dL", "mg/L", "%", "mm/h", "const ",
        "define ", "finding ", "supersedes ", "enum ", ": int in ", ": number", "src:", "true", "false"}) {
    EXPECT_NE(all.find(construct), std::string::npos) << construct;
  }
}

// A generated program always checks: front-end errors would be generator or
// compiler bugs, and the campaign reports them as failures too.
TEST(Differential, PatientsRespectRanges) {
  const Program program = generateProgram(7);
  std::vector<Patient> patients;
  const Outcome outcome = runProgram(program, 200, 7, patients);
  EXPECT_TRUE(outcome.ok()) << outcome.failure << "\n" << outcome.detail;
  EXPECT_EQ(patients.size(), 200u);
}

}  // namespace
}  // namespace pathway::differential
