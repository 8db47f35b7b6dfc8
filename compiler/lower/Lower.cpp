#include "lower/Lower.h"

#include <cassert>
#include <unordered_map>
#include <unordered_set>

#include "ir/Builder.h"
#include "ir/Prune.h"

namespace pathway::lower {
namespace {

class Lowering {
 public:
  Lowering(const ast::File& file, const sema::Analysis& analysis)
      : file_(file), analysis_(analysis), builder_(program_) {}

  ir::Program run() {
    metadata();
    inputs();
    for (const ast::DeclPtr& d : file_.decls) {
      switch (d->kind()) {
        case ast::DeclKind::Define: {
          ir::Definition def;
          def.name = d->name.text;
          def.node = value(*d);
          def.type = program_.nodes[def.node].type;
          program_.definitions.push_back(def);
          break;
        }
        case ast::DeclKind::Finding: {
          ir::Finding f;
          const auto& block = static_cast<const ast::BlockDecl&>(*d);
          f.name = d->name.text;
          f.label = block.field(ast::FieldKind::Label)->text;
          f.citations = citations(block);
          f.node = value(*d);
          program_.findings.push_back(f);
          break;
        }
        case ast::DeclKind::Recommendation:
          recommendation(static_cast<const ast::RecommendationDecl&>(*d));
          break;
        default: break;
      }
    }
    statuses();
    verification();
    ir::prune(program_);
    return std::move(program_);
  }

 private:
  void metadata() {
    const ast::Header& h = *file_.header;
    program_.meta.name = h.name.text;
    program_.meta.title = h.titles.front().value;
    program_.meta.version = h.versions.front().value;
    for (const ast::StringField& a : h.authors) program_.meta.authors.push_back(a.value);
    for (const ast::Source& s : h.sources) {
      ir::Source source{s.name.text, s.title, {}};
      for (const ast::ParagraphRef& p : s.paragraphs) source.paragraphs.push_back(p.id);
      program_.meta.sources.push_back(std::move(source));
    }
  }

  void inputs() {
    for (const ast::DeclPtr& d : file_.decls) {
      if (d->kind() != ast::DeclKind::Input) continue;
      const auto& decl = static_cast<const ast::InputDecl&>(*d);
      const sema::InputInfo& info = analysis_.inputs.at(&decl);
      ir::Input in;
      in.name = decl.name.text;
      in.min = info.min;
      in.max = info.max;
      if (decl.description) in.description = decl.description->value;
      switch (info.type.kind) {
        case sema::Type::Kind::Bool: in.kind = ir::InputKind::Bool; break;
        case sema::Type::Kind::Int: in.kind = ir::InputKind::Int; break;
        case sema::Type::Kind::Number: in.kind = ir::InputKind::Number; break;
        case sema::Type::Kind::Enum:
          in.kind = ir::InputKind::Enum;
          in.enumName = info.type.enumDecl->name.text;
          for (const ast::Label& l : info.type.enumDecl->labels) in.labels.push_back(l.name);
          break;
        case sema::Type::Kind::Quantity:
          in.kind = ir::InputKind::Quantity;
          in.unit = info.type.unit->canonical;
          in.dimension = info.type.unit->dimension;
          break;
        case sema::Type::Kind::Error: assert(false && "lowering a file with errors"); break;
      }
      inputIndex_[&decl] = static_cast<uint32_t>(program_.inputs.size());
      program_.inputs.push_back(std::move(in));
    }
    program_.fhir = analysis_.fhir;
    for (size_t i = 0; i < program_.fhir.bindings.size(); ++i) {
      program_.fhir.bindings[i].input = inputIndex_.at(analysis_.fhirInputs[i]);
    }
  }

  std::vector<ir::Citation> citations(const ast::BlockDecl& block) const {
    std::vector<ir::Citation> out;
    for (const sema::Citation& c : analysis_.blocks.at(&block).citations) out.push_back({c.source, c.paragraph});
    return out;
  }

  void recommendation(const ast::RecommendationDecl& decl) {
    ir::Recommendation r;
    r.name = decl.name.text;
    r.label = decl.field(ast::FieldKind::Label)->text;
    r.category = decl.field(ast::FieldKind::Category)->word.text;
    r.urgency = decl.field(ast::FieldKind::Urgency)->word.text;
    r.rationale = decl.field(ast::FieldKind::Rationale)->text;
    r.citations = citations(decl);
    r.condition = expr(*decl.field(ast::FieldKind::When)->when);
    recIndex_[&decl] = static_cast<uint32_t>(program_.recommendations.size());
    program_.recommendations.push_back(std::move(r));
    recDecls_.push_back(&decl);
  }

