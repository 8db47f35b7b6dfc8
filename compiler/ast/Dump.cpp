#include "ast/Dump.h"

#include <fmt/format.h>

#include <algorithm>

namespace pathway::ast {
namespace {

class Dumper {
 public:
  explicit Dumper(const diag::SourceFile* source) : source_(source) {}

  std::string run(const File& file) {
    line(0, "File");
    if (file.header) header(*file.header);
    for (const DeclPtr& decl : file.decls) this->decl(*decl);
    return std::move(out_);
  }

 private:
  std::string at(Range range) const {
    if (!source_) return "";
    diag::LineColumn lc = source_->lineColumn(range.begin);
    return fmt::format("@{}:{}", lc.line, lc.column);
  }

  static std::string quote(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        default: out.push_back(c);
      }
    }
    return out + "\"";
  }

  void line(int depth, const std::string& text) {
    out_.append(static_cast<size_t>(depth) * 2, ' ');
    out_ += text;
    out_.push_back('\n');
  }

  static std::string citation(const ParagraphRef& ref) {
    return ref.source.empty() ? ref.id : ref.source + ":" + ref.id;
  }

  void header(const Header& h) {
    line(1, fmt::format("Header {} {}", h.name.text, at(h.range)));
    for (const StringField& f : h.titles) line(2, "title " + quote(f.value));
    for (const StringField& f : h.versions) line(2, "version " + quote(f.value));
    for (const StringField& f : h.authors) line(2, "author " + quote(f.value));
    for (const Source& s : h.sources) {
      std::string ids;
      for (const ParagraphRef& p : s.paragraphs) ids += (ids.empty() ? "" : ", ") + p.id;
      line(2, fmt::format("source {} {} [{}] {}", s.name.text, quote(s.title), ids, at(s.range)));
    }
  }

  void decl(const Decl& d) {
    switch (d.kind()) {
      case DeclKind::Enum: {
        const auto& e = static_cast<const EnumDecl&>(d);
        std::string labels;
        for (const Label& l : e.labels) labels += (labels.empty() ? "" : ", ") + l.name;
        line(1, fmt::format("Enum {} [{}] {}", d.name.text, labels, at(d.range())));
        return;
      }
      case DeclKind::Input: {
        const auto& in = static_cast<const InputDecl&>(d);
        std::string text = fmt::format("Input {} : {}", d.name.text, in.type.text);
        if (in.valueRange) {
          text += fmt::format(" in {}{}..{}{}", in.valueRange->loNegative ? "-" : "",
                              number(*in.valueRange->lo), in.valueRange->hiNegative ? "-" : "",
                              number(*in.valueRange->hi));
        }
        if (in.description) text += " " + quote(in.description->value);
        line(1, text + " " + at(d.range()));
        return;
      }
      case DeclKind::Const:
        line(1, fmt::format("Const {} {}", d.name.text, at(d.range())));
        expr(2, *static_cast<const ConstDecl&>(d).value);
        return;
      case DeclKind::Define:
        line(1, fmt::format("Define {} {}", d.name.text, at(d.range())));
        expr(2, *static_cast<const DefineDecl&>(d).value);
        return;
      case DeclKind::Finding:
      case DeclKind::Recommendation:
      case DeclKind::Property:
        block(static_cast<const BlockDecl&>(d));
        return;
      case DeclKind::Allow: {
        const auto& a = static_cast<const AllowDecl&>(d);
        std::string subjects;
        for (const Name& n : a.subjects) subjects += (subjects.empty() ? "" : ", ") + n.text;
        line(1, fmt::format("Allow {} [{}] {} {}", d.name.text, subjects, quote(a.reason.value), at(d.range())));
        return;
      }
      case DeclKind::Codeset: {
        const auto& c = static_cast<const CodesetDecl&>(d);
        std::string text = "Codeset " + d.name.text;
        if (c.description) text += " " + quote(c.description->value);
        line(1, text + " " + at(d.range()));
        for (const CodeEntry& e : c.codes) {
          line(2, fmt::format("Code {}{} {} {}", e.systemIsUri ? "uri " : "", quote(e.system.text),
                              quote(e.code.value), at(e.range)));
        }
        return;
      }
      case DeclKind::Fhir: {
        const auto& f = static_cast<const FhirDecl&>(d);
        line(1, fmt::format("Fhir {} {}", d.name.text, at(d.range())));
        for (const FhirField& field : f.fields) {
          std::string value;
          switch (field.value) {
            case FhirField::Value::None: break;
            case FhirField::Value::Word: value = " " + field.word.text; break;
            case FhirField::Value::Map:
              value = " {";
              for (size_t i = 0; i < field.map.size(); ++i) {
                value += fmt::format("{}{}: {}", i ? ", " : "", field.map[i].from.text, field.map[i].to.text);
              }
              value += "}";
              break;
            case FhirField::Value::Literal:
              value = " " + field.number->text + (field.number->unit.empty() ? "" : " " + field.number->unit);
              break;
          }
          line(2, fmt::format("{}{} {}", field.key.text, value, at(field.range)));
        }
        return;
      }
    }
  }

