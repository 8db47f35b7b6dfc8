#include "syntax/AstBuilder.h"

#include "units/Units.h"

#include <charconv>

namespace pathway::syntax {

using gen::PathwayParser;

namespace {

class AstBuilder {
 public:
  AstBuilder(const OffsetMap& offsets, diag::DiagnosticEngine& diags, const Limits& limits)
      : offsets_(offsets), diags_(diags), limits_(limits) {}

  ast::File file(PathwayParser::FileContext* ctx) {
    ast::File file;
    if (ctx->header()) file.header = header(ctx->header());
    for (PathwayParser::DeclarationContext* d : ctx->declaration()) {
      if (file.decls.size() == limits_.maxDeclarations) {
        diags_.report(diag::Kind::TooManyDeclarations, range(d), limits_.maxDeclarations);
        break;
      }
      if (ast::DeclPtr decl = declaration(d)) file.decls.push_back(std::move(decl));
    }
    return file;
  }

 private:
  diag::Range range(antlr4::ParserRuleContext* ctx) const {
    return offsets_.range(ctx->getStart(), ctx->getStop());
  }
  diag::Range range(antlr4::Token* token) const { return offsets_.range(token); }
  diag::Range range(antlr4::tree::TerminalNode* node) const { return offsets_.range(node->getSymbol()); }
  static diag::Range join(diag::Range a, diag::Range b) { return {a.begin, std::max(a.end, b.end)}; }

  ast::Name name(antlr4::Token* token) const { return {token->getText(), range(token)}; }
  ast::Name name(antlr4::tree::TerminalNode* node) const { return name(node->getSymbol()); }
  ast::StringField string(antlr4::tree::TerminalNode* node) const {
    return {unescape(node->getText()), range(node)};
  }

  // ---- header

  ast::Header header(PathwayParser::HeaderContext* ctx) {
    ast::Header h;
    h.name = name(ctx->name);
    h.range = range(ctx);
    for (PathwayParser::HeaderItemContext* item : ctx->headerItem()) {
      if (auto* title = dynamic_cast<PathwayParser::TitleItemContext*>(item)) {
        h.titles.push_back(string(title->STRING()));
      } else if (auto* version = dynamic_cast<PathwayParser::VersionItemContext*>(item)) {
        h.versions.push_back(string(version->STRING()));
      } else if (auto* author = dynamic_cast<PathwayParser::AuthorItemContext*>(item)) {
        for (antlr4::tree::TerminalNode* s : author->STRING()) h.authors.push_back(string(s));
      } else if (auto* source = dynamic_cast<PathwayParser::SourceItemContext*>(item)) {
        ast::Source s;
        s.name = name(source->name);
        s.title = unescape(source->STRING()->getText());
        s.range = range(source);
        if (PathwayParser::ParagraphListContext* list = source->paragraphList()) {
          for (PathwayParser::ParagraphIdContext* p : list->paragraphId()) {
            s.paragraphs.push_back(ast::ParagraphRef{"", {}, p->getText(), range(p)});
          }
        }
        h.sources.push_back(std::move(s));
      }
    }
    return h;
  }

  // ---- declarations

  ast::DeclPtr declaration(PathwayParser::DeclarationContext* ctx) {
    if (auto* e = ctx->enumDecl()) {
      std::vector<antlr4::tree::TerminalNode*> idents = e->IDENT();
      std::vector<ast::Label> labels;
      for (size_t i = 1; i < idents.size(); ++i) labels.push_back({idents[i]->getText(), range(idents[i])});
      return std::make_unique<ast::EnumDecl>(name(e->name), range(e), std::move(labels));
    }
    if (auto* in = ctx->inputDecl()) return input(in);
    if (auto* c = ctx->constDecl()) {
      return std::make_unique<ast::ConstDecl>(name(c->name), range(c), expr(c->expr()));
    }
    if (auto* d = ctx->defineDecl()) {
      return std::make_unique<ast::DefineDecl>(name(d->name), range(d), expr(d->expr()));
    }
    if (auto* f = ctx->findingDecl()) {
      auto decl = std::make_unique<ast::FindingDecl>(name(f->name), range(f));
      for (PathwayParser::FieldContext* field : f->field()) decl->fields.push_back(this->field(field));
      return decl;
    }
    if (auto* r = ctx->recommendationDecl()) {
      auto decl = std::make_unique<ast::RecommendationDecl>(name(r->name), range(r));
      for (PathwayParser::FieldContext* field : r->field()) decl->fields.push_back(this->field(field));
      return decl;
    }
    if (auto* p = ctx->propertyDecl()) return property(p);
    if (auto* a = ctx->allowDecl()) {
      auto decl = std::make_unique<ast::AllowDecl>(name(a->check), range(a));
      for (antlr4::tree::TerminalNode* subject : a->IDENT()) {
        if (subject->getSymbol() != a->check) decl->subjects.push_back(name(subject));
      }
      if (a->reason) decl->reason = ast::StringField{unescape(a->reason->getText()), range(a->reason)};
      return decl;
    }
    if (auto* c = ctx->codesetDecl()) return codeset(c);
    if (auto* f = ctx->fhirDecl()) return fhir(f);
    return nullptr;
  }

