// pathway._compiler: the compiler driver in-process, for pathway.compile.
// A module of its own so that `import pathway` does not load LLVM.
#include <pybind11/pybind11.h>

#include "driver/Build.h"

namespace py = pybind11;

PYBIND11_MODULE(_compiler, m) {
  m.doc() = "pathwayc build in-process (use pathway.compile).";
  m.def(
      "build",
      [](const std::string& path, py::object text, const std::string& output, int optLevel,
         bool columns, bool warningsAsErrors) {
        pathway::driver::LibraryBuild build;
        build.path = path;
        if (!text.is_none()) {
          build.fromText = true;
          build.text = py::cast<std::string>(text);
        }
        build.output = output;
        build.optLevel = optLevel;
        build.columns = columns;
        build.warningsAsErrors = warningsAsErrors;
        {
          py::gil_scoped_release release;
          pathway::driver::buildLibrary(build);
        }
        return py::make_tuple(build.ok, build.diagnosticsText, build.diagnosticsJson, build.error);
      },
      py::arg("path"), py::arg("text"), py::arg("output"), py::arg("opt_level"),
      py::arg("columns"), py::arg("werror"),
      "Compiles a .pw file (or `text` named `path`) into the shared library `output`: "
      "(ok, diagnostics text, diagnostics JSON, back-end error).");
}
