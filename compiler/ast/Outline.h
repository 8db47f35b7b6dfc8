// The outline of a pathway file, read from its heading comments:
//   // ========== TITLE   a section (the pathway's stages: "S0: is PT actually failing?")
//   // --- TITLE          a group of the declarations that follow (the inputs'
//                         headings: "How PT was delivered (S1)")
// A section runs to the next section heading; a group to the next group or
// section heading. Headings are comments, so they change no semantics; the
// review page groups its form by them and `pathwayc graph` draws the stages.
#ifndef PATHWAY_AST_OUTLINE_H
#define PATHWAY_AST_OUTLINE_H

#include <optional>
#include <string>
#include <vector>

#include "ast/Decl.h"

namespace pathway::ast {

struct Heading {
  std::string title;  // the text after the rule, trimmed
  Range range;        // the comment
};

struct Outline {
  std::vector<Heading> sections;
  std::vector<Heading> groups;
  // Per declaration of File::decls (same index): its section and group, if any.
  std::vector<std::optional<size_t>> sectionOf;
  std::vector<std::optional<size_t>> groupOf;
};

Outline outlineOf(const File& file);

// The title of a heading comment ("// === S1: ..." -> "S1: ...") and whether it
// is a section ('=') or a group ('-') heading; nullopt for other comments.
struct HeadingComment {
  bool section;
  std::string title;
};
std::optional<HeadingComment> parseHeading(std::string_view comment);

}  // namespace pathway::ast

#endif  // PATHWAY_AST_OUTLINE_H
