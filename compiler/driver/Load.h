// Loading a pathway for the commands that evaluate or inspect one: a
// compiled library as is, or a .pw compiled into a private temporary
// directory first (its IR is kept, for the interpreter).
#ifndef PATHWAY_DRIVER_LOAD_H
#define PATHWAY_DRIVER_LOAD_H

#include <memory>
#include <optional>
#include <pathway/abi.h>
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
  // Interpreted: opened from an in-memory descriptor with no entry points;
  // results come from ir::interpret and are loaded with Result::load.
  bool interpreted = false;
  std::string metadata;       // the in-memory descriptor's strings live here
  pw_descriptor descriptor{};

  // Evaluates `input` into `result`, compiled or interpreted.
  void evaluate(const Input& input, Result& result) const;
  // Reads one patient's JSON file, printing the error and returning nothing
  // when it cannot be read or is rejected.
  // The patient JSON at `path` ("" for none: every input unknown), then, when
  // `fhir` names a Bundle, the inputs it binds as of `now` ("" for the
  // current time). Errors are printed, naming the file.
  std::optional<Input> readInput(const std::string& path, const std::string& fhir = "",
                                 const std::string& now = "") const;
  // Reads one patient's JSON file into input rows (values, known), printing
  // the error and returning false when it cannot be read or is rejected.
  bool readPatient(const std::string& path, std::vector<double>& values, std::vector<uint8_t>& known) const;
};

bool isPathwaySource(const std::string& path);

// Prints diagnostics or the runtime's message and returns null on failure.
std::unique_ptr<LoadedPathway> loadPathway(const std::string& target, const DiagnosticOptions& diag);

// The same for a .pw evaluated by the reference interpreter (no codegen).
std::unique_ptr<LoadedPathway> loadInterpreted(const std::string& target, const DiagnosticOptions& diag);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_LOAD_H
