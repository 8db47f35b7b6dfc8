// pathway_differential: a differential campaign with a time budget.
//   pathway_differential [--seconds N] [--seed S] [--programs N] [--patients N]
// Exits 1 when any program failed (reports with minimised reproducers on
// stderr, also written to --out DIR as seed-<S>.txt).
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>

#include "Campaign.h"
#include "Generator.h"

int main(int argc, char** argv) {
  pathway::differential::CampaignOptions options;
  options.programs = std::numeric_limits<size_t>::max();
  options.seconds = 60;
  options.maxFailures = 5;
  std::string out;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::cerr << "missing value after " << argv[i] << "\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--seconds")) {
      options.seconds = std::atof(value());
    } else if (!std::strcmp(argv[i], "--seed")) {
      options.seed = std::strtoull(value(), nullptr, 10);
    } else if (!std::strcmp(argv[i], "--programs")) {
      options.programs = std::strtoull(value(), nullptr, 10);
    } else if (!std::strcmp(argv[i], "--patients")) {
      options.patients = std::strtoull(value(), nullptr, 10);
    } else if (!std::strcmp(argv[i], "--print")) {
      // The program a seed generates, without running it.
      std::cout << pathway::differential::print(pathway::differential::generateProgram(
          std::strtoull(value(), nullptr, 10)));
      return 0;
    } else if (!std::strcmp(argv[i], "--out")) {
      out = value();
    } else {
      std::cerr << "usage: " << argv[0]
                << " [--seconds N] [--seed S] [--programs N] [--patients N] [--out DIR] [--print SEED]\n";
      return 2;
    }
  }
  options.log = &std::cerr;
  std::cerr << "differential campaign: seed " << options.seed << ", " << options.seconds << " s budget\n";
  const auto result = pathway::differential::runCampaign(options);
  if (!out.empty()) {
    std::filesystem::create_directories(out);
    for (size_t i = 0; i < result.failures.size(); ++i) {
      std::ofstream(out + "/failure-" + std::to_string(i) + ".txt") << result.failures[i];
    }
  }
  return result.failures.empty() ? 0 : 1;
}
