#include "format/Format.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "units/Units.h"

namespace pathway::format {
namespace {

using ast::BinaryOp;
using ast::Expr;
using ast::ExprKind;

// ------------------------------------------------------------ expressions

// Binding strength, loosest first: the grammar's levels (orExpr .. primary).
enum Precedence : int { kImplies = 0, kOr,  kAnd, kNot, kCompare, kAdd, kMul, kNeg, kPrimary };

int precedence(BinaryOp op) {
  switch (op) {
    case BinaryOp::Implies: return kImplies;
    case BinaryOp::Or: return kOr;
    case BinaryOp::And: return kAnd;
    case BinaryOp::Add:
    case BinaryOp::Sub: return kAdd;
    case BinaryOp::Mul:
    case BinaryOp::Div: return kMul;
    default: return kCompare;
  }
}

int precedence(const Expr& e) {
  switch (e.kind()) {
    case ExprKind::Binary: return precedence(static_cast<const ast::BinaryExpr&>(e).op);
    case ExprKind::Unary: return static_cast<const ast::UnaryExpr&>(e).op == ast::UnaryOp::Not ? kNot : kNeg;
    case ExprKind::In: return kCompare;
    default: return kPrimary;
  }
}

bool isLogicChain(const Expr& e) {
  if (e.kind() != ExprKind::Binary) return false;
  BinaryOp op = static_cast<const ast::BinaryExpr&>(e).op;
  return op == BinaryOp::And || op == BinaryOp::Or || op == BinaryOp::Implies;
}

std::string number(const ast::NumberExpr& n) {
  if (n.unit.empty()) return n.text;
  return n.unit == "%" ? n.text + "%" : n.text + " " + n.unit;
}

// A quantity whose unit is one name: written just before `/ NAME`, the
// lexer would read `weeks / NAME` as one unit `weeks/NAME`.
bool absorbsSlash(const ast::NumberExpr& n) {
  return !n.unit.empty() && n.unit != "%" && n.unit.find('/') == std::string::npos;
}

// `6 weeks / n` written bare parses back as the division (the syntax phase
// splits `weeks/n` when that is not a unit but `weeks` is); otherwise the
// quantity needs its own parentheses.
bool splitsBack(const ast::NumberExpr& n, const ast::NameExpr& divisor) {
  return divisor.qualifier.empty() && !units::find(n.unit + "/" + divisor.name) && units::find(n.unit);
}

// `beforeSlashName`: the text is followed by `/ NAME`, so a trailing
// quantity with a one-name unit must be parenthesised.
std::string exprText(const Expr& e, bool beforeSlashName = false);

std::string operand(const Expr& e, bool parens, bool beforeSlashName = false) {
  return parens ? "(" + exprText(e) + ")" : exprText(e, beforeSlashName);
}

// An `and` inside an `or` keeps its parentheses: precedence makes them
// redundant, but clinicians read `(a and b) or c` without a table.
bool andInsideOr(BinaryOp parent, const Expr& child) {
  return parent == BinaryOp::Or && child.kind() == ExprKind::Binary &&
         static_cast<const ast::BinaryExpr&>(child).op == BinaryOp::And;
}

std::string binaryText(const ast::BinaryExpr& b, bool beforeSlashName) {
  int p = precedence(b.op);
  // Comparisons do not associate; the chains associate to the left.
  bool lhsParens = ast::isComparison(b.op) ? precedence(*b.lhs) <= kCompare : precedence(*b.lhs) < p;
  bool rhsParens = precedence(*b.rhs) <= p;
  lhsParens = lhsParens || andInsideOr(b.op, *b.lhs);
  rhsParens = rhsParens || andInsideOr(b.op, *b.rhs);
  bool slashName = b.op == BinaryOp::Div && b.rhs->kind() == ExprKind::Name;
  std::string lhs;
  if (slashName && b.lhs->kind() == ExprKind::Number) {
    const auto& n = static_cast<const ast::NumberExpr&>(*b.lhs);
    bool bare = !absorbsSlash(n) || splitsBack(n, static_cast<const ast::NameExpr&>(*b.rhs));
    lhs = bare ? number(n) : "(" + number(n) + ")";
  } else {
    lhs = operand(*b.lhs, lhsParens, slashName);
  }
  return lhs + " " + ast::spelling(b.op) + " " + operand(*b.rhs, rhsParens, beforeSlashName);
}

std::string exprText(const Expr& e, bool beforeSlashName) {
  switch (e.kind()) {
    case ExprKind::Number: {
      const auto& n = static_cast<const ast::NumberExpr&>(e);
      return beforeSlashName && absorbsSlash(n) ? "(" + number(n) + ")" : number(n);
    }
    case ExprKind::Bool: return static_cast<const ast::BoolExpr&>(e).value ? "true" : "false";
    case ExprKind::Name: {
      const auto& n = static_cast<const ast::NameExpr&>(e);
      return n.qualifier.empty() ? n.name : n.qualifier + "." + n.name;
    }
    case ExprKind::Known: {
      const auto& k = static_cast<const ast::KnownExpr&>(e);
      return (k.negated ? "unknown(" : "known(") + k.name + ")";
    }
    case ExprKind::Unary: {
      const auto& u = static_cast<const ast::UnaryExpr&>(e);
      if (u.op == ast::UnaryOp::Not) return "not " + operand(*u.operand, precedence(*u.operand) < kNot);
      std::string inner = operand(*u.operand, precedence(*u.operand) < kNeg, beforeSlashName);
      return (inner.front() == '-' ? "- " : "-") + inner;
    }
    case ExprKind::Binary: return binaryText(static_cast<const ast::BinaryExpr&>(e), beforeSlashName);
    case ExprKind::In: {
      const auto& in = static_cast<const ast::InExpr&>(e);
      std::string labels;
      for (const ast::Label& l : in.labels) labels += (labels.empty() ? "" : ", ") + l.name;
      return operand(*in.operand, precedence(*in.operand) < kAdd) + " in {" + labels + "}";
    }
    case ExprKind::Status: {
      const auto& st = static_cast<const ast::StatusExpr&>(e);
      return st.function + "(" + st.name + ")";
    }
  }
  return "?";
}

// The operands of a left-deep chain of `op`: a or b or c -> [a, b, c].
std::vector<const Expr*> chainOperands(const Expr& e, BinaryOp op) {
  std::vector<const Expr*> out;
  const Expr* at = &e;
  while (at->kind() == ExprKind::Binary && static_cast<const ast::BinaryExpr*>(at)->op == op) {
    const auto* b = static_cast<const ast::BinaryExpr*>(at);
    out.push_back(b->rhs.get());
    at = b->lhs.get();
  }
  out.push_back(at);
  std::reverse(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------- text

// Display width: code points, not bytes.
size_t columns(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string quote(const std::string& value) {
  std::string out = "\"";
  for (size_t i = 0; i < value.size(); ++i) {
    auto c = static_cast<unsigned char>(value[i]);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\u{:04x}", c);
        } else if (c == 0xED && i + 2 < value.size() && static_cast<unsigned char>(value[i + 1]) >= 0xA0) {
          // A surrogate written as \uD8xx: not valid UTF-8 when written raw.
          unsigned cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(value[i + 1]) & 0x3Fu) << 6) |
                        (static_cast<unsigned char>(value[i + 2]) & 0x3Fu);
          out += fmt::format("\\u{:04x}", cp);
          i += 2;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

std::string citation(const ast::ParagraphRef& ref) { return ref.source.empty() ? ref.id : ref.source + ":" + ref.id; }

// ------------------------------------------------------------- printer

struct Span {
  uint32_t begin, end;
};

// The comments around one unit (a declaration, field, header item or enum
// label): before it, inside its text, and after it on its last line.
struct Attached {
  std::vector<size_t> before, inside, after;
};

class Printer {
 public:
  Printer(const ast::File& file, const diag::SourceFile& source, const FormatOptions& options)
      : file_(file), text_(source.text()), width_(options.width), emitted_(file.comments.size(), false) {}

  std::string run() {
    std::vector<Span> units;
    std::vector<const ast::Decl*> decls;  // null: the header
    if (file_.header) {
      units.push_back(span(file_.header->range));
      decls.push_back(nullptr);
    }
    for (const ast::DeclPtr& d : file_.decls) {
      units.push_back(span(d->range()));
      decls.push_back(d.get());
    }
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, 0, static_cast<uint32_t>(text_.size()), rest);
    for (size_t i = 0; i < units.size(); ++i) {
      for (size_t c : attached[i].before) topComment(c);
      separate(units[i].begin);
      if (decls[i]) {
        decl(*decls[i], attached[i].after);
      } else {
        header(*file_.header, attached[i].after);
      }
      prevEnd_ = attached[i].after.empty() ? units[i].end : comment(attached[i].after.back()).range.end;
    }
    for (size_t c : rest) topComment(c);
    // Every comment has a place above; never lose one if that is ever not so.
    for (size_t c = 0; c < emitted_.size(); ++c) {
      if (!emitted_[c]) commentLine(c, 0);
    }
    return std::move(out_);
  }

 private:
  static Span span(diag::Range r) { return {r.begin, r.end}; }
  const ast::Comment& comment(size_t i) const { return file_.comments[i]; }
  std::string indent(size_t n) const { return std::string(n, ' '); }
  bool fits(const std::string& line) const { return columns(line) <= width_; }

  // ---- comments

  size_t firstCommentAt(uint32_t offset) const {
    auto it = std::lower_bound(file_.comments.begin(), file_.comments.end(), offset,
                               [](const ast::Comment& c, uint32_t at) { return c.range.begin < at; });
    return static_cast<size_t>(it - file_.comments.begin());
  }

  // Line ends in [from, to): LF, CRLF (one) and a lone CR, as the lexer
  // and diag::SourceFile count them.
  size_t lineEnds(uint32_t from, uint32_t to) const {
    size_t n = 0;
    for (uint32_t i = from; i < to && i < text_.size(); ++i) {
      if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n'))) ++n;
    }
    return n;
  }

  bool sameLine(uint32_t from, uint32_t to) const { return from <= to && lineEnds(from, to) == 0; }

  // Assigns the comments in [from, to) to `units` (in source order); the
  // ones after the last unit's line go to `rest`.
  std::vector<Attached> attach(const std::vector<Span>& units, uint32_t from, uint32_t to,
                               std::vector<size_t>& rest) const {
    std::vector<Attached> out(units.size());
    size_t c = firstCommentAt(from);
    size_t n = file_.comments.size();
    for (size_t i = 0; i < units.size(); ++i) {
      while (c < n && comment(c).range.begin < units[i].begin) out[i].before.push_back(c++);
      while (c < n && comment(c).range.begin < units[i].end) out[i].inside.push_back(c++);
      uint32_t limit = i + 1 < units.size() ? units[i + 1].begin : to;
      uint32_t lineEnd = units[i].end;
      while (c < n && comment(c).range.begin < limit && sameLine(lineEnd, comment(c).range.begin)) {
        lineEnd = comment(c).range.end;
        out[i].after.push_back(c++);
      }
    }
    while (c < n && comment(c).range.begin < to) rest.push_back(c++);
    return out;
  }

  // Comments starting in [from, limit) on the line of `from`.
  std::vector<size_t> sameLineAfter(uint32_t from, uint32_t limit) const {
    std::vector<size_t> out;
    for (size_t c = firstCommentAt(from); c < file_.comments.size(); ++c) {
      if (comment(c).range.begin >= limit || !sameLine(from, comment(c).range.begin)) break;
      out.push_back(c);
      from = comment(c).range.end;
    }
    return out;
  }

  // The first `{` at or after `from`, outside comments.
  uint32_t openBrace(uint32_t from) const {
    size_t c = firstCommentAt(from);
    for (uint32_t i = from; i < text_.size(); ++i) {
      if (c < file_.comments.size() && comment(c).range.begin == i) {
        i = comment(c++).range.end - 1;
        continue;
      }
      if (text_[i] == '{') return i;
    }
    return static_cast<uint32_t>(text_.size());
  }

  // Line comments lose trailing blanks; block comments keep their text,
  // with CRLF and lone-CR line ends as LF like the rest of the output.
  std::string commentText(size_t c) const {
    const std::string& text = comment(c).text;
    if (text.rfind("//", 0) == 0) return rtrim(text);
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r') {
        out.push_back(text[i]);
      } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
        out.push_back('\n');
      }
    }
    return out;
  }

