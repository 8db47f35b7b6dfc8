// The language features, one family per source file. Each takes the
// document and the request's params (LSP 3.17 shapes) and returns the
// result JSON; bad params throw RequestError or a json exception, which the
// server answers with an Invalid Params error.
#ifndef PATHWAY_LSP_FEATURES_H
#define PATHWAY_LSP_FEATURES_H

#include <nlohmann/json.hpp>

#include "lsp/Document.h"

namespace pathway::lsp {

using json = nlohmann::json;

// Diagnostics.cpp: PublishDiagnosticsParams for the snapshot.
json publishDiagnostics(const std::string& uri, const Snapshot& snapshot);
// One LSP Diagnostic (code = kind id, notes as relatedInformation).
json toLsp(const std::string& uri, const Snapshot& snapshot, const diag::Diagnostic& d);

// Hover.cpp
json hover(Document& doc, const json& params);

// Navigation.cpp
json definition(Document& doc, const json& params);
json references(Document& doc, const json& params);
json documentHighlight(Document& doc, const json& params);
json prepareRename(Document& doc, const json& params);
json rename(Document& doc, const json& params);

// Outline.cpp
json documentSymbols(Document& doc, const json& params);

// Completion.cpp
json completion(Document& doc, const json& params);

// Edits.cpp: formatting (our formatter) and quick fixes from fix-its.
json formatting(Document& doc, const json& params);
json codeActions(Document& doc, const json& params);

// SemanticTokens.cpp
json semanticTokensLegend();
json semanticTokens(Document& doc, const json& params);

// The byte offset a request's params.position points at, in `snapshot`.
uint32_t requestOffset(const Snapshot& snapshot, const json& params);
// The snapshot of the current text; a RequestFailed error if the text has
// syntax errors (names and types are not known then).
const Snapshot& checkedSnapshot(Document& doc);

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_FEATURES_H
