// Evaluates a compiled pathway on patient files through the C++ wrapper.
//
//   pathway_example_cpp LIB.so [--explain CODE] PATIENT.json...
//
// Same output as the C example; with --explain, each patient is evaluated
// with a trace and the explanation of recommendation CODE follows (why it
// fired, or what would decide it). Exits 1 on any error with the runtime's
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

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t begin = 0;
  for (size_t end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1) {
    out += prefix + text.substr(begin, end - begin + 1);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const bool explain = argc >= 3 && std::string(argv[2]) == "--explain";
  const int firstPatient = explain ? 4 : 2;
  if (argc <= firstPatient) {
    std::cerr << "usage: " << argv[0] << " LIB.so [--explain CODE] PATIENT.json...\n";
    return 2;
  }
  try {
    pathway::Library library(argv[1]);
    const pw_library_info info = library.info();
    std::printf("%s %s: %s\n", info.name, info.version, info.title);
    const uint32_t explained = explain ? library.findRecommendation(argv[3]) : 0;
    pathway::Input input(library);
    pathway::Result result(library);
    for (int i = firstPatient; i < argc; ++i) {
      try {
        input.setJson(readFile(argv[i]));
      } catch (const pathway::Error& error) {
        throw std::runtime_error(std::string(argv[i]) + ": " + error.what());
      }
      if (explain) {
        pathway::evaluateTraced(library, input, result);
      } else {
        pathway::evaluate(library, input, result);
      }
      std::printf("\n%s\n", argv[i]);
      report(library, result);
      if (explain) std::printf("  why:\n%s", indent(result.explain(explained), "    ").c_str());
    }
    return 0;
  } catch (const std::exception& error) {
    std::fflush(stdout);
    std::cerr << "error: " << error.what() << "\n";
    return 1;
  }
}