  void commentLine(size_t c, size_t at) {
    out_ += indent(at) + commentText(c) + "\n";
    emitted_[c] = true;
  }

  void comments(const std::vector<size_t>& list, size_t at) {
    for (size_t c : list) commentLine(c, at);
  }

  // Prints the comments in [from, to) on their own lines.
  void hoist(uint32_t from, uint32_t to, size_t at) {
    for (size_t c = firstCommentAt(from); c < file_.comments.size() && comment(c).range.begin < to; ++c) {
      commentLine(c, at);
    }
  }

  // Prints `lines` with the `after` comments (those that followed the unit
  // on its last source line) at the end of the last one.
  void emit(const std::vector<std::string>& lines, const std::vector<size_t>& after) {
    for (size_t i = 0; i < lines.size(); ++i) {
      out_ += lines[i];
      if (i + 1 == lines.size()) {
        for (size_t c : after) {
          out_ += " " + commentText(c);
          emitted_[c] = true;
        }
      }
      out_ += "\n";
    }
  }

  // Top level: at most one blank line, where the author left one.
  void separate(uint32_t begin) {
    if (out_.empty() || begin < prevEnd_) return;
    if (lineEnds(prevEnd_, begin) >= 2) out_ += "\n";
  }

  void topComment(size_t c) {
    separate(comment(c).range.begin);
    commentLine(c, 0);
    prevEnd_ = comment(c).range.end;
  }

