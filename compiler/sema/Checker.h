// The state shared by sema's passes. Internal to compiler/sema.
#ifndef PATHWAY_SEMA_CHECKER_H
#define PATHWAY_SEMA_CHECKER_H

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "diag/DiagnosticEngine.h"
#include "sema/Analysis.h"

namespace pathway::sema {

class Checker {
 public:
  Checker(const ast::File& file, diag::DiagnosticEngine& diags, Analysis& analysis)
      : file_(file), diags_(diags), analysis_(analysis) {}

  void run();

 private:
  // Declarations.cpp
  void checkHeader();
  void declareNames();
  void checkEnum(const ast::EnumDecl& decl);
  // An input, const, define or finding named like an enum label changes
  // what the bare label means beside a value of that enum: warn.
  void checkLabelNames();
  void warnLabelName(const ast::Expr& side, const Type& other);
  void checkInput(const ast::InputDecl& decl);
  std::optional<double> rangeBound(const ast::InputDecl& decl, const Type& type, const ast::NumberExpr& bound,
                                   bool negative);
  void checkBlock(const ast::BlockDecl& decl);
  void checkCitation(const ast::ParagraphRef& ref, BlockInfo& info);
  void suggest(diag::DiagnosticBuilder& builder, diag::Range range, const std::string& word,
               const std::vector<std::string>& candidates);

  // Order.cpp
  struct Use {
    const ast::Decl* decl;  // a const, define or finding
    diag::Range range;
    const ast::Expr* expr;  // the name or known() that uses it
  };
  std::vector<Use> usesOf(const ast::Decl& decl) const;
  // Consts, defines and findings, each after those it uses; reports cycles
  // and fills cycleUses_.
  std::vector<const ast::Decl*> checkOrder();

  // Expressions.cpp
  // The type of a const/define/finding, checking it first if needed (run()
  // checks them in checkOrder(), so this recurses one level at most).
  Type declType(const ast::Decl& decl);
  void checkValueDecl(const ast::Decl& decl);
  const ExprInfo& expr(const ast::Expr& e);
  ExprInfo name(const ast::NameExpr& e);
  ExprInfo known(const ast::KnownExpr& e);
  ExprInfo unary(const ast::UnaryExpr& e);
  ExprInfo binary(const ast::BinaryExpr& e);
  ExprInfo logical(const ast::BinaryExpr& e);
  ExprInfo comparison(const ast::BinaryExpr& e);
  ExprInfo arithmetic(const ast::BinaryExpr& e);
  ExprInfo in(const ast::InExpr& e);
  ExprInfo number(const ast::NumberExpr& e);
  // An unresolved bare name on one side of == / != against an enum value.
  bool resolveLabel(const ast::Expr& side, const Type& enumType);
  int labelIndex(const ast::EnumDecl& decl, const std::string& label) const;
  void checkRange(const ast::BinaryExpr& e, const ast::Expr& inputSide, const ast::Expr& constSide, bool inputOnLeft);
  bool requireBool(const ast::Expr& operand, const std::string& context);
  void reportUnknownLabel(const std::string& label, diag::Range range, const ast::EnumDecl& decl);

  // Properties.cpp
  void checkProperty(const ast::PropertyDecl& decl);
  void checkAllow(const ast::AllowDecl& decl);
  ExprInfo status(const ast::StatusExpr& e);

  // Checks.cpp
  // Bindings.cpp
  void checkBindings();
  void checkCodesets();
  void checkBinding(const ast::FhirDecl& decl);
  void mentionCodesets(const ast::FhirDecl& decl);
  const ast::CodesetDecl* codesetNamed(const ast::Name& name);
  bool bindingMap(const ast::FhirField& f, const ast::InputDecl& input, const Type& type,
                  std::vector<fhir::Mapping>& out);

  void checkSupersedes();
  void checkUnused();
  void checkConstantConditions();
  void checkUncited();

  const ast::File& file_;
  diag::DiagnosticEngine& diags_;
  Analysis& analysis_;

  std::map<std::string, const ast::Decl*> names_;
  std::map<const ast::CodesetDecl*, uint32_t> codesetIndex_;
  std::set<const ast::CodesetDecl*> usedCodesets_;
  std::map<const ast::InputDecl*, const ast::FhirDecl*> boundInputs_;
  // Candidate lists for "did you mean", computed once.
  std::vector<std::string> enumNames_;
  std::vector<std::string> valueNames_;  // inputs, consts, defines, findings
  std::vector<std::string> knownNames_;  // inputs, defines, findings
  std::vector<std::string> recNames_;
  std::map<std::string, const ast::Source*> sources_;
  std::set<std::pair<std::string, std::string>> cited_;
  std::unordered_set<const ast::Decl*> used_;

  // Uses that close a definition cycle (reported by checkOrder): their type
  // is an error, and checking does not follow them.
  std::unordered_set<const ast::Expr*> cycleUses_;
  enum class State : uint8_t { Visiting, Done };
  std::unordered_map<const ast::Decl*, State> state_;
  const ast::Decl* current_ = nullptr;
  bool inConst_ = false;
  bool inProperty_ = false;  // status predicates and implies are allowed
};

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_CHECKER_H
