// An open text document and the compiler's view of it. The text is
// compiled (through driver::compileText, up to sema) only when a feature
// asks and the text changed since the last compile.
#ifndef PATHWAY_LSP_DOCUMENT_H
#define PATHWAY_LSP_DOCUMENT_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

#include "driver/Pipeline.h"
#include "lsp/Position.h"

namespace pathway::lsp {

// One compiled version of a document: the compilation and the line index
// of the text it was compiled from.
struct Snapshot {
  std::unique_ptr<driver::Compilation> compilation;
  LineIndex lines;
  int64_t version = 0;

  const std::string& text() const { return compilation->source->text(); }
  const driver::Compilation& c() const { return *compilation; }
};

class Document {
 public:
  Document(std::string uri, std::string path, std::string text, int64_t version, Encoding encoding);

  const std::string& uri() const { return uri_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  int64_t version() const { return version_; }
  bool dirty() const { return dirty_; }

  // Full text, or an edit of a range (TextDocumentContentChangeEvent).
  void applyChange(const nlohmann::json& change);
  void setVersion(int64_t version) { version_ = version; }

  // The compiled current text (compiles it if needed).
  const Snapshot& current();
  // The newest snapshot that had no syntax errors (its names and types are
  // known), possibly of an older text; null if there is none yet.
  const Snapshot* lastChecked();

 private:
  std::string uri_, path_, text_;
  int64_t version_;
  Encoding encoding_;
  bool dirty_ = true;
  std::shared_ptr<Snapshot> current_;
  std::shared_ptr<Snapshot> lastChecked_;
};

// A file:// URI's path (percent-decoded), or the URI itself for other
// schemes: the name diagnostics carry.
std::string uriToPath(const std::string& uri);

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_DOCUMENT_H