  ast::DeclPtr codeset(PathwayParser::CodesetDeclContext* ctx) {
    auto decl = std::make_unique<ast::CodesetDecl>(name(ctx->name), range(ctx));
    if (ctx->description) decl->description = ast::StringField{unescape(ctx->description->getText()), range(ctx->description)};
    for (PathwayParser::CodeEntryContext* entry : ctx->codeEntry()) {
      ast::CodeEntry e;
      e.systemIsUri = entry->system->getType() == PathwayParser::STRING;
      e.system = {e.systemIsUri ? unescape(entry->system->getText()) : entry->system->getText(),
                  range(entry->system)};
      e.code = ast::StringField{unescape(entry->code->getText()), range(entry->code)};
      e.range = range(entry);
      decl->codes.push_back(std::move(e));
    }
    return decl;
  }

  ast::DeclPtr fhir(PathwayParser::FhirDeclContext* ctx) {
    auto decl = std::make_unique<ast::FhirDecl>(name(ctx->name), range(ctx));
    for (PathwayParser::FhirFieldContext* item : ctx->fhirField()) {
      ast::FhirField f;
      f.key = name(item->key);
      f.range = range(item);
      if (PathwayParser::FhirValueContext* value = item->fhirValue()) {
        f.valueRange = range(value);
        if (auto* word = dynamic_cast<PathwayParser::FhirWordContext*>(value)) {
          f.value = ast::FhirField::Value::Word;
          f.word = name(word->word);
        } else if (auto* map = dynamic_cast<PathwayParser::FhirMapContext*>(value)) {
          f.value = ast::FhirField::Value::Map;
          for (PathwayParser::FhirMapItemContext* m : map->fhirMapItem()) {
            f.map.push_back(ast::FhirMapItem{name(m->from), name(m->to), range(m)});
          }
        } else if (auto* lit = dynamic_cast<PathwayParser::FhirLiteralContext*>(value)) {
          f.value = ast::FhirField::Value::Literal;
          f.number = literal(lit->literal());
        }
      }
      decl->fields.push_back(std::move(f));
    }
    return decl;
  }

  ast::DeclPtr property(PathwayParser::PropertyDeclContext* ctx) {
    auto decl = std::make_unique<ast::PropertyDecl>(name(ctx->name), range(ctx));
    for (PathwayParser::PropertyFieldContext* item : ctx->propertyField()) {
      if (auto* plain = dynamic_cast<PathwayParser::PlainPropertyFieldContext*>(item)) {
        decl->fields.push_back(field(plain->field()));
        continue;
      }
      auto* claimField = static_cast<PathwayParser::ClaimFieldContext*>(item);
      ast::Field f;
      f.range = range(item);
      f.kind = claimField->kw->getText() == "assume" ? ast::FieldKind::Assume : ast::FieldKind::Holds;
      f.when = claim(claimField->claim());
      decl->fields.push_back(std::move(f));
    }
    return decl;
  }

  // lhs [implies rhs]
  ast::ExprPtr claim(PathwayParser::ClaimContext* ctx) {
    ast::ExprPtr lhs = expr(ctx->lhs);
    if (!ctx->rhs) return lhs;
    bool lhsDeep = depthReported_;
    ast::ExprPtr rhs = expr(ctx->rhs);
    depthReported_ = depthReported_ || lhsDeep;
    antlr4::tree::TerminalNode* keyword = nullptr;
    for (antlr4::tree::ParseTree* child : ctx->children) {
      if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(child)) keyword = t;
    }
    diag::Range whole = join(lhs->range(), rhs->range());
    return std::make_unique<ast::BinaryExpr>(whole, ast::BinaryOp::Implies, range(keyword), std::move(lhs),
                                             std::move(rhs));
  }

