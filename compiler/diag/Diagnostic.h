// Diagnostics as data: a kind from one registry (Kinds.def), a severity, a
// formatted message, a primary range and notes at related ranges.
#ifndef PATHWAY_DIAG_DIAGNOSTIC_H
#define PATHWAY_DIAG_DIAGNOSTIC_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/SourceFile.h"

namespace pathway::diag {

enum class Severity : uint8_t { Error, Warning, Note };

enum class Kind : uint16_t {
#define PATHWAY_DIAG(name, severity, id, format) name,
#include "diag/Kinds.def"
#undef PATHWAY_DIAG
};

inline constexpr size_t kKindCount = 0
#define PATHWAY_DIAG(name, severity, id, format) +1
#include "diag/Kinds.def"
#undef PATHWAY_DIAG
    ;

struct KindInfo {
  Severity severity;
  std::string_view id;
  std::string_view format;
};

const KindInfo& info(Kind kind);
std::string_view severityName(Severity severity);

struct Note {
  Kind kind;
  Range range;
  bool hasRange = true;
  std::string message;
  // A fix-it: the text that replaces `range` ("did you mean" notes). Empty
  // when the note proposes no edit. Editors offer it as a quick fix.
  std::string replacement;
};

struct Diagnostic {
  Kind kind;
  Severity severity;
  const SourceFile* file = nullptr;  // null: not about a position in a file
  Range range;
  std::string message;
  std::vector<Note> notes;
};

}  // namespace pathway::diag

#endif  // PATHWAY_DIAG_DIAGNOSTIC_H