  void block(const BlockDecl& b) {
    const char* kind = b.kind() == DeclKind::Finding    ? "Finding"
                       : b.kind() == DeclKind::Property ? "Property"
                                                        : "Recommendation";
    line(1, fmt::format("{} {} {}", kind,
                        b.name.text, at(b.range())));
    std::vector<const Field*> fields;
    for (const Field& f : b.fields) fields.push_back(&f);
    // Without positions the order of fields does not matter, only which
    // come first among those of one kind.
    if (!source_) {
      std::stable_sort(fields.begin(), fields.end(), [](const Field* x, const Field* y) { return x->kind < y->kind; });
    }
    for (const Field* field : fields) {
      const Field& f = *field;
      switch (f.kind) {
        case FieldKind::Label:
        case FieldKind::Rationale:
          line(2, fmt::format("{} {}", fieldName(f.kind), quote(f.text)));
          break;
        case FieldKind::Category:
        case FieldKind::Urgency:
          line(2, fmt::format("{} {}", fieldName(f.kind), f.word.text));
          break;
        case FieldKind::When:
        case FieldKind::Assume:
        case FieldKind::Holds:
          line(2, fieldName(f.kind));
          expr(3, *f.when);
          break;
        case FieldKind::Cite: {
          std::string cites;
          for (const ParagraphRef& c : f.cites) cites += (cites.empty() ? "" : ", ") + citation(c);
          line(2, "cite " + cites);
          break;
        }
        case FieldKind::Supersedes: {
          std::string names;
          for (const SupersedesTarget& t : f.targets) names += (names.empty() ? "" : ", ") + t.spelling();
          line(2, "supersedes " + names);
          break;
        }
        case FieldKind::Orders: {
          std::string names;
          for (const Name& n : f.names) names += (names.empty() ? "" : ", ") + n.text;
          line(2, "orders " + names);
          break;
        }
      }
    }
  }

  static std::string number(const NumberExpr& n) {
    if (n.unit.empty()) return n.text;
    return n.unit == "%" ? n.text + "%" : n.text + " " + n.unit;
  }

  void expr(int depth, const Expr& e) {
    switch (e.kind()) {
      case ExprKind::Number:
        line(depth, fmt::format("Number {} {}", number(static_cast<const NumberExpr&>(e)), at(e.range())));
        return;
      case ExprKind::Bool:
        line(depth, fmt::format("Bool {} {}", static_cast<const BoolExpr&>(e).value, at(e.range())));
        return;
      case ExprKind::Name: {
        const auto& n = static_cast<const NameExpr&>(e);
        line(depth, fmt::format("Name {}{} {}", n.qualifier.empty() ? "" : n.qualifier + ".", n.name,
                                at(e.range())));
        return;
      }
      case ExprKind::Known: {
        const auto& k = static_cast<const KnownExpr&>(e);
        line(depth, fmt::format("{} {} {}", k.negated ? "Unknown" : "Known", k.name, at(e.range())));
        return;
      }
      case ExprKind::Unary: {
        const auto& u = static_cast<const UnaryExpr&>(e);
        line(depth, fmt::format("Unary {} {}", u.op == UnaryOp::Not ? "not" : "-", at(e.range())));
        expr(depth + 1, *u.operand);
        return;
      }
      case ExprKind::Binary: {
        const auto& b = static_cast<const BinaryExpr&>(e);
        line(depth, fmt::format("Binary {} {}", spelling(b.op), at(e.range())));
        expr(depth + 1, *b.lhs);
        expr(depth + 1, *b.rhs);
        return;
      }
      case ExprKind::In: {
        const auto& in = static_cast<const InExpr&>(e);
        std::string labels;
        for (const Label& l : in.labels) labels += (labels.empty() ? "" : ", ") + l.name;
        line(depth, fmt::format("In [{}] {}", labels, at(e.range())));
        expr(depth + 1, *in.operand);
        return;
      }
      case ExprKind::Status: {
        const auto& st = static_cast<const StatusExpr&>(e);
        line(depth, fmt::format("Status {}({}) {}", st.function, st.name, at(e.range())));
        return;
      }
    }
  }

  const diag::SourceFile* source_;  // null: no positions
  std::string out_;
};

}  // namespace

std::string dump(const File& file, const diag::SourceFile& source) {
  return Dumper(&source).run(file);
}

std::string dumpShape(const File& file) { return Dumper(nullptr).run(file); }

}  // namespace pathway::ast
