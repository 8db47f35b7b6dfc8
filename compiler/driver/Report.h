// Prints a compilation's diagnostics to stderr in the requested format.
#ifndef PATHWAY_DRIVER_REPORT_H
#define PATHWAY_DRIVER_REPORT_H

#include "driver/Commands.h"
#include "driver/Pipeline.h"

namespace pathway::driver {

void printDiagnostics(const Compilation& c, const DiagnosticOptions& options);
// Compiles a file through lowering, printing its diagnostics. Null on error.
// keepProperties: properties and allows stay in the IR (verify, dump-ir).
std::unique_ptr<Compilation> frontend(const std::string& path, const DiagnosticOptions& options, Stage stopAfter,
                                      bool keepProperties = false);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_REPORT_H
