// Completion. The context comes from the text just before the cursor (what
// was typed since the last check need not parse); the names, types and
// labels come from the newest snapshot that checked.
#include <algorithm>
#include <cctype>
#include <set>

#include "lsp/DeclKinds.h"
#include "lsp/Features.h"
#include "lsp/Protocol.h"
#include "sema/Sema.h"
#include "syntax/Keywords.h"
#include "units/Units.h"

namespace pathway::lsp {
namespace {

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

const std::vector<std::string>& declarationKeywords() {
  static const std::vector<std::string> k = {"enum", "input", "const", "define", "finding", "recommendation"};
  return k;
}
const std::vector<std::string>& headerKeywords() {
  static const std::vector<std::string> k = {"title", "version", "author", "source"};
  return k;
}
const std::vector<std::string>& expressionKeywords() {
  static const std::vector<std::string> k = {"and", "or", "not", "in", "known", "unknown", "true", "false"};
  return k;
}
std::vector<std::string> fieldKeywords() {
  std::vector<std::string> k;
#define PATHWAY_LSP_FIELD(name, text) k.push_back(text);
  PATHWAY_AST_FIELDS(PATHWAY_LSP_FIELD)
#undef PATHWAY_LSP_FIELD
  return k;
}
// The fields a block takes: a property has a premise and a claim instead of
// a condition and the recommendation's fields.
std::vector<std::string> fieldKeywords(const std::string& block) {
  const std::set<std::string> propertyOnly = {"assume", "holds"};
  const std::set<std::string> property = {"label", "assume", "holds", "cite"};
  std::vector<std::string> out;
  for (const std::string& f : fieldKeywords()) {
    const bool fits = block == "property" ? property.count(f) > 0 : propertyOnly.count(f) == 0;
    if (fits) out.push_back(f);
  }
  return out;
}
// Keywords of constructs the lists above do not know yet start a
// declaration (the grammar's other keywords are all expression or field
// words).
std::vector<std::string> topLevelKeywords() {
  std::set<std::string> known(declarationKeywords().begin(), declarationKeywords().end());
  for (const auto* list : {&headerKeywords(), &expressionKeywords()}) known.insert(list->begin(), list->end());
  for (const std::string& f : fieldKeywords()) known.insert(f);
  std::vector<std::string> out = declarationKeywords();
  for (const std::string& k : syntax::keywords()) {
    if (!known.count(k) && k != "pathway") out.push_back(k);
  }
  out.push_back("pathway");
  return out;
}

// A backwards reader over the text before the cursor that skips
// whitespace.
class Back {
 public:
  Back(const std::string& text, uint32_t pos) : t_(text), pos_(pos) {}
  void skipSpace() {
    while (pos_ > 0 && std::isspace(static_cast<unsigned char>(t_[pos_ - 1]))) --pos_;
  }
  char peek() const { return pos_ > 0 ? t_[pos_ - 1] : '\0'; }
  bool take(std::string_view s) {
    if (pos_ >= s.size() && t_.compare(pos_ - s.size(), s.size(), s) == 0) {
      pos_ -= static_cast<uint32_t>(s.size());
      return true;
    }
    return false;
  }
  std::string word() {
    uint32_t end = pos_;
    while (pos_ > 0 && isWordChar(t_[pos_ - 1])) --pos_;
    return t_.substr(pos_, end - pos_);
  }
  uint32_t pos() const { return pos_; }