  ast::DeclPtr input(PathwayParser::InputDeclContext* ctx) {
    auto decl = std::make_unique<ast::InputDecl>(name(ctx->name), range(ctx));
    PathwayParser::UnitContext* type = ctx->typeRef()->unit();
    decl->type = {unitText(type), range(type)};
    if (PathwayParser::RangeContext* r = ctx->range()) {
      ast::RangeSpec spec;
      spec.range = range(r);
      spec.loNegative = r->lo->getStart()->getText() == "-";
      spec.hiNegative = r->hi->getStart()->getText() == "-";
      spec.lo = literal(r->lo->literal());
      spec.hi = literal(r->hi->literal());
      decl->valueRange = std::move(spec);
    }
    if (ctx->description) {
      decl->description = ast::StringField{unescape(ctx->description->getText()), range(ctx->description)};
    }
    return decl;
  }

  static std::string unitText(PathwayParser::UnitContext* unit) {
    std::string text;
    for (antlr4::tree::ParseTree* child : unit->children) text += child->getText();
    return text;
  }

  ast::ParagraphRef citation(PathwayParser::CitationContext* ctx) {
    ast::ParagraphRef ref;
    if (ctx->source) {
      ref.source = ctx->source->getText();
      ref.sourceRange = range(ctx->source);
    }
    ref.id = ctx->paragraphId()->getText();
    ref.range = range(ctx);
    return ref;
  }

  ast::Field field(PathwayParser::FieldContext* ctx) {
    ast::Field f;
    f.range = range(ctx);
    if (auto* label = dynamic_cast<PathwayParser::LabelFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Label;
      f.text = unescape(label->STRING()->getText());
    } else if (auto* when = dynamic_cast<PathwayParser::WhenFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::When;
      f.when = expr(when->expr());
    } else if (auto* category = dynamic_cast<PathwayParser::CategoryFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Category;
      f.word = name(category->IDENT());
    } else if (auto* urgency = dynamic_cast<PathwayParser::UrgencyFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Urgency;
      f.word = name(urgency->IDENT());
    } else if (auto* rationale = dynamic_cast<PathwayParser::RationaleFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Rationale;
      f.text = unescape(rationale->STRING()->getText());
    } else if (auto* cite = dynamic_cast<PathwayParser::CiteFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Cite;
      for (PathwayParser::CitationContext* c : cite->citation()) f.cites.push_back(citation(c));
    } else if (auto* orders = dynamic_cast<PathwayParser::OrdersFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Orders;
      for (antlr4::tree::TerminalNode* id : orders->IDENT()) f.names.push_back(name(id));
    } else if (auto* supersedes = dynamic_cast<PathwayParser::SupersedesFieldContext*>(ctx)) {
      f.kind = ast::FieldKind::Supersedes;
      for (PathwayParser::SupersedesTargetContext* t : supersedes->supersedesTarget()) {
        f.targets.push_back(supersedesTarget(t));
      }
    }
    return f;
  }

  ast::SupersedesTarget supersedesTarget(PathwayParser::SupersedesTargetContext* ctx) {
    ast::SupersedesTarget t;
    t.range = range(ctx);
    if (auto* category = dynamic_cast<PathwayParser::CategoryTargetContext*>(ctx)) {
      t.category = true;
      t.name = name(category->IDENT());
    } else {
      t.name = name(static_cast<PathwayParser::RecommendationTargetContext*>(ctx)->IDENT());
    }
    return t;
  }

  // ---- expressions
  //
  // Operator chains (a and b and c) are loops in the grammar but left-deep
  // trees here; depth_ bounds the tree so that later recursive passes
  // cannot overflow the stack.

  ast::ExprPtr expr(PathwayParser::ExprContext* ctx) {
    depthReported_ = false;
    return orExpr(ctx->orExpr(), 1);
  }

  bool tooDeep(size_t depth, antlr4::ParserRuleContext* ctx) {
    if (depth <= limits_.maxExprDepth) return false;
    if (!depthReported_) {
      diags_.report(diag::Kind::NestingTooDeep, range(ctx), limits_.maxExprDepth);
      depthReported_ = true;
    }
    return true;
  }