  // status(r) = condition(r) and not status(s) for every s that supersedes r.
  void statuses() {
    std::vector<std::vector<uint32_t>> supersededBy(recDecls_.size());
    for (size_t i = 0; i < recDecls_.size(); ++i) {
      auto it = analysis_.blocks.find(recDecls_[i]);
      if (it == analysis_.blocks.end()) continue;
      program_.recommendations[i].orders = it->second.orders;
      for (const ast::RecommendationDecl* target : it->second.supersedes) {
        uint32_t t = recIndex_.at(target);
        program_.recommendations[i].supersedes.push_back(t);
        supersededBy[t].push_back(static_cast<uint32_t>(i));
      }
    }
    std::vector<int> done(recDecls_.size(), 0);
    // Iterative post-order so that long supersedes chains cannot overflow.
    for (size_t root = 0; root < recDecls_.size(); ++root) {
      std::vector<std::pair<uint32_t, size_t>> stack = {{static_cast<uint32_t>(root), 0}};
      while (!stack.empty()) {
        auto& [rec, next] = stack.back();
        if (done[rec]) {
          stack.pop_back();
          continue;
        }
        if (next < supersededBy[rec].size()) {
          uint32_t dep = supersededBy[rec][next++];
          if (!done[dep]) stack.emplace_back(dep, 0);
          continue;
        }
        ir::NodeId status = program_.recommendations[rec].condition;
        for (uint32_t by : supersededBy[rec]) {
          status = builder_.logicAnd(status, builder_.logicNot(program_.recommendations[by].status));
        }
        program_.recommendations[rec].status = status;
        done[rec] = 1;
        stack.pop_back();
      }
    }
  }

  // Properties and allows, lowered after every output so that stripping
  // them leaves the nodes exactly as lowering without them would.
  void verification() {
    for (const ast::DeclPtr& d : file_.decls) {
      if (d->kind() == ast::DeclKind::Allow) {
        const auto& a = static_cast<const ast::AllowDecl&>(*d);
        ir::Allow allow{a.name.text, {}, a.reason.value};
        for (const ast::Name& n : a.subjects) allow.subjects.push_back(n.text);
        program_.allows.push_back(std::move(allow));
      }
      if (d->kind() != ast::DeclKind::Property) continue;
      const auto& decl = static_cast<const ast::PropertyDecl&>(*d);
      ir::Property p;
      p.name = decl.name.text;
      if (const ast::Field* label = decl.field(ast::FieldKind::Label)) p.label = label->text;
      p.citations = citations(decl);
      if (const ast::Field* assume = decl.field(ast::FieldKind::Assume)) p.premise = expr(*assume->when);
      p.claim = expr(*decl.field(ast::FieldKind::Holds)->when);
      program_.properties.push_back(std::move(p));
    }
  }

  // fire(r), no(r), undetermined(r), superseded(r): two-valued (always
  // known). fire = known(s) and s; no = known(s) and not s; undetermined =
  // not known(s); superseded = its own condition fires but its status is no.
  ir::NodeId status(const ast::StatusExpr& e, const sema::ExprInfo& info) {
    const ir::Recommendation& r =
        program_.recommendations[recIndex_.at(static_cast<const ast::RecommendationDecl*>(info.decl))];
    auto fires = [&](ir::NodeId n) { return builder_.logicAnd(builder_.isKnown(n), n); };
    auto isNo = [&](ir::NodeId n) { return builder_.logicAnd(builder_.isKnown(n), builder_.logicNot(n)); };
    if (e.function == "fire") return fires(r.status);
    if (e.function == "no") return isNo(r.status);
    if (e.function == "undetermined") return builder_.logicNot(builder_.isKnown(r.status));
    return builder_.logicAnd(fires(r.condition), isNo(r.status));
  }

