// Renders collected diagnostics for people (text, optionally coloured) and
// for tools (JSON).
#ifndef PATHWAY_DIAG_RENDER_H
#define PATHWAY_DIAG_RENDER_H

#include <string>
#include <vector>

#include "diag/Diagnostic.h"

namespace pathway::diag {

struct TextStyle {
  bool color = false;
};

// "file:line:col: error: message", the source line, a caret and tildes
// under the range, then each note the same way.
// `path` names the file for diagnostics that are not about a position.
std::string renderText(const std::vector<Diagnostic>& diagnostics, const std::string& path,
                       TextStyle style = {});

// One JSON object per diagnostic: file, line, column, endLine, endColumn,
// severity, kind, message, notes[].
std::string renderJson(const std::vector<Diagnostic>& diagnostics, const std::string& path);

}  // namespace pathway::diag

#endif  // PATHWAY_DIAG_RENDER_H
