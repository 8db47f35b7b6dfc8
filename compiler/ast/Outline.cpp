#include "ast/Outline.h"

namespace pathway::ast {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<HeadingComment> parseHeading(std::string_view comment) {
  if (comment.substr(0, 2) != "//") return std::nullopt;
  std::string_view rest = trim(comment.substr(2));
  if (rest.empty() || (rest.front() != '=' && rest.front() != '-')) return std::nullopt;
  char rule = rest.front();
  size_t n = rest.find_first_not_of(rule);
  // At least three rule characters, then a blank, then a title: "// ---x" and
  // a bare "// -----" are not headings.
  if (n == std::string_view::npos || n < 3 || (rest[n] != ' ' && rest[n] != '\t')) return std::nullopt;
  std::string_view title = trim(rest.substr(n));
  if (title.empty()) return std::nullopt;
  return HeadingComment{rule == '=', std::string(title)};
}

Outline outlineOf(const File& file) {
  Outline outline;
  outline.sectionOf.resize(file.decls.size());
  outline.groupOf.resize(file.decls.size());
  std::optional<size_t> section, group;
  size_t c = 0;  // comments are in source order, as are the declarations
  for (size_t d = 0; d < file.decls.size(); ++d) {
    uint32_t begin = file.decls[d]->range().begin;
    for (; c < file.comments.size() && file.comments[c].range.begin < begin; ++c) {
      const Comment& comment = file.comments[c];
      std::optional<HeadingComment> heading = parseHeading(comment.text);
      if (!heading) continue;
      if (heading->section) {
        section = outline.sections.size();
        outline.sections.push_back({heading->title, comment.range});
        group.reset();
      } else {
        group = outline.groups.size();
        outline.groups.push_back({heading->title, comment.range});
      }
    }
    outline.sectionOf[d] = section;
    outline.groupOf[d] = group;
  }
  return outline;
}

}  // namespace pathway::ast
