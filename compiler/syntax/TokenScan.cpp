#include "syntax/TokenScan.h"

#include <utility>

#include "PathwayLexer.h"

namespace pathway::syntax {

using gen::PathwayLexer;

OffsetMap::OffsetMap(const std::string& utf8) {
  for (unsigned char c : utf8) {
    if (c >= 0x80) identity_ = false;
  }
  if (identity_) return;
  for (uint32_t i = 0; i < utf8.size(); ++i) {
    // Every byte that does not continue a sequence starts a code point.
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) offsets_.push_back(i);
  }
  offsets_.push_back(static_cast<uint32_t>(utf8.size()));
}

diag::Range OffsetMap::range(const antlr4::Token* token) const { return range(token, token); }

diag::Range OffsetMap::range(const antlr4::Token* start, const antlr4::Token* stop) const {
  uint32_t begin = byte(start->getStartIndex());
  if (start->getType() == antlr4::Token::EOF) return {begin, begin};
  // A rule that matched nothing has stop before start.
  if (!stop || stop->getType() == antlr4::Token::EOF || stop->getStopIndex() + 1 < start->getStartIndex()) {
    return {begin, begin + 1};
  }
  return {begin, byte(stop->getStopIndex() + 1)};
}

bool checkUtf8(const diag::SourceFile& source, diag::DiagnosticEngine& diags) {
  const std::string& s = source.text();
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = length != 0 && i + length <= s.size();
    uint32_t cp = length == 1 ? c : length == 2 ? c & 0x1F : length == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; ok && k < length; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Reject overlong forms, surrogates and code points past U+10FFFF.
    if (ok && ((length == 2 && cp < 0x80) || (length == 3 && cp < 0x800) ||
               (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))) {
      ok = false;
    }
    if (!ok) {
      auto at = static_cast<uint32_t>(i);
      diags.report(diag::Kind::InvalidUtf8, {at, at + 1}, static_cast<unsigned>(c));
      return false;
    }
    i += length;
  }
  // A NUL byte is valid UTF-8 but never valid Pathway; the lexer reports it.
  return true;
}

namespace {

void appendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Position of the first invalid escape in a quoted string's text.
size_t badEscapeAt(const std::string& text) {
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != '\\') continue;
    char next = text[i + 1];
    if (next == '"' || next == '\\' || next == 'n' || next == 't') {
      ++i;
      continue;
    }
    if (next == 'u' && i + 5 < text.size() &&
        std::all_of(text.begin() + static_cast<long>(i) + 2, text.begin() + static_cast<long>(i) + 6,
                    [](char h) { return std::isxdigit(static_cast<unsigned char>(h)); })) {
      i += 5;
      continue;
    }
    return i;
  }
  return std::string::npos;
}

// Where a quoted string's text holds a NUL, as a byte or as the escape
// \u0000: {position, length}, or {npos, 0}. A NUL would cut the string
// short wherever it reaches C (the library's C API).
std::pair<size_t, size_t> nulAt(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\0') return {i, 1};
    if (text[i] != '\\' || i + 1 >= text.size()) continue;
    if (text.compare(i + 1, 5, "u0000") == 0) return {i, 6};
    ++i;  // any other escape, \\ included
  }
  return {std::string::npos, 0};
}

}  // namespace

std::string unescape(const std::string& quoted) {
  std::string out;
  size_t end = quoted.size() >= 2 && quoted.back() == '"' ? quoted.size() - 1 : quoted.size();
  for (size_t i = 1; i < end; ++i) {
    char c = quoted[i];
    if (c != '\\' || i + 1 >= end) {
      out.push_back(c);
      continue;
    }
    char next = quoted[++i];
    switch (next) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'u':
        if (i + 4 < end) {
          appendUtf8(out, static_cast<uint32_t>(std::stoul(quoted.substr(i + 1, 4), nullptr, 16)));
          i += 4;
        }
        break;
      default: out.push_back(next); break;
    }
  }
  return out;
}

