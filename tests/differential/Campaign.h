// A differential campaign: many generated programs, each on many patients,
// every failure minimised and reported.
#ifndef PATHWAY_TESTS_DIFFERENTIAL_CAMPAIGN_H
#define PATHWAY_TESTS_DIFFERENTIAL_CAMPAIGN_H

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace pathway::differential {

struct CampaignOptions {
  uint64_t seed = 1;          // program i uses seed + i
  size_t programs = 500;      // upper bound
  size_t patients = 100;      // per program
  double seconds = 0;         // time budget; 0 for none
  size_t maxFailures = 3;     // stop after this many
  size_t shrinkAttempts = 4000;
  std::ostream* log = nullptr;  // progress and reports
};

struct CampaignResult {
  size_t programs = 0;
  size_t evaluations = 0;  // patients evaluated, each by three evaluators
  std::vector<std::string> failures;  // reports, with minimised reproducers
};

CampaignResult runCampaign(const CampaignOptions& options);

}  // namespace pathway::differential

#endif  // PATHWAY_TESTS_DIFFERENTIAL_CAMPAIGN_H