  // ---- lines

  // `prefix + e + suffix`, broken before the top-level `and`/`or` when
  // wider than the page; continuation lines start at column `at`. A
  // broken operand that is itself a chain breaks again, 4 columns deeper.
  void breakExpr(std::vector<std::string>& lines, const std::string& prefix, const Expr& e, size_t at,
                 const std::string& suffix) const {
    std::string flat = prefix + exprText(e) + suffix;
    if (fits(flat) || !isLogicChain(e)) {
      lines.push_back(flat);
      return;
    }
    BinaryOp op = static_cast<const ast::BinaryExpr&>(e).op;
    std::vector<const Expr*> operands = chainOperands(e, op);
    std::string current = prefix;
    bool forceBreak = false;
    for (size_t i = 0; i < operands.size(); ++i) {
      const Expr& o = *operands[i];
      bool parens = (i == 0 ? precedence(o) < precedence(op) : precedence(o) <= precedence(op)) || andInsideOr(op, o);
      std::string word = i == 0 ? "" : std::string(ast::spelling(op)) + " ";
      std::string tail = i + 1 == operands.size() ? suffix : "";
      std::string piece = word + operand(o, parens) + tail;
      if (i > 0) {
        if (!forceBreak && fits(current + " " + piece)) {
          current += " " + piece;
          continue;
        }
        lines.push_back(current);
        current = indent(at);
      }
      forceBreak = false;
      if (!parens && isLogicChain(o) && !fits(current + piece)) {
        breakExpr(lines, current + word, o, at + 4, tail);
        current = lines.back();
        lines.pop_back();
        forceBreak = true;
      } else {
        current += piece;
      }
    }
    lines.push_back(current);
  }

