// Hover: what a name, label or citation is, from the declaration and
// sema's tables.
#include <fmt/format.h>

#include <algorithm>

#include "format/Format.h"
#include "lsp/Features.h"
#include "lsp/Symbols.h"
#include "sema/Type.h"

namespace pathway::lsp {
namespace {

std::string number(double v) { return fmt::format("{}", v); }

// The comment block right above a declaration (no blank line between), and
// a comment after it on its last line: what the author wrote about it.
std::string commentOf(const driver::Compilation& c, const ast::Decl& decl) {
  const std::string& text = c.source->text();
  auto onlySpace = [&](uint32_t from, uint32_t to, int maxNewlines) {
    int newlines = 0;
    for (uint32_t i = from; i < to; ++i) {
      if (text[i] == '\n' && ++newlines > maxNewlines) return false;
      if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r' && text[i] != '\n') return false;
    }
    return true;
  };
  std::vector<const ast::Comment*> above;
  uint32_t next = decl.range().begin;
  const ast::Comment* trailing = nullptr;
  for (auto it = c.ast.comments.rbegin(); it != c.ast.comments.rend(); ++it) {
    if (it->range.begin >= decl.range().end) {
      if (onlySpace(decl.range().end, it->range.begin, 0)) trailing = &*it;
      continue;
    }
    if (it->range.end > next) continue;
    if (!onlySpace(it->range.end, next, 1)) break;
    above.insert(above.begin(), &*it);
    next = it->range.begin;
  }
  auto strip = [](std::string s) {
    if (s.rfind("//", 0) == 0) {
      s = s.substr(2);
    } else if (s.rfind("/*", 0) == 0 && s.size() >= 4) {
      s = s.substr(2, s.size() - 4);
    }
    size_t start = s.find_first_not_of(' ');
    return start == std::string::npos ? std::string() : s.substr(start);
  };
  std::string out;
  for (const ast::Comment* comment : above) out += strip(comment->text) + "\n";
  if (trailing) out += strip(trailing->text) + "\n";
  return out;
}

std::string citations(const driver::Compilation& c, const ast::BlockDecl& block) {
  std::string out;
  for (const ast::Field& field : block.fields) {
    for (const ast::ParagraphRef& ref : field.cites) {
      out += (out.empty() ? "" : ", ") + (ref.source.empty() ? "" : ref.source + ":") + ref.id;
    }
  }
  (void)c;
  return out;
}

std::string blockText(const driver::Compilation& c, const ast::BlockDecl& block) {
  std::string out = fmt::format("```pathway\n{} {}\n```\n", ast::declKindName(block.kind()), block.name.text);
  for (const ast::Field& field : block.fields) {
    switch (field.kind) {
      case ast::FieldKind::Label: out += "\n**" + field.text + "**\n"; break;
      case ast::FieldKind::When: out += "\n- when: `" + format::formatExpr(*field.when) + "`"; break;
      case ast::FieldKind::Assume: out += "\n- assume: `" + format::formatExpr(*field.when) + "`"; break;
      case ast::FieldKind::Holds: out += "\n- holds: `" + format::formatExpr(*field.when) + "`"; break;
      case ast::FieldKind::Category: out += "\n- category: " + field.word.text; break;
      case ast::FieldKind::Urgency: out += "\n- urgency: " + field.word.text; break;
      case ast::FieldKind::Rationale: out += "\n- rationale: " + field.text; break;
      case ast::FieldKind::Supersedes: {
        std::string names;
        for (const ast::SupersedesTarget& t : field.targets) names += (names.empty() ? "" : ", ") + t.spelling();
        out += "\n- supersedes: " + names;
        break;
      }
      case ast::FieldKind::Orders: {
        std::string names;
        for (const ast::Name& n : field.names) names += (names.empty() ? "" : ", ") + n.text;
        out += "\n- orders: " + names;
        break;
      }
      case ast::FieldKind::Cite: break;
    }
  }
  std::string cites = citations(c, block);
  if (!cites.empty()) out += "\n- cites: " + cites;
  return out;
}

std::string declText(const driver::Compilation& c, const ast::Decl& decl) {
  const sema::Analysis& a = c.analysis;
  std::string out;
  switch (decl.kind()) {
    case ast::DeclKind::Enum: {
      const auto& e = static_cast<const ast::EnumDecl&>(decl);
      std::string labels;
      for (const ast::Label& l : e.labels) labels += (labels.empty() ? "" : ", ") + l.name;
      out = fmt::format("```pathway\nenum {} {{ {} }}\n```\n", e.name.text, labels);
      break;
    }
    case ast::DeclKind::Input: {
      const auto& input = static_cast<const ast::InputDecl&>(decl);
      std::string range;
      if (input.valueRange) {
        const std::string& text = c.source->text();
        range = " " + text.substr(input.valueRange->range.begin,
                                  input.valueRange->range.end - input.valueRange->range.begin);
      }
      out = fmt::format("```pathway\ninput {}: {}{}\n```\n", input.name.text, input.type.text, range);
      if (input.description) out += "\n" + input.description->value + "\n";
      auto it = a.inputs.find(&input);
      if (it != a.inputs.end() && !it->second.type.isError()) {
        const sema::InputInfo& info = it->second;
        out += "\n- type: " + sema::describe(info.type);
        if (info.type.kind == sema::Type::Kind::Quantity) {
          out += fmt::format("\n- unit: {} ({})", info.type.unit->canonical, info.type.unit->dimension);
        }
        if (info.min || info.max) {
          out += fmt::format("\n- range: {} to {}", info.min ? number(*info.min) : "any",
                             info.max ? number(*info.max) : "any");
        }
        if (info.type.kind == sema::Type::Kind::Enum) {
          std::string labels;
          for (const ast::Label& l : info.type.enumDecl->labels) labels += (labels.empty() ? "" : ", ") + l.name;
          out += "\n- labels: " + labels;
        }
      }
      out += "\n- unknown when missing from the patient's data";
      break;
    }
    case ast::DeclKind::Const:
    case ast::DeclKind::Define: {
      const ast::Expr& value = decl.kind() == ast::DeclKind::Const
                                   ? *static_cast<const ast::ConstDecl&>(decl).value
                                   : *static_cast<const ast::DefineDecl&>(decl).value;
      out = fmt::format("```pathway\n{} {} = {}\n```\n", decl.kind() == ast::DeclKind::Const ? "const" : "define",
                        decl.name.text, format::formatExpr(value));
      if (auto t = a.declTypes.find(&decl); t != a.declTypes.end() && !t->second.isError()) {
        out += "\n- type: " + sema::describe(t->second);
      }
      if (auto v = a.constValues.find(&decl); v != a.constValues.end()) {
        const sema::ConstValue& cv = v->second;
        auto t = a.declTypes.find(&decl);
        bool isBool = t != a.declTypes.end() && t->second.isBool();
        out += "\n- value: " + (!cv.known ? std::string("unknown")
                                          : isBool ? std::string(cv.value != 0 ? "true" : "false")
                                                   : number(cv.value));
      }
      break;
    }
    default:
      // Findings, recommendations and any other block of fields; a newer
      // kind of declaration shows its first line until it has a case.
      if (const auto* block = dynamic_cast<const ast::BlockDecl*>(&decl)) {
        out = blockText(c, *block);
      } else {
        std::string_view text(c.source->text());
        text = text.substr(decl.range().begin, decl.range().end - decl.range().begin);
        out = fmt::format("```pathway\n{}\n```\n", text.substr(0, std::min(text.find('\n'), size_t{300})));
      }
      break;
  }
  std::string comment = commentOf(c, decl);
  if (!comment.empty()) out += "\n\n---\n" + comment;
  return out;
}

std::string labelText(const ast::EnumDecl& e, int label) {
  return fmt::format("```pathway\n{}.{}\n```\n\nlabel {} of {} of enum `{}`", e.name.text,
                     e.labels[static_cast<size_t>(label)].name, label + 1, e.labels.size(), e.name.text);
}

json markdown(std::string value, const json& range) {
  return {{"contents", {{"kind", "markdown"}, {"value", std::move(value)}}}, {"range", range}};
}

}  // namespace

json hover(Document& doc, const json& params) {
  const Snapshot& s = doc.current();
  if (!s.c().checked) return nullptr;
  uint32_t offset = requestOffset(s, params);
  if (const sema::Use* use = useAt(s.c(), offset)) {
    Symbol sym = symbolOf(*use);
    std::string text = sym.label >= 0 ? labelText(static_cast<const ast::EnumDecl&>(*sym.decl), sym.label)
                                      : declText(s.c(), *sym.decl);
    return markdown(std::move(text), s.lines.range(use->range));
  }
  CitationAt at = citationAt(s.c(), offset);
  if (at.ref) {
    std::string text;
    if (at.source && at.paragraph) {
      text = fmt::format("paragraph **{}** of source `{}`: \"{}\"", at.ref->id, at.source->name.text,
                         at.source->title);
    } else {
      text = fmt::format("paragraph **{}**: not declared in the header's sources", at.ref->id);
    }
    return markdown(std::move(text), s.lines.range(at.ref->range));
  }
  return nullptr;
}

}  // namespace pathway::lsp