  // Folds `first (op next)*` into a left-deep tree of binary nodes.
  template <class Child, class Build>
  ast::ExprPtr chain(antlr4::ParserRuleContext* ctx, const std::vector<Child*>& operands, size_t depth,
                     Build build) {
    if (tooDeep(depth + operands.size(), ctx)) return std::make_unique<ast::BoolExpr>(range(ctx), false);
    ast::ExprPtr lhs = build(operands[0], depth + operands.size());
    size_t operand = 1;
    for (antlr4::tree::ParseTree* child : ctx->children) {
      auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child);
      if (!terminal) continue;
      ast::BinaryOp op = binaryOp(terminal->getText());
      ast::ExprPtr rhs = build(operands[operand++], depth + operands.size());
      diag::Range whole = join(lhs->range(), rhs->range());
      lhs = std::make_unique<ast::BinaryExpr>(whole, op, range(terminal), std::move(lhs), std::move(rhs));
    }
    return lhs;
  }

  static ast::BinaryOp binaryOp(const std::string& text) {
    if (text == "and") return ast::BinaryOp::And;
    if (text == "or") return ast::BinaryOp::Or;
    if (text == "<") return ast::BinaryOp::Lt;
    if (text == "<=") return ast::BinaryOp::Le;
    if (text == ">") return ast::BinaryOp::Gt;
    if (text == ">=") return ast::BinaryOp::Ge;
    if (text == "==") return ast::BinaryOp::Eq;
    if (text == "!=") return ast::BinaryOp::Ne;
    if (text == "+") return ast::BinaryOp::Add;
    if (text == "-") return ast::BinaryOp::Sub;
    if (text == "*") return ast::BinaryOp::Mul;
    return ast::BinaryOp::Div;
  }

  ast::ExprPtr orExpr(PathwayParser::OrExprContext* ctx, size_t depth) {
    return chain(ctx, ctx->andExpr(), depth, [this](auto* c, size_t d) { return andExpr(c, d); });
  }

  ast::ExprPtr andExpr(PathwayParser::AndExprContext* ctx, size_t depth) {
    return chain(ctx, ctx->notExpr(), depth, [this](auto* c, size_t d) { return notExpr(c, d); });
  }

  ast::ExprPtr notExpr(PathwayParser::NotExprContext* ctx, size_t depth) {
    if (auto* op = dynamic_cast<PathwayParser::NotOpContext*>(ctx)) {
      if (tooDeep(depth + 1, ctx)) return std::make_unique<ast::BoolExpr>(range(ctx), false);
      return std::make_unique<ast::UnaryExpr>(range(ctx), ast::UnaryOp::Not, notExpr(op->notExpr(), depth + 1));
    }
    return comparison(static_cast<PathwayParser::NotPassContext*>(ctx)->comparison(), depth);
  }

  ast::ExprPtr comparison(PathwayParser::ComparisonContext* ctx, size_t depth) {
    if (auto* in = dynamic_cast<PathwayParser::InOpContext*>(ctx)) {
      std::vector<ast::Label> labels;
      for (PathwayParser::SetItemContext* item : in->setItem()) {
        labels.push_back({item->getText(), range(item)});
      }
      return std::make_unique<ast::InExpr>(range(ctx), additive(in->additive(), depth + 1), std::move(labels));
    }
    auto* cmp = static_cast<PathwayParser::CompareOpContext*>(ctx);
    std::vector<PathwayParser::AdditiveContext*> sides = cmp->additive();
    if (sides.size() == 1) return additive(sides[0], depth);
    ast::ExprPtr lhs = additive(sides[0], depth + 1);
    ast::ExprPtr rhs = additive(sides[1], depth + 1);
    return std::make_unique<ast::BinaryExpr>(range(ctx), binaryOp(cmp->op->getText()), range(cmp->op),
                                             std::move(lhs), std::move(rhs));
  }

  ast::ExprPtr additive(PathwayParser::AdditiveContext* ctx, size_t depth) {
    return chain(ctx, ctx->multiplicative(), depth, [this](auto* c, size_t d) { return multiplicative(c, d); });
  }

  ast::ExprPtr multiplicative(PathwayParser::MultiplicativeContext* ctx, size_t depth) {
    return chain(ctx, ctx->unary(), depth, [this](auto* c, size_t d) { return unary(c, d); });
  }

  ast::ExprPtr unary(PathwayParser::UnaryContext* ctx, size_t depth) {
    if (auto* neg = dynamic_cast<PathwayParser::NegOpContext*>(ctx)) {
      if (tooDeep(depth + 1, ctx)) return std::make_unique<ast::BoolExpr>(range(ctx), false);
      return std::make_unique<ast::UnaryExpr>(range(ctx), ast::UnaryOp::Neg, unary(neg->unary(), depth + 1));
    }
    return primary(static_cast<PathwayParser::UnaryPassContext*>(ctx)->primary(), depth);
  }