  // `head` then the items, comma-separated, filling lines; ends with ';'.
  std::vector<std::string> list(const std::string& head, const std::vector<std::string>& items, size_t at) const {
    std::vector<std::string> lines;
    std::string current = head;
    for (size_t i = 0; i < items.size(); ++i) {
      std::string piece = items[i] + (i + 1 == items.size() ? ";" : ",");
      if (i == 0) {
        current += piece;
      } else if (fits(current + " " + piece)) {
        current += " " + piece;
      } else {
        lines.push_back(current);
        current = indent(at) + piece;
      }
    }
    lines.push_back(current);
    return lines;
  }

  // ---- header

  void header(const ast::Header& h, const std::vector<size_t>& after) {
    uint32_t open = openBrace(h.name.range.end);
    uint32_t close = h.range.end - 1;
    hoist(h.range.begin, open, 0);

    // The items in source order, for comments; printed in canonical order.
    enum class Item { Title, Version, Author, Source };
    struct Entry {
      Span span;
      Item item;
      size_t index;
    };
    std::vector<Entry> entries;
    for (size_t i = 0; i < h.titles.size(); ++i) entries.push_back({span(h.titles[i].range), Item::Title, i});
    for (size_t i = 0; i < h.versions.size(); ++i) entries.push_back({span(h.versions[i].range), Item::Version, i});
    for (size_t i = 0; i < h.authors.size(); ++i) entries.push_back({span(h.authors[i].range), Item::Author, i});
    for (size_t i = 0; i < h.sources.size(); ++i) entries.push_back({span(h.sources[i].range), Item::Source, i});
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
      return a.span.begin < b.span.begin;
    });
    std::vector<Span> units;
    for (const Entry& e : entries) units.push_back(e.span);

