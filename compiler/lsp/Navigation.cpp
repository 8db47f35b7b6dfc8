// Definition, references, highlights and rename, from sema's use table.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "lsp/Features.h"
#include "lsp/Protocol.h"
#include "lsp/Symbols.h"
#include "syntax/Keywords.h"
#include "units/Units.h"

namespace pathway::lsp {
namespace {

json location(const std::string& uri, const Snapshot& s, diag::Range r) {
  return {{"uri", uri}, {"range", s.lines.range(r)}};
}

// The symbol under the cursor, or an empty one (null when the text has
// syntax errors).
Symbol symbolAt(const Snapshot& s, const json& params, const sema::Use** useOut = nullptr) {
  if (!s.c().checked) return {};
  const sema::Use* use = useAt(s.c(), requestOffset(s, params));
  if (useOut) *useOut = use;
  return use ? symbolOf(*use) : Symbol{};
}

bool isIdentifier(const std::string& name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string describeSymbol(Symbol sym) {
  if (sym.label >= 0) return fmt::format("label '{}' of enum '{}'", sym.name(), sym.decl->name.text);
  return fmt::format("{} '{}'", ast::declKindName(sym.decl->kind()), sym.name());
}

// Why `newName` cannot replace `sym`'s name, or empty when it can.
std::string renameProblem(const Snapshot& s, Symbol sym, const std::string& newName) {
  if (!isIdentifier(newName)) return fmt::format("'{}' is not a valid name", newName);
  if (newName.size() > syntax::Limits{}.maxNameLength) return "the new name is too long";
  const auto& kw = syntax::keywords();
  if (std::binary_search(kw.begin(), kw.end(), newName)) return fmt::format("'{}' is a reserved word", newName);
  if (newName == sym.name()) return "";
  auto line = [&](diag::Range r) { return s.c().source->lineColumn(r.begin).line; };
  if (sym.label >= 0) {
    const auto& e = static_cast<const ast::EnumDecl&>(*sym.decl);
    for (const ast::Label& l : e.labels) {
      if (l.name == newName) {
        return fmt::format("enum '{}' already has a label '{}' (line {})", e.name.text, newName, line(l.range));
      }
    }
  }
  // Declarations share one namespace; a label beside `==` would resolve to
  // a declaration of its name, so labels avoid them too.
  for (const ast::DeclPtr& d : s.c().ast.decls) {
    if (d->name.text == newName) {
      return fmt::format("'{}' already names the {} on line {}", newName, ast::declKindName(d->kind()),
                         line(d->name.range));
    }
  }
  if (sym.label < 0 && sym.decl->kind() == ast::DeclKind::Enum &&
      (newName == "bool" || newName == "int" || newName == "number" || units::find(newName))) {
    return fmt::format("'{}' is a type or unit name; an input of type '{}' would not name the enum", newName,
                       newName);
  }
  if (sym.label < 0) {
    // A bare label of that spelling would now resolve to this declaration.
    for (const sema::Use& use : s.c().analysis.uses) {
      if (use.label >= 0 && !use.declaration &&
          s.text().compare(use.range.begin, use.range.end - use.range.begin, newName) == 0) {
        return fmt::format("'{}' is used as an enum label (line {}); a declaration of that name would hide it",
                           newName, line(use.range));
      }
    }
  }
  return "";
}

}  // namespace

json definition(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  if (Symbol sym = symbolAt(s, params)) {
    const sema::Use* decl = declarationOf(s.c(), sym);
    return decl ? location(doc.uri(), s, decl->range) : json(nullptr);
  }
  if (!s.c().checked) return nullptr;
  CitationAt at = citationAt(s.c(), requestOffset(s, params));
  if (at.paragraph) return location(doc.uri(), s, at.paragraph->range);
  return nullptr;
}

namespace {

// The header's entry and the citations of the paragraph under the cursor.
std::vector<const ast::ParagraphRef*> paragraphCitations(const Snapshot& s, const json& params) {
  if (!s.c().checked) return {};
  CitationAt at = citationAt(s.c(), requestOffset(s, params));
  if (!at.paragraph) return {};
  return citationsOf(s.c(), *at.source, *at.paragraph);
}

}  // namespace

json references(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  Symbol sym = symbolAt(s, params);
  bool withDeclaration = params.value("context", json::object()).value("includeDeclaration", true);
  if (!sym) {
    std::vector<const ast::ParagraphRef*> refs = paragraphCitations(s, params);
    if (refs.empty()) return nullptr;
    json out = json::array();
    for (size_t i = withDeclaration ? 0 : 1; i < refs.size(); ++i) out.push_back(location(doc.uri(), s, refs[i]->range));
    return out;
  }
  json out = json::array();
  for (const sema::Use* use : occurrences(s.c(), sym)) {
    if (use->declaration && !withDeclaration) continue;
    out.push_back(location(doc.uri(), s, use->range));
  }
  return out;
}

json documentHighlight(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  Symbol sym = symbolAt(s, params);
  if (!sym) {
    std::vector<const ast::ParagraphRef*> refs = paragraphCitations(s, params);
    if (refs.empty()) return nullptr;
    json out = json::array();
    for (size_t i = 0; i < refs.size(); ++i) {
      out.push_back({{"range", s.lines.range(refs[i]->range)}, {"kind", i == 0 ? highlight_kind::Write : highlight_kind::Read}});
    }
    return out;
  }
  json out = json::array();
  for (const sema::Use* use : occurrences(s.c(), sym)) {
    out.push_back({{"range", s.lines.range(use->range)},
                   {"kind", use->declaration ? highlight_kind::Write : highlight_kind::Read}});
  }
  return out;
}

json prepareRename(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  const sema::Use* use = nullptr;
  Symbol sym = symbolAt(s, params, &use);
  if (!sym) return nullptr;
  return {{"range", s.lines.range(use->range)}, {"placeholder", sym.name()}};
}

json rename(Document& doc, const json& params) {
  const Snapshot& s = checkedSnapshot(doc);
  Symbol sym = symbolAt(s, params);
  if (!sym) throw RequestError(kRequestFailed, "no name to rename here");
  std::string newName = params.at("newName").get<std::string>();
  if (std::string problem = renameProblem(s, sym, newName); !problem.empty()) {
    throw RequestError(kRequestFailed, "cannot rename " + describeSymbol(sym) + ": " + problem);
  }
  std::vector<const sema::Use*> uses = occurrences(s.c(), sym);
  // The renamed text must check as well as the original: a last guard for
  // collisions the rules above do not foresee.
  std::string renamed = s.text();
  for (auto it = uses.rbegin(); it != uses.rend(); ++it) {
    renamed.replace((*it)->range.begin, (*it)->range.end - (*it)->range.begin, newName);
  }
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Check;
  auto after = driver::compileText(doc.path(), renamed, options);
  if (after->errors > s.c().errors) {
    std::string first;
    for (const diag::Diagnostic& d : after->diagnostics) {
      if (d.severity == diag::Severity::Error) {
        first = d.message;
        break;
      }
    }
    throw RequestError(kRequestFailed, "cannot rename " + describeSymbol(sym) + ": the result would not check (" +
                                           first + ")");
  }
  json edits = json::array();
  for (const sema::Use* use : uses) edits.push_back({{"range", s.lines.range(use->range)}, {"newText", newName}});
  return {{"changes", {{doc.uri(), std::move(edits)}}}};
}

}  // namespace pathway::lsp