ScanningTokenSource::ScanningTokenSource(antlr4::Lexer& lexer, const OffsetMap& offsets,
                                         diag::DiagnosticEngine& diags, const Limits& limits)
    : lexer_(lexer), offsets_(offsets), diags_(diags), limits_(limits) {
  lexer_.removeErrorListeners();
  // Nesting is counted by token type: no token's text is built for it.
  const antlr4::dfa::Vocabulary& vocabulary = lexer_.getVocabulary();
  nesting_.assign(vocabulary.getMaxTokenType() + 1, Nesting::None);
  for (size_t type = 0; type < nesting_.size(); ++type) {
    const std::string literal = vocabulary.getLiteralName(type);
    if (literal == "'('" || literal == "'{'") nesting_[type] = Nesting::Open;
    if (literal == "')'" || literal == "'}'") nesting_[type] = Nesting::Close;
    if (literal == "'not'" || literal == "'-'") nesting_[type] = Nesting::Prefix;
  }
}

std::unique_ptr<antlr4::Token> ScanningTokenSource::nextToken() {
  for (;;) {
    std::unique_ptr<antlr4::Token> token = lexer_.nextToken();
    const bool kept = keep(token.get());
    stopIfOverLimit();
    if (kept) return token;
  }
}

void ScanningTokenSource::stopIfOverLimit() const {
  if (diags_.overLimit()) throw ScanStopped{};
}

bool ScanningTokenSource::keep(antlr4::Token* token) {
  auto* writable = static_cast<antlr4::CommonToken*>(token);
  diag::Range range = offsets_.range(token);
  if (token->getChannel() == antlr4::Token::HIDDEN_CHANNEL) {
    comments_.push_back({token->getText(), range});
    return false;  // the parser and the nesting count never see comments
  }
  switch (token->getType()) {
    case PathwayLexer::INVALID: {
      std::string text = token->getText();
      if (text == "\0" || text.empty() || static_cast<unsigned char>(text[0]) < 0x20) {
        text = fmt::format("\\x{:02x}", text.empty() ? 0 : static_cast<unsigned char>(text[0]));
      }
      diags_.report(diag::Kind::InvalidCharacter, range, text);
      return false;  // dropped: the parser never sees it
    }
    case PathwayLexer::UNTERMINATED_COMMENT:
      diags_.report(diag::Kind::UnterminatedComment, {range.begin, range.begin + 2});
      return false;
    case PathwayLexer::UNTERMINATED_STRING:
      diags_.report(diag::Kind::UnterminatedString, range);
      writable->setType(PathwayLexer::STRING);
      break;
    case PathwayLexer::BAD_ESCAPE_STRING: {
      size_t at = badEscapeAt(token->getText());
      uint32_t begin = range.begin + static_cast<uint32_t>(at);
      diags_.report(diag::Kind::InvalidEscape, {begin, begin + 2});
      writable->setType(PathwayLexer::STRING);
      break;
    }
    case PathwayLexer::IDENT:
      if (token->getText().size() > limits_.maxNameLength) {
        diags_.report(diag::Kind::NameTooLong, range, token->getText().size(), limits_.maxNameLength);
      }
      break;
    case PathwayLexer::NUMBER: {
      std::string text = token->getText();
      std::string digits = text.substr(0, text.find('.'));
      digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
      // 2^53 = 9007199254740992 has 16 digits.
      if (digits.size() > 16 || (digits.size() == 16 && digits > "9007199254740992") ||
          (digits == "9007199254740992" && text.find_first_of("123456789", digits.size() + 1) != std::string::npos)) {
        diags_.report(diag::Kind::NumberTooLarge, range, text);
      }
      break;
    }
    default:
      break;
  }

  if (token->getType() == PathwayLexer::STRING) {
    if (auto [at, length] = nulAt(token->getText()); length != 0) {
      uint32_t begin = range.begin + static_cast<uint32_t>(at);
      diags_.report(diag::Kind::NulInString, {begin, begin + static_cast<uint32_t>(length)});
    }
  }
  const size_t type = token->getType();
  switch (type < nesting_.size() ? nesting_[type] : Nesting::None) {
    case Nesting::Open:
      chain_.push_back(prefix_);
      ++depth_;
      break;
    case Nesting::Close:
      if (!chain_.empty()) {
        prefix_ = chain_.back();
        chain_.pop_back();
        --depth_;
      }
      break;
    case Nesting::Prefix: ++prefix_; break;
    case Nesting::None: prefix_ = chain_.empty() ? 0 : chain_.back(); break;
  }
  if (depth_ + prefix_ > limits_.maxNesting) {
    // Stops the compile before the parser recurses that deep.
    diags_.report(diag::Kind::NestingTooDeep, range, limits_.maxNesting);
    throw ScanStopped{};
  }
  return true;
}

}  // namespace pathway::syntax
