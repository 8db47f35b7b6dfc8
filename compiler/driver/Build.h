// The whole of `pathwayc build` as a library call, for hosts that compile
// in-process (the Python package's pathway.compile): front end, code
// generation and linking, with the diagnostics returned rendered rather
// than printed.
#ifndef PATHWAY_DRIVER_BUILD_H
#define PATHWAY_DRIVER_BUILD_H

#include <string>

namespace pathway::driver {

struct LibraryBuild {
  // Input: a file to read, or `text` compiled under the name `path`.
  std::string path;
  std::string text;
  bool fromText = false;
  std::string output;  // the shared library to write (atomically)
  int optLevel = 2;
  bool columns = true;
  bool warningsAsErrors = false;

  // Output.
  bool ok = false;
  std::string diagnosticsText;  // as `pathwayc check` prints them (no colour)
  std::string diagnosticsJson;  // as --error-format=json prints them
  std::string error;            // set when code generation or linking failed
};

// Runs the build; never throws for bad input.
void buildLibrary(LibraryBuild& build);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_BUILD_H
