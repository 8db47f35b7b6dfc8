#include <ctime>
#include "driver/Load.h"

#include <cstdio>

#include "codegen/Codegen.h"
#include "driver/Report.h"
#include "ir/Interpreter.h"
#include "ir/Metadata.h"
#include "link/Link.h"

namespace pathway::driver {

bool isPathwaySource(const std::string& path) {
  return path.size() >= 3 && path.compare(path.size() - 3, 3, ".pw") == 0;
}

std::unique_ptr<LoadedPathway> loadPathway(const std::string& target, const DiagnosticOptions& diag) {
  auto loaded = std::make_unique<LoadedPathway>();
  std::string path = target;
  if (isPathwaySource(target)) {
    loaded->compilation = frontend(target, diag, Stage::Lower);
    if (!loaded->compilation) return nullptr;
    if (!loaded->temp.ok()) {
      std::fprintf(stderr, "pathwayc: error: cannot create a temporary directory\n");
      return nullptr;
    }
    const ir::Program& program = *loaded->compilation->program;
    codegen::CodegenResult generated;
    std::string error;
    path = loaded->temp.path() + "/lib" + program.meta.name + ".so";
    if (!codegen::generate(program, codegen::CodegenOptions{}, generated, error) ||
        !link::linkSharedLibrary(generated.objects, path, error)) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return nullptr;
    }
  }
  try {
    loaded->library.emplace(path);
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
    return nullptr;
  }
  return loaded;
}

std::unique_ptr<LoadedPathway> loadInterpreted(const std::string& target, const DiagnosticOptions& diag) {
  if (!isPathwaySource(target)) {
    std::fprintf(stderr, "pathwayc: error: --interpret needs the pathway source (.pw), not a compiled library\n");
    return nullptr;
  }
  auto loaded = std::make_unique<LoadedPathway>();
  loaded->compilation = frontend(target, diag, Stage::Lower);
  if (!loaded->compilation) return nullptr;
  const ir::Program& program = *loaded->compilation->program;
  loaded->interpreted = true;
  loaded->metadata = ir::metadataJson(program);
  pw_descriptor& d = loaded->descriptor;
  d.magic = PW_DESCRIPTOR_MAGIC;
  d.abi_version = PW_ABI_VERSION;
  d.descriptor_size = PW_DESCRIPTOR_SIZE_COLUMNS;
  d.n_inputs = static_cast<uint32_t>(program.inputs.size());
  d.n_recommendations = static_cast<uint32_t>(program.recommendations.size());
  d.n_findings = static_cast<uint32_t>(program.findings.size());
  d.n_definitions = static_cast<uint32_t>(program.definitions.size());
  d.n_slots = program.slotCount();
  d.mask_words = program.maskWords();
  d.content_hash = ir::contentHash(program);
  d.name = program.meta.name.c_str();
  d.version = program.meta.version.c_str();
  d.metadata_json = loaded->metadata.data();
  d.metadata_size = loaded->metadata.size();
  d.metadata_checksum = pw_descriptor_checksum(&d);
  try {
    loaded->library.emplace(Library::fromDescriptor(d));
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: internal error: %s\n", e.what());
    return nullptr;
  }
  return loaded;
}

void LoadedPathway::evaluate(const Input& input, Result& result) const {
  if (!interpreted) {
    // Every command that evaluates reads the missing inputs too.
    pathway::evaluateWithMasks(*library, input, result);
    return;
  }
  const ir::Program& program = *compilation->program;
  InputRows rows = input.rows();
  std::vector<uint8_t> state(program.slotCount());
  std::vector<double> numbers(program.slotCount());
  std::vector<uint64_t> missing(program.recommendations.size() * program.maskWords());
  ir::interpret(program, rows.values, rows.known, state.data(), numbers.data(), missing.data());
  result.load(state.data(), numbers.data(), missing.data());
}

namespace {

// Now in UTC, as FHIR writes it: 2026-12-03T09:00:00Z.
std::string currentTime() {
  std::time_t t = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace

std::optional<Input> LoadedPathway::readInput(const std::string& path, const std::string& fhir,
                                              const std::string& now) const {
  std::string error;
  std::optional<std::string> text = path.empty() ? std::string("{}") : readWholeFile(path, error);
  std::optional<std::string> bundle = fhir.empty() || !text ? std::string() : readWholeFile(fhir, error);
  if (!text || !bundle) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return std::nullopt;
  }
  Input input(*library);
  const std::string* stage = &path;
  try {
    input.setJson(*text);
    stage = &fhir;
    if (!fhir.empty()) input.setFhir(*bundle, now.empty() ? currentTime() : now);
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s: %s\n", stage->c_str(), e.what());
    return std::nullopt;
  }
  return input;
}

bool LoadedPathway::readPatient(const std::string& path, std::vector<double>& values,
                                std::vector<uint8_t>& known) const {
  std::optional<Input> input = readInput(path);
  if (!input) return false;
  InputRows rows = input->rows();
  uint32_t n = library->info().n_inputs;
  values.assign(rows.values, rows.values + n);
  known.assign(rows.known, rows.known + n);
  return true;
}

}  // namespace pathway::driver
