// Loading a pathway for the commands that evaluate or inspect one: a
// compiled library as is, or a .pw compiled into a private temporary
// directory first (its IR is kept, for the interpreter).
#ifndef PATHWAY_DRIVER_LOAD_H
#define PATHWAY_DRIVER_LOAD_H

#include <memory>
#include <optional>
#include <pathway/pathway.hpp>
#include <string>

#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Pipeline.h"

namespace pathway::driver {

struct LoadedPathway {
  TempDir temp;                              // holds the library built from a .pw
  std::unique_ptr<Compilation> compilation;  // set when loaded from a .pw
  std::optional<Library> library;
};

bool isPathwaySource(const std::string& path);

// Prints diagnostics or the runtime's message and returns null on failure.
std::unique_ptr<LoadedPathway> loadPathway(const std::string& target, const DiagnosticOptions& diag);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_LOAD_H
