#include "syntax/Parser.h"

#include <set>

#include "PathwayLexer.h"
#include "PathwayParser.h"
#include "syntax/AstBuilder.h"
#include "syntax/TokenScan.h"

namespace pathway::syntax {

using gen::PathwayLexer;
using gen::PathwayParser;

namespace {

// How a token is named in messages: "';'", "'when'", "a name", ...
std::string describeType(const antlr4::dfa::Vocabulary& vocabulary, size_t type) {
  switch (type) {
    case antlr4::Token::EOF: return "end of file";
    case PathwayLexer::IDENT: return "a name";
    case PathwayLexer::NUMBER: return "a number";
    case PathwayLexer::STRING: return "a string";
    default: return vocabulary.getLiteralName(type);
  }
}

std::string describeToken(const antlr4::Token* token) {
  switch (token->getType()) {
    case antlr4::Token::EOF: return "end of file";
    case PathwayLexer::IDENT: return "name '" + token->getText() + "'";
    case PathwayLexer::NUMBER: return "number " + token->getText();
    case PathwayLexer::STRING: return "a string";
    default: return "'" + token->getText() + "'";
  }
}

// The expected set, in words. Sets that are the start of an expression
// collapse to "an expression" rather than listing a dozen tokens.
std::string describeExpected(const antlr4::dfa::Vocabulary& vocabulary,
                             const antlr4::misc::IntervalSet& expected) {
  std::vector<size_t> types;
  for (const antlr4::misc::Interval& interval : expected.getIntervals()) {
    for (ssize_t t = interval.a; t <= interval.b; ++t) types.push_back(static_cast<size_t>(t));
  }
  auto has = [&](const char* literal) {
    for (size_t t : types) {
      if (vocabulary.getLiteralName(t) == literal) return true;
    }
    return false;
  };
  std::vector<std::string> words;
  bool expression = has("'('") && has("'-'") && has("'true'");
  bool declaration = has("'input'") && has("'recommendation'");
  bool field = has("'when'") && has("'cite'");
  if (expression) words.push_back("an expression");
  if (declaration) words.push_back("a declaration");
  if (field) words.push_back("a field (label, when, category, urgency, rationale, cite, supersedes)");
  static const std::set<std::string> kExpressionStart = {
      "'not'", "'('", "'-'", "'true'", "'false'", "'known'", "'unknown'"};
  static const std::set<std::string> kDeclarationStart = {
      "'enum'", "'input'", "'const'", "'define'", "'finding'", "'recommendation'", "'property'", "'allow'",
      "'codeset'", "'fhir'"};
  static const std::set<std::string> kFieldStart = {
      "'label'", "'when'", "'category'", "'urgency'", "'rationale'", "'cite'", "'supersedes'"};
  for (size_t t : types) {
    std::string literal = vocabulary.getLiteralName(t);
    if (expression && (kExpressionStart.count(literal) || t == PathwayLexer::IDENT ||
                       t == PathwayLexer::NUMBER)) {
      continue;
    }
    if (declaration && kDeclarationStart.count(literal)) continue;
    if (field && kFieldStart.count(literal)) continue;
    std::string word = describeType(vocabulary, t);
    if (!word.empty()) words.push_back(word);
  }
  if (words.empty()) return "something else";
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

// The characters the lexer reads, decoded from the (already validated)
// UTF-8 text into exactly as many code points as it holds: ANTLR's own
// conversion over-allocates about twentyfold, 200 MB for a 10 MB file.
class InputStream final : public antlr4::ANTLRInputStream {
 public:
  explicit InputStream(std::string_view utf8) {
    size_t count = 0;
    for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    _data.reserve(count);
    for (size_t i = 0; i < utf8.size();) {
      auto lead = static_cast<unsigned char>(utf8[i]);
      size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      char32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
      for (size_t k = 1; k < length && i + k < utf8.size(); ++k) {
        code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
      }
      _data.push_back(code);
      i += length;
    }
  }
};

// No AST is built from a file with a syntax error, so after the first one
// the parse only looks for further errors: it builds no parse tree and frees
// each token once the parser is well past it. A file that error recovery
// skips to its end then holds a window of tokens, not every token of it
// (10 MB of broken headers took 1.7 GB before; issue 16).
class TokenStream final : public antlr4::CommonTokenStream {
 public:
  using CommonTokenStream::CommonTokenStream;
  // Frees the tokens before `index`, but for the last kKeptBehind: error
  // messages and rule exits look back at the previous token.
  void freeBefore(size_t index) {
    for (; freed_ + kKeptBehind < index; ++freed_) _tokens[freed_].reset();
  }

 private:
  static constexpr size_t kKeptBehind = 64;
  size_t freed_ = 0;
};

class CheckingParser final : public PathwayParser {
 public:
  explicit CheckingParser(TokenStream& tokens) : PathwayParser(&tokens), tokens_(tokens) {}
  // Called at the first syntax error. Prediction reads ahead and seeks back
  // to where the parser stands, never further back, so the tokens behind the
  // parser's own position are safe to free.
  void onlyLookForErrors() {
    setBuildParseTree(false);
    freeing_ = true;
  }
  antlr4::Token* consume() override {
    antlr4::Token* token = PathwayParser::consume();
    if (freeing_) tokens_.freeBefore(tokens_.index());
    return token;
  }

 private:
  TokenStream& tokens_;
  bool freeing_ = false;
};

// Rewrites ANTLR's recognition errors into our diagnostics, in words.
class ErrorStrategy final : public antlr4::DefaultErrorStrategy {
 public:
  ErrorStrategy(CheckingParser& parser, const OffsetMap& offsets, diag::DiagnosticEngine& diags)
      : parser_(parser), offsets_(offsets), diags_(diags) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser, const antlr4::NoViableAltException& e) override {
    report(e.getOffendingToken(), "unexpected " + describeToken(e.getOffendingToken()) + "; expected " +
                                      describeExpected(parser->getVocabulary(), e.getExpectedTokens()));
  }
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override {
    report(e.getOffendingToken(), "unexpected " + describeToken(e.getOffendingToken()) + "; expected " +
                                      describeExpected(parser->getVocabulary(), e.getExpectedTokens()));
  }
  void reportFailedPredicate(antlr4::Parser*, const antlr4::FailedPredicateException& e) override {
    report(e.getOffendingToken(), "unexpected " + describeToken(e.getOffendingToken()));
  }
  void reportUnwantedToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    antlr4::Token* token = parser->getCurrentToken();
    report(token, "unexpected " + describeToken(token) + "; expected " +
                      describeExpected(parser->getVocabulary(), getExpectedTokens(parser)));
  }
  void reportMissingToken(antlr4::Parser* parser) override {
    if (inErrorRecoveryMode(parser)) return;
    beginErrorCondition(parser);
    antlr4::Token* token = parser->getCurrentToken();
    std::string expected = describeExpected(parser->getVocabulary(), getExpectedTokens(parser));
    // Point just after the previous token: that is where the fix goes.
    antlr4::Token* previous = parser->getTokenStream()->LT(-1);
    if (previous && previous->getType() != antlr4::Token::EOF) {
      uint32_t at = offsets_.range(previous).end;
      diags_.report(diag::Kind::SyntaxError, diag::Range{at, at},
                    "missing " + expected + " before " + describeToken(token));
      afterError();
      return;
    }
    report(token, "missing " + expected + " before " + describeToken(token));
  }

