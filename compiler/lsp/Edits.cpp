// Formatting (compiler/format, as `pathwayc fmt`) and quick fixes from the
// fix-its the diagnostics carry ("did you mean").
#include "format/Format.h"
#include "lsp/Features.h"
#include "lsp/Protocol.h"

namespace pathway::lsp {

json formatting(Document& doc, const json&) {
  const Snapshot& s = doc.current();
  // The formatter needs a file that parsed; sema errors do not matter.
  if (!s.c().checked) throw RequestError(kRequestFailed, "the file has syntax errors; fix them to format it");
  std::string formatted = format::formatFile(s.c().ast, *s.c().source);
  json edits = json::array();
  if (formatted != s.text()) {
    edits.push_back({{"range", s.lines.range({0, static_cast<uint32_t>(s.text().size())})}, {"newText", formatted}});
  }
  return edits;
}

json codeActions(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  uint32_t begin = s.lines.offset(params.at("range").at("start"));
  uint32_t end = s.lines.offset(params.at("range").at("end"));
  json only = params.value("context", json::object()).value("only", json::array());
  if (!only.empty()) {
    bool wantsQuickFix = false;
    for (const json& kind : only) wantsQuickFix |= kind.is_string() && kind.get<std::string>().rfind("quickfix", 0) == 0;
    if (!wantsQuickFix) return json::array();
  }
  json actions = json::array();
  for (const diag::Diagnostic& d : s.c().diagnostics) {
    if (!d.file || d.range.end < begin || d.range.begin > end) continue;
    for (const diag::Note& note : d.notes) {
      if (note.replacement.empty() || !note.hasRange) continue;
      std::string original = s.text().substr(note.range.begin, note.range.end - note.range.begin);
      json edit = {{"range", s.lines.range(note.range)}, {"newText", note.replacement}};
      actions.push_back({{"title", "Change '" + original + "' to '" + note.replacement + "'"},
                         {"kind", "quickfix"},
                         {"isPreferred", true},
                         {"diagnostics", json::array({toLsp(doc.uri(), s, d)})},
                         {"edit", {{"changes", {{doc.uri(), json::array({edit})}}}}}});
    }
  }
  return actions;
}

}  // namespace pathway::lsp
