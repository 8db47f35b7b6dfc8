// Compiler diagnostics as LSP diagnostics.
#include "lsp/Features.h"
#include "lsp/Protocol.h"

namespace pathway::lsp {

json toLsp(const std::string& uri, const Snapshot& snapshot, const diag::Diagnostic& d) {
  json out;
  // Diagnostics about the file as a whole sit at its start.
  out["range"] = snapshot.lines.range(d.file ? d.range : diag::Range{0, 0});
  out["severity"] = d.severity == diag::Severity::Error ? severity::Error : severity::Warning;
  out["code"] = std::string(diag::info(d.kind).id);
  out["source"] = "pathwayc";
  // Unused declarations are shown faded (DiagnosticTag.Unnecessary).
  if (d.kind == diag::Kind::UnusedInput || d.kind == diag::Kind::UnusedDefinition) out["tags"] = {1};
  std::string message = d.message;
  json related = json::array();
  for (const diag::Note& note : d.notes) {
    if (!note.hasRange || !d.file) {
      message += "\n" + note.message;  // a note with no place: part of the message
      continue;
    }
    related.push_back({{"location", {{"uri", uri}, {"range", snapshot.lines.range(note.range)}}},
                       {"message", note.message}});
  }
  out["message"] = message;
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  return out;
}

json publishDiagnostics(const std::string& uri, const Snapshot& snapshot) {
  json list = json::array();
  for (const diag::Diagnostic& d : snapshot.c().diagnostics) list.push_back(toLsp(uri, snapshot, d));
  return {{"uri", uri}, {"version", snapshot.version}, {"diagnostics", std::move(list)}};
}

uint32_t requestOffset(const Snapshot& snapshot, const json& params) {
  return snapshot.lines.offset(params.at("position"));
}

const Snapshot& checkedSnapshot(Document& doc) {
  const Snapshot& s = doc.current();
  if (!s.c().checked) throw RequestError(kRequestFailed, "the file has syntax errors; fix them first");
  return s;
}

}  // namespace pathway::lsp