 private:
  void report(const antlr4::Token* token, const std::string& message) {
    diags_.report(diag::Kind::SyntaxError, offsets_.range(token), message);
    afterError();
  }
  void afterError() {
    if (diags_.overLimit()) throw ScanStopped{};
    parser_.onlyLookForErrors();
  }

  CheckingParser& parser_;
  const OffsetMap& offsets_;
  diag::DiagnosticEngine& diags_;
};

}  // namespace

ast::File parse(const diag::SourceFile& source, diag::DiagnosticEngine& diags, const Limits& limits) {
  if (source.text().size() > limits.maxFileBytes) {
    diags.reportFile(diag::Kind::FileTooLarge, source.text().size(), limits.maxFileBytes);
    return {};
  }
  if (!checkUtf8(source, diags)) return {};

  OffsetMap offsets(source.text());
  InputStream input(source.text());
  PathwayLexer lexer(&input);
  size_t errorsBefore = diags.errorCount();
  // Tokens are lexed as the parser asks for them: a parse that stops early
  // (too deep, too many errors) never lexes the rest of the file.
  ScanningTokenSource tokenSource(lexer, offsets, diags, limits);
  TokenStream tokens(&tokenSource);
  CheckingParser parser(tokens);
  parser.removeErrorListeners();

  // SLL prediction is enough for almost every file and much faster; only
  // when it fails do we pay for full LL with error recovery.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  PathwayParser::FileContext* tree = nullptr;
  try {
    try {
      tree = parser.file();
    } catch (const antlr4::ParseCancellationException&) {
      // Tokens fetched so far (and their comments and lexical diagnostics)
      // stay in the stream's buffer: the second pass does not lex them again.
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(antlr4::atn::PredictionMode::LL);
      parser.setErrorHandler(std::make_shared<ErrorStrategy>(parser, offsets, diags));
      tree = parser.file();
    }
  } catch (const ScanStopped&) {
    return {};
  }
  if (diags.errorCount() != errorsBefore) return {};
  ast::File file = buildAst(tree, offsets, diags, limits);
  file.comments = tokenSource.takeComments();
  return file;
}

}  // namespace pathway::syntax
