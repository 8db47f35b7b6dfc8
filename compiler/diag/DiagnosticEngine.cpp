#include "diag/DiagnosticEngine.h"

#include <algorithm>

namespace pathway::diag {

const KindInfo& info(Kind kind) {
  static const KindInfo kInfos[] = {
#define PATHWAY_DIAG(name, severity, id, format) {Severity::severity, id, format},
#include "diag/Kinds.def"
#undef PATHWAY_DIAG
  };
  return kInfos[static_cast<size_t>(kind)];
}

std::string_view severityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

DiagnosticBuilder DiagnosticEngine::add(Kind kind, Range range, bool hasRange,
                                        std::string message) {
  Severity severity = info(kind).severity;
  if (severity == Severity::Warning && warningsAsErrors_) severity = Severity::Error;
  if (severity == Severity::Error) ++errors_;
  if (severity == Severity::Warning) ++warnings_;
  diagnostics_.push_back(
      Diagnostic{kind, severity, hasRange ? file_ : nullptr, range, std::move(message), {}});
  return DiagnosticBuilder(this, diagnostics_.size() - 1);
}

std::vector<Diagnostic> DiagnosticEngine::finish() const {
  std::vector<Diagnostic> sorted = diagnostics_;
  // File-level diagnostics first, then by position; ties keep report order.
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if ((a.file == nullptr) != (b.file == nullptr)) return a.file == nullptr;
    return a.range.begin < b.range.begin;
  });
  std::vector<Diagnostic> out;
  size_t errors = 0;
  for (Diagnostic& d : sorted) {
    if (d.severity == Severity::Error && ++errors > errorLimit_) {
      out.push_back(Diagnostic{Kind::TooManyErrors, Severity::Error, nullptr, {},
                               format(Kind::TooManyErrors, errorLimit_), {}});
      break;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace pathway::diag