  ast::ExprPtr primary(PathwayParser::PrimaryContext* ctx, size_t depth) {
    if (auto* lit = dynamic_cast<PathwayParser::LiteralPrimaryContext*>(ctx)) {
      // `4 weeks / x` parses as the unit "weeks/x"; when that is not a unit
      // but "weeks" is, it is a division.
      PathwayParser::UnitContext* unit = lit->literal()->unit();
      if (unit && unit->IDENT().size() == 2 && !units::find(unitText(unit)) &&
          units::find(unit->IDENT(0)->getText())) {
        antlr4::tree::TerminalNode* number = lit->literal()->NUMBER();
        antlr4::tree::TerminalNode* first = unit->IDENT(0);
        antlr4::tree::TerminalNode* divisor = unit->IDENT(1);
        std::string text = number->getText();
        double value = 0;
        std::from_chars(text.data(), text.data() + text.size(), value);
        auto quantity = std::make_unique<ast::NumberExpr>(offsets_.range(number->getSymbol(), first->getSymbol()), text,
                                                          value, first->getText(), range(first));
        auto name = std::make_unique<ast::NameExpr>(range(divisor), "", divisor->getText());
        antlr4::tree::TerminalNode* slash = dynamic_cast<antlr4::tree::TerminalNode*>(unit->children[1]);
        return std::make_unique<ast::BinaryExpr>(range(ctx), ast::BinaryOp::Div, range(slash), std::move(quantity),
                                                 std::move(name));
      }
      return literal(lit->literal());
    }
    if (dynamic_cast<PathwayParser::TruePrimaryContext*>(ctx)) {
      return std::make_unique<ast::BoolExpr>(range(ctx), true);
    }
    if (dynamic_cast<PathwayParser::FalsePrimaryContext*>(ctx)) {
      return std::make_unique<ast::BoolExpr>(range(ctx), false);
    }
    if (auto* known = dynamic_cast<PathwayParser::KnownPrimaryContext*>(ctx)) {
      return std::make_unique<ast::KnownExpr>(range(ctx), known->fn->getText() == "unknown",
                                              known->IDENT()->getText(), range(known->IDENT()));
    }
    if (auto* status = dynamic_cast<PathwayParser::StatusPrimaryContext*>(ctx)) {
      return std::make_unique<ast::StatusExpr>(range(ctx), status->fn->getText(), range(status->fn),
                                               status->IDENT(1)->getText(), range(status->IDENT(1)));
    }
    if (auto* n = dynamic_cast<PathwayParser::NamePrimaryContext*>(ctx)) {
      std::vector<antlr4::tree::TerminalNode*> parts = n->IDENT();
      if (parts.size() == 2) {
        return std::make_unique<ast::NameExpr>(range(ctx), parts[0]->getText(), parts[1]->getText());
      }
      return std::make_unique<ast::NameExpr>(range(ctx), "", parts[0]->getText());
    }
    auto* paren = static_cast<PathwayParser::ParenPrimaryContext*>(ctx);
    return orExpr(paren->expr()->orExpr(), depth + 1);
  }

  std::unique_ptr<ast::NumberExpr> literal(PathwayParser::LiteralContext* ctx) {
    std::string text = ctx->NUMBER()->getText();
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    std::string unit;
    diag::Range unitRange{};
    if (PathwayParser::UnitContext* u = ctx->unit()) {
      unit = unitText(u);
      unitRange = range(u);
    } else if (ctx->children.size() == 2) {  // NUMBER '%'
      unit = "%";
      unitRange = range(dynamic_cast<antlr4::tree::TerminalNode*>(ctx->children[1]));
    }
    return std::make_unique<ast::NumberExpr>(range(ctx), text, value, unit, unitRange);
  }

  const OffsetMap& offsets_;
  diag::DiagnosticEngine& diags_;
  const Limits& limits_;
  bool depthReported_ = false;
};

}  // namespace

ast::File buildAst(PathwayParser::FileContext* tree, const OffsetMap& offsets, diag::DiagnosticEngine& diags,
                   const Limits& limits) {
  return AstBuilder(offsets, diags, limits).file(tree);
}

}  // namespace pathway::syntax
