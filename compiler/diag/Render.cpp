#include "diag/Render.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace pathway::diag {
namespace {

const char* colorOf(Severity severity) {
  switch (severity) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;35m";
    case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kGreen = "\x1b[1;32m";
constexpr const char* kReset = "\x1b[0m";

// The source line of `range` and a caret line under it. Tabs in the source
// are copied into the caret line so the caret lines up in any tab width.
void appendSnippet(std::string& out, const SourceFile& file, Range range, TextStyle style) {
  LineColumn begin = file.lineColumn(range.begin);
  std::string_view line = file.line(begin.line);
  out.append(line);
  out.push_back('\n');
  std::string caret;
  uint32_t column = std::min<uint32_t>(begin.column - 1, static_cast<uint32_t>(line.size()));
  for (uint32_t i = 0; i < column; ++i) caret.push_back(line[i] == '\t' ? '\t' : ' ');
  caret.push_back('^');
  // Tildes up to the end of the range, clipped to this line.
  uint32_t lineEnd = range.begin + static_cast<uint32_t>(line.size()) - column;
  uint32_t end = std::min(range.end, lineEnd);
  for (uint32_t i = range.begin + 1; i < end; ++i) caret.push_back('~');
  if (style.color) out += kGreen;
  out += caret;
  if (style.color) out += kReset;
  out.push_back('\n');
}

void appendHeader(std::string& out, const std::string& path, const SourceFile* file, Range range,
                  bool hasPosition, Severity severity, const std::string& message,
                  TextStyle style) {
  if (style.color) out += kBold;
  out += path;
  if (hasPosition && file) {
    LineColumn lc = file->lineColumn(range.begin);
    out += fmt::format(":{}:{}", lc.line, lc.column);
  }
  out += ": ";
  if (style.color) out += colorOf(severity);
  out += severityName(severity);
  out += ": ";
  if (style.color) {
    out += kReset;
    out += kBold;
  }
  out += message;
  if (style.color) out += kReset;
  out.push_back('\n');
}

}  // namespace

std::string renderText(const std::vector<Diagnostic>& diagnostics, const std::string& fallbackPath,
                       TextStyle style) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    const std::string& path = d.file ? d.file->path() : fallbackPath;
    appendHeader(out, path, d.file, d.range, d.file != nullptr, d.severity, d.message, style);
    if (d.file) appendSnippet(out, *d.file, d.range, style);
    for (const Note& note : d.notes) {
      bool positioned = note.hasRange && d.file;
      appendHeader(out, path, d.file, note.range, positioned, Severity::Note, note.message, style);
      // A note about the primary range itself ("did you mean") needs no
      // second copy of the same snippet.
      bool samePlace = note.range.begin == d.range.begin && note.range.end == d.range.end;
      if (positioned && !samePlace) appendSnippet(out, *d.file, note.range, style);
    }
  }
  return out;
}

namespace {

nlohmann::json position(const std::string& path, const SourceFile* file, Range range, bool hasPosition) {
  nlohmann::json j = nlohmann::json::object();
  j["file"] = file ? file->path() : path;
  if (hasPosition && file) {
    LineColumn b = file->lineColumn(range.begin);
    LineColumn e = file->lineColumn(std::max(range.end, range.begin));
    j["line"] = b.line;
    j["column"] = b.column;
    j["endLine"] = e.line;
    j["endColumn"] = e.column;
  }
  return j;
}

}  // namespace

std::string renderJson(const std::vector<Diagnostic>& diagnostics, const std::string& path) {
  nlohmann::json all = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics) {
    const SourceFile* file = d.file;
    nlohmann::json j = position(path, file, d.range, file != nullptr);
    j["severity"] = severityName(d.severity);
    j["kind"] = info(d.kind).id;
    j["message"] = d.message;
    nlohmann::json notes = nlohmann::json::array();
    for (const Note& note : d.notes) {
      nlohmann::json n = position(path, file, note.range, note.hasRange && file);
      n["severity"] = "note";
      n["kind"] = info(note.kind).id;
      n["message"] = note.message;
      notes.push_back(std::move(n));
    }
    j["notes"] = std::move(notes);
    all.push_back(std::move(j));
  }
  return all.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace pathway::diag
