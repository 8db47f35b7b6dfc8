// Declaration nodes of the Pathway AST and the file that holds them.
#ifndef PATHWAY_AST_DECL_H
#define PATHWAY_AST_DECL_H

#include <optional>

#include "ast/Expr.h"

namespace pathway::ast {

struct Name {
  std::string text;
  Range range;
};

struct ParagraphRef {
  std::string source;  // empty when unqualified
  Range sourceRange;
  std::string id;      // "S1.P2" as written
  Range range;         // the whole citation
};

struct Source {
  Name name;
  std::string title;
  std::vector<ParagraphRef> paragraphs;
  Range range;
};

struct StringField {
  std::string value;  // unescaped
  Range range;
};

struct Header {
  Name name;
  Range range;
  std::vector<StringField> titles;    // exactly one is valid
  std::vector<StringField> versions;  // exactly one is valid
  std::vector<StringField> authors;
  std::vector<Source> sources;
  Range firstTitle, firstVersion;
};

#define PATHWAY_AST_DECL_KINDS(X) \
  X(Enum)                         \
  X(Input)                        \
  X(Const)                        \
  X(Define)                       \
  X(Finding)                      \
  X(Recommendation)               \
  X(Property)                     \
  X(Allow)                        \
  X(Codeset)                      \
  X(Fhir)

enum class DeclKind : uint8_t {
#define PATHWAY_AST_KIND(name) name,
  PATHWAY_AST_DECL_KINDS(PATHWAY_AST_KIND)
#undef PATHWAY_AST_KIND
};
const char* declKindName(DeclKind kind);  // "input", "definition", ...

class Decl {
 public:
  Decl(DeclKind kind, Name name, Range range) : name(std::move(name)), kind_(kind), range_(range) {}
  virtual ~Decl() = default;
  Decl(const Decl&) = delete;
  Decl& operator=(const Decl&) = delete;

  DeclKind kind() const { return kind_; }
  Range range() const { return range_; }

  Name name;

