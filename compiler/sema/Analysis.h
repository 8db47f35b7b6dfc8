// What sema learned about a file: resolved names, types, constant values and
// unit conversions, in side tables keyed by AST node. The AST itself is not
// modified. Lowering to IR reads this together with the AST.
#ifndef PATHWAY_SEMA_ANALYSIS_H
#define PATHWAY_SEMA_ANALYSIS_H

#include <optional>
#include <unordered_map>
#include <vector>

#include "fhir/Binding.h"
#include "sema/Type.h"

namespace pathway::sema {

// A value known at compile time (Kleene: it may be the constant unknown).
struct ConstValue {
  bool known = true;
  double value = 0;  // bools are 0/1
};

struct ExprInfo {
  Type type;
  const ast::Decl* decl = nullptr;    // Name, Known: the declaration named
  int label = -1;                     // Name: enum label index
  std::optional<ConstValue> constant; // set when the value needs no input
  double rhsScale = 1;                // Binary: factor converting rhs to lhs's unit
};

struct InputInfo {
  Type type;
  std::optional<double> min, max;  // in the input's unit
};

struct Citation {
  std::string source;
  std::string paragraph;
};

struct BlockInfo {
  std::vector<Citation> citations;
  std::vector<const ast::RecommendationDecl*> supersedes;
  std::vector<uint32_t> orders;  // code sets (indices in Analysis::fhir.codesets) of the orders it recommends
};

// One place in the source that names a declaration or one of an enum's
// labels: declarations' own names, uses in expressions (`pain`,
// `Quality.sharp`, a bare label beside `==`, the labels of `in {...}`),
// input types that name an enum, `known(x)`, and `supersedes` lists.
// Editors use it for go-to-definition, references and rename (sema/Uses.cpp).
struct Use {
  diag::Range range;             // the name as written
  const ast::Decl* decl = nullptr;
  int label = -1;                // >= 0: this label of the enum `decl`
  bool declaration = false;      // the declaring occurrence
};

struct Analysis {
  std::unordered_map<const ast::Expr*, ExprInfo> exprs;
  std::unordered_map<const ast::Decl*, Type> declTypes;  // const, define, finding
  std::unordered_map<const ast::Decl*, ConstValue> constValues;
  std::unordered_map<const ast::InputDecl*, InputInfo> inputs;
  std::unordered_map<const ast::BlockDecl*, BlockInfo> blocks;
  std::vector<Use> uses;  // in source order; names sema could not resolve are absent
  // FHIR bindings (sema/Bindings.cpp); binding i binds fhirInputs[i]. Its
  // `input` field is filled by lowering, which knows the IR's input order.
  fhir::Bindings fhir;
  std::vector<const ast::InputDecl*> fhirInputs;

  const ExprInfo& info(const ast::Expr& e) const { return exprs.at(&e); }
};

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_ANALYSIS_H
