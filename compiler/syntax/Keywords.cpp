#include "syntax/Keywords.h"

#include <algorithm>
#include <cctype>

#include "PathwayLexer.h"

namespace pathway::syntax {

const std::vector<std::string>& keywords() {
  static const std::vector<std::string> kKeywords = [] {
    std::vector<std::string> words;
    antlr4::ANTLRInputStream input("");
    gen::PathwayLexer lexer(&input);
    const antlr4::dfa::Vocabulary& vocabulary = lexer.getVocabulary();
    for (size_t type = 1; type <= vocabulary.getMaxTokenType(); ++type) {
      std::string literal = vocabulary.getLiteralName(type);  // "'when'", "';'", or empty
      if (literal.size() < 3 || literal.front() != '\'' || literal.back() != '\'') continue;
      std::string word = literal.substr(1, literal.size() - 2);
      bool isWord = std::all_of(word.begin(), word.end(),
                                [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; });
      if (isWord) words.push_back(word);
    }
    std::sort(words.begin(), words.end());
    return words;
  }();
  return kKeywords;
}

}  // namespace pathway::syntax
