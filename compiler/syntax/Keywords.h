// The language's reserved words, read from the grammar's vocabulary so that
// tools (the language server's completion) follow the grammar as it grows.
#ifndef PATHWAY_SYNTAX_KEYWORDS_H
#define PATHWAY_SYNTAX_KEYWORDS_H

#include <string>
#include <vector>

namespace pathway::syntax {

// Every keyword ("and", "input", "when", ...), sorted.
const std::vector<std::string>& keywords();

}  // namespace pathway::syntax

#endif  // PATHWAY_SYNTAX_KEYWORDS_H
