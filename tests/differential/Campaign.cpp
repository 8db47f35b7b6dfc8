#include "Campaign.h"

#include <chrono>
#include <ostream>

#include "Generator.h"
#include "Runner.h"
#include "Shrink.h"

namespace pathway::differential {

CampaignResult runCampaign(const CampaignOptions& options) {
  using Clock = std::chrono::steady_clock;
  const Clock::time_point start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  CampaignResult result;
  for (size_t i = 0; i < options.programs; ++i) {
    if (options.seconds > 0 && elapsed() >= options.seconds) break;
    const uint64_t seed = options.seed + i;
    const Program program = generateProgram(seed);
    std::vector<Patient> patients;
    const Outcome outcome = runProgram(program, options.patients, seed * 0x9e3779b97f4a7c15ull, patients);
    ++result.programs;
    result.evaluations += patients.size();
    if (outcome.ok()) continue;
    const Patient patient = outcome.patient < patients.size() ? patients[outcome.patient] : Patient{};
    if (options.log) *options.log << "seed " << seed << ": " << outcome.failure << "; minimising..." << std::endl;
    const Reproducer minimised = shrink(program, patient, outcome, options.shrinkAttempts);
    result.failures.push_back(report(seed, outcome, minimised));
    if (options.log) *options.log << result.failures.back() << std::endl;
    if (result.failures.size() >= options.maxFailures) break;
  }
  if (options.log) {
    *options.log << result.programs << " programs, " << result.evaluations << " patients x 3 evaluators, "
                 << result.failures.size() << " failures, " << elapsed() << " s" << std::endl;
  }
  return result;
}

}  // namespace pathway::differential
