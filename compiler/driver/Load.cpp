#include "driver/Load.h"

#include <cstdio>

#include "codegen/Codegen.h"
#include "driver/Report.h"
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
        !link::linkSharedLibrary(generated.object, path, error)) {
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

}  // namespace pathway::driver