    std::vector<size_t> openAfter = sameLineAfter(open + 1, units.empty() ? close : units[0].begin);
    emit({"pathway " + h.name.text + " {"}, openAfter);
    uint32_t from = openAfter.empty() ? open + 1 : comment(openAfter.back()).range.end;
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, from, close, rest);
    std::vector<size_t> where[4] = {std::vector<size_t>(h.titles.size()), std::vector<size_t>(h.versions.size()),
                                    std::vector<size_t>(h.authors.size()), std::vector<size_t>(h.sources.size())};
    for (size_t i = 0; i < entries.size(); ++i) where[static_cast<size_t>(entries[i].item)][entries[i].index] = i;
    auto find = [&](Item item, size_t index) -> const Attached& {
      return attached[where[static_cast<size_t>(item)][index]];
    };
    auto leading = [&](const Attached& a) {
      comments(a.before, 2);
      comments(a.inside, 2);
    };

    for (size_t i = 0; i < h.titles.size(); ++i) {
      const Attached& a = find(Item::Title, i);
      leading(a);
      emit({"  title " + quote(h.titles[i].value) + ";"}, a.after);
    }
    for (size_t i = 0; i < h.versions.size(); ++i) {
      const Attached& a = find(Item::Version, i);
      leading(a);
      emit({"  version " + quote(h.versions[i].value) + ";"}, a.after);
    }
    if (!h.authors.empty()) {
      // All authors on one `author` item, in order; comments on any but the
      // last author's line go above it, so they stay in order.
      std::vector<std::string> names;
      for (size_t i = 0; i < h.authors.size(); ++i) {
        const Attached& a = find(Item::Author, i);
        leading(a);
        if (i + 1 < h.authors.size()) comments(a.after, 2);
        names.push_back(quote(h.authors[i].value));
      }
      emit(list("  author ", names, 6), find(Item::Author, h.authors.size() - 1).after);
    }
    for (size_t i = 0; i < h.sources.size(); ++i) {
      const Attached& a = find(Item::Source, i);
      leading(a);
      emit(sourceLines(h.sources[i]), a.after);
    }
    comments(rest, 2);
    emit({"}"}, after);
  }

  // One line when it fits; else one line per section of paragraph ids.
  std::vector<std::string> sourceLines(const ast::Source& s) const {
    std::string head = "  source " + s.name.text + " " + quote(s.title) + " {";
    std::string ids;
    for (const ast::ParagraphRef& p : s.paragraphs) ids += (ids.empty() ? "" : ", ") + p.id;
    std::string one = head + (ids.empty() ? "}" : " " + ids + " }");
    if (fits(one)) return {one};
    std::vector<std::string> lines = {head};
    std::string current;
    std::string section;
    for (size_t i = 0; i < s.paragraphs.size(); ++i) {
      const std::string& id = s.paragraphs[i].id;
      std::string piece = id + (i + 1 == s.paragraphs.size() ? "" : ",");
      std::string idSection = id.substr(0, id.find('.'));
      if (!current.empty() && idSection == section && fits(current + " " + piece)) {
        current += " " + piece;
        continue;
      }
      if (!current.empty()) lines.push_back(current);
      current = indent(4) + piece;
      section = idSection;
    }
    if (!current.empty()) lines.push_back(current);
    lines.push_back("  }");
    return lines;
  }

  // ---- declarations

  void decl(const ast::Decl& d, const std::vector<size_t>& after) {
    switch (d.kind()) {
      case ast::DeclKind::Enum: return enumDecl(static_cast<const ast::EnumDecl&>(d), after);
      case ast::DeclKind::Input:
        hoist(d.range().begin, d.range().end, 0);
        return emit({inputLine(static_cast<const ast::InputDecl&>(d))}, after);
      case ast::DeclKind::Const:
      case ast::DeclKind::Define: {
        hoist(d.range().begin, d.range().end, 0);
        const Expr& value = d.kind() == ast::DeclKind::Const ? *static_cast<const ast::ConstDecl&>(d).value
                                                             : *static_cast<const ast::DefineDecl&>(d).value;
        std::string keyword = d.kind() == ast::DeclKind::Const ? "const " : "define ";
        std::vector<std::string> lines;
        breakExpr(lines, keyword + d.name.text + " = ", value, 4, ";");
        return emit(lines, after);
      }
      case ast::DeclKind::Finding:
      case ast::DeclKind::Recommendation:
      case ast::DeclKind::Property: return block(static_cast<const ast::BlockDecl&>(d), after);
      case ast::DeclKind::Allow: {
        hoist(d.range().begin, d.range().end, 0);
        const auto& a = static_cast<const ast::AllowDecl&>(d);
        std::vector<std::string> items;
        for (const ast::Name& n : a.subjects) items.push_back(n.text);
        std::string line = "allow " + d.name.text + " ";
        for (size_t i = 0; i < items.size(); ++i) line += (i ? ", " : "") + items[i];
        return emit({line + " " + quote(a.reason.value) + ";"}, after);
      }
      case ast::DeclKind::Codeset: return codesetDecl(static_cast<const ast::CodesetDecl&>(d), after);
      case ast::DeclKind::Fhir: return fhirDecl(static_cast<const ast::FhirDecl&>(d), after);
    }
  }

  static std::string codeText(const ast::CodeEntry& e) {
    return (e.systemIsUri ? quote(e.system.text) : e.system.text) + " " + quote(e.code.value);
  }

  // One line when it fits and holds no comment; else one code per line, each
  // code's comments kept with it (code lists carry their display names).
  void codesetDecl(const ast::CodesetDecl& c, const std::vector<size_t>& after) {
    uint32_t open = openBrace(c.description ? c.description->range.end : c.name.range.end);
    uint32_t close = c.range().end - 1;
    hoist(c.range().begin, open, 0);
    std::string head = "codeset " + c.name.text + (c.description ? " " + quote(c.description->value) : "");
    std::string codes;
    for (const ast::CodeEntry& e : c.codes) codes += (codes.empty() ? "" : ", ") + codeText(e);
    size_t inner = firstCommentAt(open + 1);
    bool hasComments = inner < file_.comments.size() && comment(inner).range.begin < close;
    if (!hasComments && c.codes.empty()) return emit({head + " {}"}, after);
    std::string one = head + " { " + codes + " }";
    if (!hasComments && fits(one)) return emit({one}, after);

    std::vector<Span> units;
    for (const ast::CodeEntry& e : c.codes) units.push_back(span(e.range));
    std::vector<size_t> openAfter = sameLineAfter(open + 1, units.empty() ? close : units[0].begin);
    emit({head + " {"}, openAfter);
    uint32_t from = openAfter.empty() ? open + 1 : comment(openAfter.back()).range.end;
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, from, close, rest);
    for (size_t i = 0; i < c.codes.size(); ++i) {
      comments(attached[i].before, 2);
      comments(attached[i].inside, 2);
      emit({"  " + codeText(c.codes[i]) + ","}, attached[i].after);
    }
    comments(rest, 2);
    emit({"}"}, after);
  }

  static std::string fhirFieldText(const ast::FhirField& f) {
    std::string text = "  " + f.key.text;
    switch (f.value) {
      case ast::FhirField::Value::None: break;
      case ast::FhirField::Value::Word: text += " " + f.word.text; break;
      case ast::FhirField::Value::Literal:
        text += " " + number(*f.number);
        break;
      case ast::FhirField::Value::Map: {
        text += " {";
        for (size_t i = 0; i < f.map.size(); ++i) {
          text += (i ? ", " : " ") + f.map[i].from.text + ": " + f.map[i].to.text;
        }
        text += " }";
        break;
      }
    }
    return text + ";";
  }

  // Fields one per line in the order written (the order carries no meaning
  // the formatter could know better than the author).
  void fhirDecl(const ast::FhirDecl& f, const std::vector<size_t>& after) {
    uint32_t open = openBrace(f.name.range.end);
    uint32_t close = f.range().end - 1;
    hoist(f.range().begin, open, 0);
    size_t inner = firstCommentAt(open + 1);
    bool hasComments = inner < file_.comments.size() && comment(inner).range.begin < close;
    std::string head = "fhir " + f.name.text;
    if (f.fields.empty() && !hasComments) return emit({head + " {}"}, after);
    std::vector<Span> units;
    for (const ast::FhirField& field : f.fields) units.push_back(span(field.range));
    std::vector<size_t> openAfter = sameLineAfter(open + 1, units.empty() ? close : units[0].begin);
    emit({head + " {"}, openAfter);
    uint32_t from = openAfter.empty() ? open + 1 : comment(openAfter.back()).range.end;
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, from, close, rest);
    for (size_t i = 0; i < f.fields.size(); ++i) {
      comments(attached[i].before, 2);
      comments(attached[i].inside, 2);
      emit({fhirFieldText(f.fields[i])}, attached[i].after);
    }
    comments(rest, 2);
    emit({"}"}, after);
  }

  static std::string inputLine(const ast::InputDecl& in) {
    std::string line = "input " + in.name.text + ": " + in.type.text;
    if (in.valueRange) {
      const ast::RangeSpec& r = *in.valueRange;
      line += " in " + std::string(r.loNegative ? "-" : "") + number(*r.lo) + ".." + (r.hiNegative ? "-" : "") +
              number(*r.hi);
    }
    if (in.description) line += " " + quote(in.description->value);
    return line + ";";
  }

  // One line when it fits and holds no comment; else one label per line.
  void enumDecl(const ast::EnumDecl& e, const std::vector<size_t>& after) {
    uint32_t open = openBrace(e.name.range.end);
    uint32_t close = e.range().end - 1;
    hoist(e.range().begin, open, 0);
    std::string labels;
    for (const ast::Label& l : e.labels) labels += (labels.empty() ? "" : ", ") + l.name;
    std::string one = "enum " + e.name.text + " { " + labels + " }";
    size_t inner = firstCommentAt(open + 1);
    bool hasComments = inner < file_.comments.size() && comment(inner).range.begin < close;
    if (!hasComments && fits(one)) return emit({one}, after);

    std::vector<Span> units;
    for (const ast::Label& l : e.labels) units.push_back(span(l.range));
    std::vector<size_t> openAfter = sameLineAfter(open + 1, units.empty() ? close : units[0].begin);
    emit({"enum " + e.name.text + " {"}, openAfter);
    uint32_t from = openAfter.empty() ? open + 1 : comment(openAfter.back()).range.end;
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, from, close, rest);
    for (size_t i = 0; i < e.labels.size(); ++i) {
      comments(attached[i].before, 2);
      comments(attached[i].inside, 2);
      emit({"  " + e.labels[i].name + ","}, attached[i].after);
    }
    comments(rest, 2);
    emit({"}"}, after);
  }

  // Fields one per line in the fixed order label, when, category, urgency,
  // rationale, cite, supersedes; each field's comments move with it.
  void block(const ast::BlockDecl& b, const std::vector<size_t>& after) {
    std::string keyword = b.kind() == ast::DeclKind::Finding    ? "finding "
                          : b.kind() == ast::DeclKind::Property ? "property "
                                                                : "recommendation ";
    uint32_t open = openBrace(b.name.range.end);
    uint32_t close = b.range().end - 1;
    hoist(b.range().begin, open, 0);
    size_t inner = firstCommentAt(open + 1);
    bool hasComments = inner < file_.comments.size() && comment(inner).range.begin < close;
    if (b.fields.empty() && !hasComments) return emit({keyword + b.name.text + " {}"}, after);

    std::vector<Span> units;
    for (const ast::Field& f : b.fields) units.push_back(span(f.range));
    std::vector<size_t> openAfter = sameLineAfter(open + 1, units.empty() ? close : units[0].begin);
    emit({keyword + b.name.text + " {"}, openAfter);
    uint32_t from = openAfter.empty() ? open + 1 : comment(openAfter.back()).range.end;
    std::vector<size_t> rest;
    std::vector<Attached> attached = attach(units, from, close, rest);
    std::vector<size_t> order(b.fields.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return b.fields[x].kind < b.fields[y].kind; });
    for (size_t i : order) {
      comments(attached[i].before, 2);
      comments(attached[i].inside, 2);
      emit(fieldLines(b.fields[i]), attached[i].after);
    }
    comments(rest, 2);
    emit({"}"}, after);
  }

  std::vector<std::string> fieldLines(const ast::Field& f) const {
    std::string head = "  " + std::string(ast::fieldName(f.kind)) + " ";
    switch (f.kind) {
      case ast::FieldKind::Label:
      case ast::FieldKind::Rationale: return {head + quote(f.text) + ";"};
      case ast::FieldKind::Category:
      case ast::FieldKind::Urgency: return {head + f.word.text + ";"};
      case ast::FieldKind::When:
      case ast::FieldKind::Assume:
      case ast::FieldKind::Holds: {
        std::vector<std::string> lines;
        breakExpr(lines, head, *f.when, 6, ";");
        return lines;
      }
      case ast::FieldKind::Cite: {
        std::vector<std::string> items;
        for (const ast::ParagraphRef& c : f.cites) items.push_back(citation(c));
        return list(head, items, 6);
      }
      case ast::FieldKind::Supersedes: {
        std::vector<std::string> items;
        for (const ast::SupersedesTarget& t : f.targets) items.push_back(t.spelling());
        return list(head, items, 6);
      }
      case ast::FieldKind::Orders: {
        std::vector<std::string> items;
        for (const ast::Name& n : f.names) items.push_back(n.text);
        return list(head, items, 6);
      }
    }
    return {};
  }

  const ast::File& file_;
  const std::string& text_;
  size_t width_;
  std::vector<bool> emitted_;
  std::string out_;
  uint32_t prevEnd_ = 0;  // source offset of the end of what the top level printed last
};

}  // namespace

std::string formatFile(const ast::File& file, const diag::SourceFile& source, const FormatOptions& options) {
  return Printer(file, source, options).run();
}

std::string formatExpr(const ast::Expr& expr) { return exprText(expr); }

}  // namespace pathway::format
