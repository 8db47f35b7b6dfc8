// Evaluates a compiled pathway on patient files through the C++ wrapper.
//
//   pathway_example_cpp LIB.so PATIENT.json...
//
// Same output as the C example; exits 1 on any error with the runtime's
// message.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <pathway/pathway.hpp>

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void report(const pathway::Library& library, const pathway::Result& result) {
  uint32_t notFiring = 0;
  for (uint32_t r = 0; r < library.recommendationCount(); ++r) {
    const pw_rec_status status = result.status(r);
    if (status == PW_NO) {
      ++notFiring;
      continue;
    }
    const pw_recommendation_info rec = library.recommendation(r);
    std::printf("  %-12s %s [%s] %s\n", status == PW_FIRE ? "FIRE" : "UNDETERMINED", rec.name,
                rec.urgency, rec.label);
    std::printf("      citations:");
    for (uint32_t i = 0; i < rec.n_citations; ++i) {
      std::printf("%s %s", i ? "," : "", rec.citations[i].paragraph);
    }
    std::printf("\n");
    const std::vector<uint32_t> missing = result.missing(r);
    if (!missing.empty()) {
      std::printf("      missing:");
      for (size_t i = 0; i < missing.size(); ++i) {
        std::printf("%s %s", i ? "," : "", library.input(missing[i]).name);
      }
      std::printf("\n");
    }
  }
  std::printf("  %u recommendation(s) do not fire\n", notFiring);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: " << argv[0] << " LIB.so PATIENT.json...\n";
    return 2;
  }
  try {
    pathway::Library library(argv[1]);
    const pw_library_info info = library.info();
    std::printf("%s %s: %s\n", info.name, info.version, info.title);
    pathway::Input input(library);
    pathway::Result result(library);
    for (int i = 2; i < argc; ++i) {
      try {
        input.setJson(readFile(argv[i]));
      } catch (const pathway::Error& error) {
        throw std::runtime_error(std::string(argv[i]) + ": " + error.what());
      }
      pathway::evaluate(library, input, result);
      std::printf("\n%s\n", argv[i]);
      report(library, result);
    }
    return 0;
  } catch (const std::exception& error) {
    std::fflush(stdout);
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
