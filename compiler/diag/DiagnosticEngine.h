// Collects diagnostics for one source file. Libraries report here and never
// print, exit or throw; the driver renders what was collected.
#ifndef PATHWAY_DIAG_DIAGNOSTICENGINE_H
#define PATHWAY_DIAG_DIAGNOSTICENGINE_H

#include <fmt/format.h>

#include <string>
#include <vector>

#include "diag/Diagnostic.h"

namespace pathway::diag {

class DiagnosticEngine;

// Adds notes to the diagnostic just reported.
class DiagnosticBuilder {
 public:
  DiagnosticBuilder(DiagnosticEngine* engine, size_t index) : engine_(engine), index_(index) {}

  template <class... Args>
  DiagnosticBuilder& note(Kind kind, Range range, const Args&... args);
  template <class... Args>
  DiagnosticBuilder& noteNoRange(Kind kind, const Args&... args);
  // A "did you mean" note that also carries its fix-it: `replacement`
  // replaces `range`.
  DiagnosticBuilder& suggestion(Range range, const std::string& replacement);

 private:
  DiagnosticEngine* engine_;
  size_t index_;
};

class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(const SourceFile* file, size_t errorLimit = 50)
      : file_(file), errorLimit_(errorLimit) {}

  template <class... Args>
  DiagnosticBuilder report(Kind kind, Range range, const Args&... args) {
    return add(kind, range, /*hasRange=*/true, format(kind, args...));
  }
  // A diagnostic about the file as a whole (cannot be opened, too large).
  template <class... Args>
  DiagnosticBuilder reportFile(Kind kind, const Args&... args) {
    return add(kind, {}, /*hasRange=*/false, format(kind, args...));
  }

  // Warnings become errors (--Werror).
  void setWarningsAsErrors(bool on) { warningsAsErrors_ = on; }

  size_t errorCount() const { return errors_; }
  size_t warningCount() const { return warnings_; }
  // Past the error limit nothing more will be shown: skip costly extras
  // such as "did you mean" searches.
  bool saturated() const { return errors_ >= errorLimit_; }
  // More errors than the limit: the phases stop (the front end throws
  // syntax::ScanStopped, sema is not run), so work is bounded by the limit.
  bool overLimit() const { return errors_ > errorLimit_; }
  bool hasErrors() const { return errorCount() > 0; }
  const SourceFile* file() const { return file_; }

  // Sorted by position, capped at the error limit (with a final
  // too-many-errors diagnostic when the cap was hit).
  std::vector<Diagnostic> finish() const;

  template <class... Args>
  static std::string format(Kind kind, const Args&... args) {
    return fmt::format(fmt::runtime(info(kind).format), args...);
  }

 private:
  friend class DiagnosticBuilder;
  DiagnosticBuilder add(Kind kind, Range range, bool hasRange, std::string message);

  const SourceFile* file_;
  size_t errorLimit_;
  bool warningsAsErrors_ = false;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  std::vector<Diagnostic> diagnostics_;
};

template <class... Args>
DiagnosticBuilder& DiagnosticBuilder::note(Kind kind, Range range, const Args&... args) {
  engine_->diagnostics_[index_].notes.push_back(
      Note{kind, range, true, DiagnosticEngine::format(kind, args...), {}});
  return *this;
}

inline DiagnosticBuilder& DiagnosticBuilder::suggestion(Range range, const std::string& replacement) {
  engine_->diagnostics_[index_].notes.push_back(
      Note{Kind::NoteDidYouMean, range, true, DiagnosticEngine::format(Kind::NoteDidYouMean, replacement), replacement});
  return *this;
}

template <class... Args>
DiagnosticBuilder& DiagnosticBuilder::noteNoRange(Kind kind, const Args&... args) {
  engine_->diagnostics_[index_].notes.push_back(
      Note{kind, {}, false, DiagnosticEngine::format(kind, args...), {}});
  return *this;
}

}  // namespace pathway::diag

#endif  // PATHWAY_DIAG_DIAGNOSTICENGINE_H