  static const ast::Expr* valueExpr(const ast::Decl& decl) {
    if (decl.kind() == ast::DeclKind::Const) return static_cast<const ast::ConstDecl&>(decl).value.get();
    if (decl.kind() == ast::DeclKind::Define) return static_cast<const ast::DefineDecl&>(decl).value.get();
    if (decl.kind() == ast::DeclKind::Finding) {
      return static_cast<const ast::FindingDecl&>(decl).field(ast::FieldKind::When)->when.get();
    }
    return nullptr;
  }

  // The node of a const, define or finding. Lowered where it is first used
  // (which fixes the IR's node order); past kMaxValueDepth nested uses, the
  // declarations it depends on are lowered first, each after its own
  // dependencies, so a chain of 20,000 definitions does not recurse 20,000
  // levels deep.
  ir::NodeId value(const ast::Decl& decl) {
    if (auto it = decls_.find(&decl); it != decls_.end()) return it->second;
    if (valueDepth_ >= kMaxValueDepth) lowerDependenciesFirst(decl);
    ++valueDepth_;
    ir::NodeId id = expr(*valueExpr(decl));
    --valueDepth_;
    decls_[&decl] = id;
    return id;
  }

  // The not yet lowered value declarations that `root` uses.
  std::vector<const ast::Decl*> pendingUses(const ast::Decl& root) const {
    std::vector<const ast::Decl*> uses;
    std::vector<const ast::Expr*> work = {valueExpr(root)};
    while (!work.empty()) {
      const ast::Expr* e = work.back();
      work.pop_back();
      switch (e->kind()) {
        case ast::ExprKind::Name:
        case ast::ExprKind::Known: {
          const ast::Decl* d = analysis_.info(*e).decl;
          if (d && valueExpr(*d) && !decls_.count(d)) uses.push_back(d);
          break;
        }
        case ast::ExprKind::Unary: work.push_back(static_cast<const ast::UnaryExpr*>(e)->operand.get()); break;
        case ast::ExprKind::Binary:
          work.push_back(static_cast<const ast::BinaryExpr*>(e)->rhs.get());
          work.push_back(static_cast<const ast::BinaryExpr*>(e)->lhs.get());
          break;
        case ast::ExprKind::In: work.push_back(static_cast<const ast::InExpr*>(e)->operand.get()); break;
        case ast::ExprKind::Number:
        case ast::ExprKind::Bool:
        case ast::ExprKind::Status: break;
      }
    }
    return uses;
  }

  // Lowers what `root` depends on, deepest first, with an explicit stack.
  void lowerDependenciesFirst(const ast::Decl& root) {
    struct Frame {
      const ast::Decl* decl;
      std::vector<const ast::Decl*> uses;
      size_t next = 0;
    };
    std::unordered_set<const ast::Decl*> entered = {&root};
    std::vector<Frame> stack;
    stack.push_back({&root, pendingUses(root)});
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.uses.size()) {
        const ast::Decl* done = top.decl;
        stack.pop_back();
        // Its uses are lowered: this recurses one level.
        if (done != &root && !decls_.count(done)) decls_[done] = expr(*valueExpr(*done));
        continue;
      }
      const ast::Decl* next = top.uses[top.next++];
      if (decls_.count(next) || !entered.insert(next).second) continue;
      stack.push_back({next, pendingUses(*next)});
    }
  }

  ir::NodeId expr(const ast::Expr& e) {
    const sema::ExprInfo& info = analysis_.info(e);
    switch (e.kind()) {
      case ast::ExprKind::Number: return builder_.number(static_cast<const ast::NumberExpr&>(e).value);
      case ast::ExprKind::Bool: return builder_.boolean(static_cast<const ast::BoolExpr&>(e).value);
      case ast::ExprKind::Name:
        if (info.label >= 0) return builder_.number(info.label);
        if (info.decl->kind() == ast::DeclKind::Input) {
          return builder_.input(inputIndex_.at(static_cast<const ast::InputDecl*>(info.decl)));
        }
        return value(*info.decl);
      case ast::ExprKind::Known: {
        const auto& k = static_cast<const ast::KnownExpr&>(e);
        ir::NodeId target = info.decl->kind() == ast::DeclKind::Input
                                ? builder_.input(inputIndex_.at(static_cast<const ast::InputDecl*>(info.decl)))
                                : value(*info.decl);
        ir::NodeId known = builder_.isKnown(target);
        return k.negated ? builder_.logicNot(known) : known;
      }
      case ast::ExprKind::Unary: {
        const auto& u = static_cast<const ast::UnaryExpr&>(e);
        ir::NodeId operand = expr(*u.operand);
        return u.op == ast::UnaryOp::Not ? builder_.logicNot(operand) : builder_.negate(operand);
      }
      case ast::ExprKind::Binary: return binary(static_cast<const ast::BinaryExpr&>(e), info);
      case ast::ExprKind::In: {
        const auto& in = static_cast<const ast::InExpr&>(e);
        const sema::Type& type = analysis_.info(*in.operand).type;
        std::vector<uint32_t> labels;
        for (const ast::Label& l : in.labels) {
          for (uint32_t i = 0; i < type.enumDecl->labels.size(); ++i) {
            if (type.enumDecl->labels[i].name == l.name) labels.push_back(i);
          }
        }
        return builder_.inSet(expr(*in.operand), std::move(labels));
      }
      case ast::ExprKind::Status: return status(static_cast<const ast::StatusExpr&>(e), info);
    }
    return builder_.unknown(ir::Type::Bool);
  }

