// Lexical pass before parsing: runs the ANTLR lexer over the whole file,
// turns lexical problems (invalid characters, unterminated strings and
// comments, bad escapes, over-long names, huge numbers, excessive nesting)
// into diagnostics, and hands the parser a cleaned token list so that one
// lexical slip does not cascade into syntax errors. Comments (hidden-channel
// tokens) are set aside for the AST, never passed to the parser.
#ifndef PATHWAY_SYNTAX_TOKENSCAN_H
#define PATHWAY_SYNTAX_TOKENSCAN_H

#include <memory>
#include <vector>

#include "antlr4-runtime.h"
#include "diag/DiagnosticEngine.h"
#include "syntax/Parser.h"

namespace pathway::syntax {

// Maps ANTLR's code-point indices to byte offsets in the UTF-8 source.
class OffsetMap {
 public:
  explicit OffsetMap(const std::string& utf8);
  uint32_t byte(size_t codePoint) const {
    if (identity_) return static_cast<uint32_t>(codePoint);
    return codePoint < offsets_.size() ? offsets_[codePoint] : offsets_.back();
  }
  diag::Range range(const antlr4::Token* token) const;
  diag::Range range(const antlr4::Token* start, const antlr4::Token* stop) const;

 private:
  bool identity_ = true;
  std::vector<uint32_t> offsets_;
};

// Reports the first invalid UTF-8 sequence, if any; returns whether valid.
bool checkUtf8(const diag::SourceFile& source, diag::DiagnosticEngine& diags);

struct ScanResult {
  std::vector<std::unique_ptr<antlr4::Token>> tokens;  // what the parser sees: no comments
  std::vector<ast::Comment> comments;                   // hidden-channel tokens, in order
  bool fatal = false;  // nesting beyond the limit: do not parse at all
};

ScanResult scan(antlr4::Lexer& lexer, const OffsetMap& offsets, diag::DiagnosticEngine& diags,
                const Limits& limits);

// The value of a STRING token's text (with quotes), escapes resolved.
std::string unescape(const std::string& quoted);

}  // namespace pathway::syntax

#endif  // PATHWAY_SYNTAX_TOKENSCAN_H
