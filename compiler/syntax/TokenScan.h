// The lexical layer between the ANTLR lexer and the parser: turns lexical
// problems (invalid characters, unterminated strings and comments, bad
// escapes, over-long names, huge numbers, excessive nesting) into
// diagnostics, and hands the parser cleaned tokens, one at a time, so that
// one lexical slip does not cascade into syntax errors and a hopeless file
// stops at the error limit. Comments (hidden-channel tokens) are set aside
// for the AST, never passed to the parser.
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

// Thrown from the token source or the parser's error reporting to stop
// parsing at once: nesting beyond the limit, or more errors than the error
// limit (so that a file of a million errors costs what its first fifty do).
struct ScanStopped {};

// The parser's token source: pulls tokens from the lexer as the parser asks
// for them, reports lexical problems, drops what the parser must not see
// (comments, kept for the AST; invalid characters), repairs what it can
// (an unterminated string is still a string) and counts nesting.
class ScanningTokenSource final : public antlr4::TokenSource {
 public:
  ScanningTokenSource(antlr4::Lexer& lexer, const OffsetMap& offsets, diag::DiagnosticEngine& diags,
                      const Limits& limits);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return lexer_.getLine(); }
  size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return lexer_.getInputStream(); }
  std::string getSourceName() override { return lexer_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override { return lexer_.getTokenFactory(); }

  std::vector<ast::Comment> takeComments() { return std::move(comments_); }

 private:
  // Whether the parser sees `token` (reporting what is wrong with it).
  bool keep(antlr4::Token* token);
  void stopIfOverLimit() const;

  antlr4::Lexer& lexer_;
  const OffsetMap& offsets_;
  diag::DiagnosticEngine& diags_;
  const Limits& limits_;
  std::vector<ast::Comment> comments_;
  // Nesting: parentheses, braces and chains of prefix operators each cost
  // one level of parser recursion. `chain_` holds, per open bracket, the
  // prefix-operator depth outside it.
  enum class Nesting : uint8_t { None, Open, Close, Prefix };
  std::vector<Nesting> nesting_;  // by token type, from the vocabulary
  std::vector<size_t> chain_;
  size_t prefix_ = 0;
  size_t depth_ = 0;
};

// The value of a STRING token's text (with quotes), escapes resolved.
std::string unescape(const std::string& quoted);

}  // namespace pathway::syntax

#endif  // PATHWAY_SYNTAX_TOKENSCAN_H