  ir::NodeId binary(const ast::BinaryExpr& e, const sema::ExprInfo& info) {
    ir::NodeId lhs = expr(*e.lhs);
    ir::NodeId rhs = expr(*e.rhs);
    if (e.op == ast::BinaryOp::And) return builder_.logicAnd(lhs, rhs);
    if (e.op == ast::BinaryOp::Or) return builder_.logicOr(lhs, rhs);
    if (e.op == ast::BinaryOp::Implies) return builder_.logicOr(builder_.logicNot(lhs), rhs);
    if (info.rhsScale != 1) rhs = builder_.arith(ir::Op::Mul, rhs, builder_.number(info.rhsScale));
    // Enum (in)equality against a label is a set test.
    bool isEnum = analysis_.info(*e.lhs).type.kind == sema::Type::Kind::Enum;
    if (isEnum && (e.op == ast::BinaryOp::Eq || e.op == ast::BinaryOp::Ne)) {
      const sema::ExprInfo& l = analysis_.info(*e.lhs);
      const sema::ExprInfo& r = analysis_.info(*e.rhs);
      std::optional<ir::NodeId> test;
      if (r.constant && r.constant->known) test = builder_.inSet(lhs, {static_cast<uint32_t>(r.constant->value)});
      else if (l.constant && l.constant->known) test = builder_.inSet(rhs, {static_cast<uint32_t>(l.constant->value)});
      if (test) return e.op == ast::BinaryOp::Eq ? *test : builder_.logicNot(*test);
    }
    switch (e.op) {
      case ast::BinaryOp::Lt: return builder_.compare(ir::Op::Lt, lhs, rhs);
      case ast::BinaryOp::Le: return builder_.compare(ir::Op::Le, lhs, rhs);
      case ast::BinaryOp::Gt: return builder_.compare(ir::Op::Gt, lhs, rhs);
      case ast::BinaryOp::Ge: return builder_.compare(ir::Op::Ge, lhs, rhs);
      case ast::BinaryOp::Eq: return builder_.compare(ir::Op::Eq, lhs, rhs);
      case ast::BinaryOp::Ne: return builder_.compare(ir::Op::Ne, lhs, rhs);
      case ast::BinaryOp::Add: return builder_.arith(ir::Op::Add, lhs, rhs);
      case ast::BinaryOp::Sub: return builder_.arith(ir::Op::Sub, lhs, rhs);
      case ast::BinaryOp::Mul: return builder_.arith(ir::Op::Mul, lhs, rhs);
      case ast::BinaryOp::Div: return builder_.arith(ir::Op::Div, lhs, rhs);
      default: return lhs;
    }
  }

  const ast::File& file_;
  const sema::Analysis& analysis_;
  ir::Program program_;
  ir::Builder builder_;
  std::unordered_map<const ast::InputDecl*, uint32_t> inputIndex_;
  std::unordered_map<const ast::Decl*, ir::NodeId> decls_;
  static constexpr size_t kMaxValueDepth = 256;
  size_t valueDepth_ = 0;
  std::unordered_map<const ast::RecommendationDecl*, uint32_t> recIndex_;
  std::vector<const ast::RecommendationDecl*> recDecls_;
};

}  // namespace

ir::Program lower(const ast::File& file, const sema::Analysis& analysis) { return Lowering(file, analysis).run(); }

}  // namespace pathway::lower