 private:
  DeclKind kind_;
  Range range_;
};

using DeclPtr = std::unique_ptr<Decl>;

class EnumDecl final : public Decl {
 public:
  EnumDecl(Name name, Range range, std::vector<Label> labels)
      : Decl(DeclKind::Enum, std::move(name), range), labels(std::move(labels)) {}
  std::vector<Label> labels;
};

struct RangeSpec {
  std::unique_ptr<NumberExpr> lo, hi;  // may be negated: see loNegative
  bool loNegative = false, hiNegative = false;
  Range range;
};

class InputDecl final : public Decl {
 public:
  InputDecl(Name name, Range range) : Decl(DeclKind::Input, std::move(name), range) {}
  Name type;  // "bool", "int", "number", an enum name or a unit ("weeks", "mg/L", "%")
  std::optional<RangeSpec> valueRange;
  std::optional<StringField> description;
};

class ConstDecl final : public Decl {
 public:
  ConstDecl(Name name, Range range, ExprPtr value)
      : Decl(DeclKind::Const, std::move(name), range), value(std::move(value)) {}
  ExprPtr value;
};

class DefineDecl final : public Decl {
 public:
  DefineDecl(Name name, Range range, ExprPtr value)
      : Decl(DeclKind::Define, std::move(name), range), value(std::move(value)) {}
  ExprPtr value;
};

// The fields of a finding or recommendation block, as written. Each may
// appear any number of times in the source; sema reports missing and
// duplicate ones. Keyword ranges locate the field for diagnostics.
#define PATHWAY_AST_FIELDS(X) \
  X(Label, "label")           \
  X(When, "when")             \
  X(Assume, "assume")         \
  X(Holds, "holds")           \
  X(Category, "category")     \
  X(Urgency, "urgency")       \
  X(Rationale, "rationale")   \
  X(Cite, "cite")             \
  X(Supersedes, "supersedes") \
  X(Orders, "orders")

enum class FieldKind : uint8_t {
#define PATHWAY_AST_FIELD(name, text) name,
  PATHWAY_AST_FIELDS(PATHWAY_AST_FIELD)
#undef PATHWAY_AST_FIELD
};
const char* fieldName(FieldKind kind);

// A supersedes target: one recommendation (`name`), or with `category` set
// every other recommendation of the category `name` (`range` covers the
// keyword too).
struct SupersedesTarget {
  Name name;
  bool category = false;
  Range range;
  std::string spelling() const { return category ? "category " + name.text : name.text; }
};

struct Field {
  FieldKind kind;
  Range range;                      // the whole field
  std::string text;                 // label, rationale (unescaped)
  Name word;                        // category, urgency
  ExprPtr when;                     // when; assume and holds (properties)
  std::vector<ParagraphRef> cites;  // cite
  std::vector<SupersedesTarget> targets;  // supersedes
  std::vector<Name> names;                // orders: code sets of the orders it recommends
};

class BlockDecl : public Decl {
 public:
  BlockDecl(DeclKind kind, Name name, Range range) : Decl(kind, std::move(name), range) {}
  std::vector<Field> fields;
  // The first field of a kind, or null.
  const Field* field(FieldKind kind) const {
    for (const Field& f : fields) {
      if (f.kind == kind) return &f;
    }
    return nullptr;
  }
};

class FindingDecl final : public BlockDecl {
 public:
  FindingDecl(Name name, Range range) : BlockDecl(DeclKind::Finding, std::move(name), range) {}
};

class RecommendationDecl final : public BlockDecl {
 public:
  RecommendationDecl(Name name, Range range)
      : BlockDecl(DeclKind::Recommendation, std::move(name), range) {}
};

// property NAME { label "..."; assume PREMISE; holds CLAIM; cite ...; }
// A claim for `pathwayc verify`: for every patient for whom the premise is
// true, the claim must be true. Not part of what a library evaluates.
class PropertyDecl final : public BlockDecl {
 public:
  PropertyDecl(Name name, Range range) : BlockDecl(DeclKind::Property, std::move(name), range) {}
};

// allow CHECK SUBJECT[, SUBJECT] "reason"; silences one built-in analysis
// of `pathwayc verify` for the declarations named. The decl's name is the
// check (e.g. never_fires).
class AllowDecl final : public Decl {
 public:
  AllowDecl(Name check, Range range) : Decl(DeclKind::Allow, std::move(check), range) {}
  std::vector<Name> subjects;
  StringField reason;
};

// codeset NAME "description" { loinc "4537-7", snomed "9631008", "URI" "code" }
// A named list of codes for FHIR bindings. `system` is the alias or the URI
// as written (`systemIsUri` when it was a string).
struct CodeEntry {
  Name system;
  bool systemIsUri = false;
  StringField code;
  Range range;
};

class CodesetDecl final : public Decl {
 public:
  CodesetDecl(Name name, Range range) : Decl(DeclKind::Codeset, std::move(name), range) {}
  std::optional<StringField> description;
  std::vector<CodeEntry> codes;
};

// fhir INPUT { observation esr_codes; within 90 days; ... } binds the input
// INPUT to FHIR R4 records. Each field is a key and a value: a word
// (a name, `true` or `false`), a map `{ from: to, ... }` or a literal
// (`90 days`). Sema checks the keys and what they say.
struct FhirMapItem {
  Name from, to;
  Range range;
};

struct FhirField {
  enum class Value : uint8_t { None, Word, Map, Literal };
  Name key;
  Value value = Value::None;
  Name word;                       // Word
  std::vector<FhirMapItem> map;    // Map
  std::unique_ptr<NumberExpr> number;  // Literal (with its unit)
  Range valueRange;
  Range range;  // the whole field
};

class FhirDecl final : public Decl {
 public:
  FhirDecl(Name input, Range range) : Decl(DeclKind::Fhir, std::move(input), range) {}
  std::vector<FhirField> fields;
  // The first field with key `key`, or null.
  const FhirField* field(std::string_view key) const {
    for (const FhirField& f : fields) {
      if (f.key.text == key) return &f;
    }
    return nullptr;
  }
};

// A `//` or `/* */` comment, text as written (delimiters included). The
// parser never sees comments; they are kept for the formatter.
struct Comment {
  std::string text;
  Range range;
};

struct File {
  std::optional<Header> header;
  std::vector<DeclPtr> decls;
  std::vector<Comment> comments;  // every comment, in source order
};

}  // namespace pathway::ast

#endif  // PATHWAY_AST_DECL_H
