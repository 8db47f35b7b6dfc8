#include "FuzzSupport.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "codegen/Codegen.h"
#include "driver/Pipeline.h"
#include "link/Link.h"

namespace pathway::fuzz {

const char* fixedPathwaySource() {
  return R"pw(pathway fuzzfixed {
  title "Fuzz fixture";
  version "1.2.3";
  author "fuzz";
  source src "Fixture" { S1.P1, S1.P2 }
}
enum Quality { dull, sharp, electrical }
input pain: int in 0..10 "Pain now";
input quality: Quality;
input weeks_pt: weeks in 0 days..2 years;
input fever: bool;
input crp: mg/L in 0..500;
input temp: number in 30..45.5;
input adherence: % in 0..100;
const MIN_PT = 6 weeks;
codeset crp_codes { loinc "1988-5", loinc "30522-7" }
codeset fever_codes { snomed "386661006", icd10cm "R50.9" }
codeset pt_codes { snomed "91251008" }
codeset dull_codes { "urn:fuzz" "dull" }
codeset sharp_codes { "urn:fuzz" "sharp" }
fhir crp { observation crp_codes; within 90 days; }
fhir fever { condition fever_codes; within 14 days; }
fhir weeks_pt { procedure pt_codes; measure span; within 1 year; }
fhir quality { condition { dull_codes: dull, sharp_codes: sharp }; select highest; absent electrical; }
define short_trial = weeks_pt < MIN_PT;
define score = pain * 2 + crp / 10 mg/L;
finding inflamed { label "Inflamed"; when crp > 1 mg/dL or temp >= 38; cite S1.P1; }
recommendation continue_pt {
  label "Continue PT"; when short_trial or adherence < 80%; category execution;
  urgency routine; rationale "More PT"; cite S1.P1;
}
recommendation urgent {
  label "Urgent"; when fever and (quality in {sharp, electrical} or inflamed) and score > 4;
  category urgent; urgency immediate; rationale "Red flag"; cite S1.P2;
  supersedes continue_pt;
}
)pw";
}

const std::string& scratchDirectory() {
  static const std::string path = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "pathway-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    return pattern;
  }();
  return path;
}

const std::string& fixedLibraryPath() {
  static const std::string path = [] {
    auto compilation = driver::compileText("fuzzfixed.pw", fixedPathwaySource(), {});
    if (!compilation->ok() || !compilation->program) {
      std::fprintf(stderr, "fuzz fixture does not compile\n");
      std::abort();
    }
    codegen::CodegenResult result;
    std::string error;
    const std::string out = scratchDirectory() + "/libfuzzfixed.so";
    if (!codegen::generate(*compilation->program, {}, result, error) ||
        !link::linkSharedLibrary(result.objects, out, error)) {
      std::fprintf(stderr, "fuzz fixture does not build: %s\n", error.c_str());
      std::abort();
    }
    return out;
  }();
  return path;
}

std::vector<char> readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::string& path, const void* data, size_t size) {
  // A new inode each time, so that dlopen never sees a stale mapping.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  std::filesystem::rename(tmp, path);
}

}  // namespace pathway::fuzz