 private:
  const std::string& t_;
  uint32_t pos_;
};

// The word before the '{' that opens the list of names the cursor is in
// (`x in {a, b, |` -> "in"), or empty when the cursor is in no such list.
std::string braceListHead(const std::string& text, uint32_t pos) {
  Back b(text, pos);
  for (;;) {
    b.skipSpace();
    char c = b.peek();
    if (isWordChar(c)) {
      b.word();
    } else if (c == ',') {
      b.take(",");
    } else if (c == '{') {
      b.take("{");
      b.skipSpace();
      return b.word();
    } else {
      return "";
    }
  }
}

// The keyword of the comma-separated list the cursor is in:
// `supersedes a, b, |` -> "supersedes", `cite src:S1.P1, |` -> "cite"; empty
// when the cursor is in no such list.
std::string listKeyword(const std::string& text, uint32_t pos) {
  Back b(text, pos);
  bool sawItem = false;  // an item since the last comma (or the cursor)
  for (;;) {
    b.skipSpace();
    char c = b.peek();
    if (c == ',') {
      b.take(",");
      sawItem = false;
      continue;
    }
    if (!isWordChar(c)) return "";
    std::string part = b.word();
    bool qualified = false;
    while (b.peek() == '.' || b.peek() == ':') {  // S1.P1, src:S1.P1
      b.take(std::string(1, b.peek()));
      b.word();
      qualified = true;
    }
    if (!qualified && (part == "cite" || part == "supersedes")) return part;
    if (sawItem) return "";  // two items without a comma: not a list
    sawItem = true;
  }
}

// The innermost unclosed '{' before `pos` (strings and comments skipped),
// and the keyword that opened its block; empty at top level.
std::string enclosingBlock(const std::string& t, uint32_t pos) {
  std::vector<uint32_t> open;
  for (uint32_t i = 0; i < pos; ++i) {
    char c = t[i];
    if (c == '"') {
      for (++i; i < pos && t[i] != '"' && t[i] != '\n'; ++i) {
        if (t[i] == '\\') ++i;
      }
    } else if (c == '/' && i + 1 < pos && t[i + 1] == '/') {
      while (i < pos && t[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < pos && t[i + 1] == '*') {
      size_t end = t.find("*/", i + 2);
      i = end == std::string::npos || end >= pos ? pos : static_cast<uint32_t>(end + 1);
    } else if (c == '{') {
      open.push_back(i);
    } else if (c == '}' && !open.empty()) {
      open.pop_back();
    }
  }
  if (open.empty()) return "";
  // `recommendation name {`, `pathway name {`, `source name "title" {`,
  // `x in {`: the keyword before the block's name.
  Back b(t, open.back());
  b.skipSpace();
  if (b.peek() == '"') return "source";
  std::string name = b.word();
  b.skipSpace();
  if (name == "in") return "in";
  std::string keyword = b.word();
  return keyword.empty() ? name : keyword;
}

struct Items {
  json list = json::array();
  std::set<std::string> seen;
  void add(const std::string& label, int kind, const std::string& detail = "", const std::string& doc = "") {
    if (!seen.insert(label).second) return;
    json item = {{"label", label}, {"kind", kind}};
    if (!detail.empty()) item["detail"] = detail;
    if (!doc.empty()) item["documentation"] = doc;
    list.push_back(std::move(item));
  }
  void keywords(const std::vector<std::string>& words) {
    for (const std::string& w : words) add(w, completion_kind::Keyword);
  }
};

const ast::EnumDecl* enumOfName(const driver::Compilation& c, const std::string& name) {
  for (const ast::DeclPtr& d : c.ast.decls) {
    if (d->name.text != name) continue;
    if (d->kind() == ast::DeclKind::Enum) return static_cast<const ast::EnumDecl*>(d.get());
    if (d->kind() == ast::DeclKind::Input) {
      auto it = c.analysis.inputs.find(static_cast<const ast::InputDecl*>(d.get()));
      if (it != c.analysis.inputs.end() && it->second.type.kind == sema::Type::Kind::Enum) {
        return it->second.type.enumDecl;
      }
    }
    if (auto it = c.analysis.declTypes.find(d.get());
        it != c.analysis.declTypes.end() && it->second.kind == sema::Type::Kind::Enum) {
      return it->second.enumDecl;
    }
    return nullptr;
  }
  return nullptr;
}

void labels(Items& items, const ast::EnumDecl& e) {
  for (const ast::Label& l : e.labels) items.add(l.name, completion_kind::EnumMember, "label of " + e.name.text);
}

std::string declDetail(const driver::Compilation& c, const ast::Decl& d) {
  if (d.kind() == ast::DeclKind::Input) {
    const auto& input = static_cast<const ast::InputDecl&>(d);
    return "input: " + input.type.text;
  }
  if (auto it = c.analysis.declTypes.find(&d); it != c.analysis.declTypes.end() && !it->second.isError()) {
    return std::string(ast::declKindName(d.kind())) + ": " + sema::describe(it->second);
  }
  return ast::declKindName(d.kind());
}

void names(Items& items, const driver::Compilation& c, bool knowableOnly) {
  for (const ast::DeclPtr& d : c.ast.decls) {
    const DeclKindInfo& k = kindInfo(d->kind());
    if (knowableOnly ? !k.isKnowable : !k.isValue) continue;
    std::string doc;
    if (d->kind() == ast::DeclKind::Input) {
      const auto& input = static_cast<const ast::InputDecl&>(*d);
      if (input.description) doc = input.description->value;
    }
    items.add(d->name.text, k.completionKind, declDetail(c, *d), doc);
  }
}

void units(Items& items) {
  for (const units::Unit& u : units::all()) {
    items.add(std::string(u.spelling), completion_kind::Unit, std::string(u.dimension));
  }
}

}  // namespace

json completion(Document& doc, const json& params) {
  const Snapshot& now = doc.current();
  const std::string& t = now.text();
  uint32_t off = requestOffset(now, params);
  const Snapshot* checked = doc.lastChecked();
  const driver::Compilation* c = checked ? &checked->c() : nullptr;
  json context = params.value("context", json::object());
  bool bySpace = context.value("triggerKind", 1) == 2 && context.value("triggerCharacter", "") == " ";

  Items items;
  auto result = [&] { return json{{"isIncomplete", false}, {"items", std::move(items.list)}}; };

  Back b(t, off);
  b.word();  // the word being typed
  uint32_t wordStart = b.pos();
  // Inside a string or comment: nothing to offer.
  {
    uint32_t lineStart = now.lines.lineStart(now.lines.lineOf(off));
    bool inString = false;
    for (uint32_t i = lineStart; i < wordStart; ++i) {
      if (t[i] == '"') inString = !inString;
      if (!inString && t[i] == '/' && i + 1 < wordStart && t[i + 1] == '/') return result();
      if (inString && t[i] == '\\') ++i;
    }
    if (inString) return result();
  }
  // `Enum.|`: the enum's labels.
  if (b.take(".")) {
    std::string qualifier = b.word();
    if (c) {
      if (const ast::EnumDecl* e = enumOfName(*c, qualifier); e && e->name.text == qualifier) labels(items, *e);
    }
    return result();
  }
  b.skipSpace();
  uint32_t before = b.pos();
  char prev = b.peek();

  // `x == |`, `x != |`: the labels of x's enum.
  if (b.take("==") || b.take("!=")) {
    b.skipSpace();
    std::string operand = b.word();
    if (c) {
      if (const ast::EnumDecl* e = enumOfName(*c, operand)) {
        labels(items, *e);
        return result();
      }
      if (!bySpace) names(items, *c, false);
    }
    return result();
  }
  // A number just before: units.
  if (std::isdigit(static_cast<unsigned char>(prev))) {
    Back n(t, before);
    std::string num = n.word();
    if (!num.empty() && std::all_of(num.begin(), num.end(), [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
      units(items);
      return result();
    }
  }
  // `x in {a, |`: the labels of x's enum.
  if (braceListHead(t, wordStart) == "in") {
    Back in(t, wordStart);
    for (;;) {
      in.skipSpace();
      if (in.peek() == '{') break;
      if (!in.take(",")) in.word();
    }
    in.take("{");
    in.skipSpace();
    in.word();  // in
    in.skipSpace();
    std::string operand = in.word();
    if (c) {
      if (const ast::EnumDecl* e = enumOfName(*c, operand)) labels(items, *e);
    }
    return result();
  }
  // `known(|`, `unknown(|`
  if (prev == '(') {
    Back k(t, before);
    k.take("(");
    k.skipSpace();
    std::string fn = k.word();
    if (fn == "known" || fn == "unknown") {
      if (c) names(items, *c, true);
      return result();
    }
  }
  Back w(t, before);
  std::string prevWord = w.word();
  if (prevWord == "category") {
    for (const std::string& cat : sema::categories()) items.add(cat, completion_kind::Value, "category");
    return result();
  }
  if (prevWord == "urgency") {
    for (const std::string& u : sema::urgencies()) items.add(u, completion_kind::Value, "urgency");
    return result();
  }
  std::string list = listKeyword(t, wordStart);
  if (list == "supersedes") {
    if (c) {
      for (const ast::DeclPtr& d : c->ast.decls) {
        if (d->kind() == ast::DeclKind::Recommendation) {
          items.add(d->name.text, kindInfo(d->kind()).completionKind, "recommendation");
        }
      }
    }
    return result();
  }
  if (list == "cite") {
    if (c && c->ast.header) {
      bool qualify = c->ast.header->sources.size() > 1;
      for (const ast::Source& s : c->ast.header->sources) {
        for (const ast::ParagraphRef& p : s.paragraphs) {
          items.add(qualify ? s.name.text + ":" + p.id : p.id, completion_kind::Reference, s.title);
        }
      }
    }
    return result();
  }
  // `input name: |`: types.
  if (prev == ':') {
    Back ty(t, before);
    ty.take(":");
    ty.skipSpace();
    ty.word();
    ty.skipSpace();
    if (ty.word() == "input") {
      for (const char* basic : {"bool", "int", "number"}) items.add(basic, completion_kind::Class, "type");
      if (c) {
        for (const ast::DeclPtr& d : c->ast.decls) {
          if (d->kind() == ast::DeclKind::Enum) items.add(d->name.text, completion_kind::Enum, "enum");
        }
      }
      units(items);
      return result();
    }
  }
  if (bySpace) return result();

  // The start of a declaration or field, or an expression.
  bool statementStart = prev == '\0' || prev == ';' || prev == '{' || prev == '}';
  std::string block = enclosingBlock(t, wordStart);
  if (statementStart) {
    if (block.empty()) {
      items.keywords(topLevelKeywords());
    } else if (block == "pathway") {
      items.keywords(headerKeywords());
    } else if (block == "finding" || block == "recommendation" || block == "property") {
      items.keywords(fieldKeywords(block));
    }
    return result();
  }
  if (c) names(items, *c, false);
  items.keywords(expressionKeywords());
  return result();
}

}  // namespace pathway::lsp
