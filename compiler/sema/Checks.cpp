// Whole-pathway checks that need every declaration resolved first:
// supersedes targets and cycles, unused declarations, constant conditions
// and uncited source paragraphs.
#include <algorithm>

#include "diag/Suggest.h"
#include "sema/Checker.h"
#include "sema/Forms.h"
#include "sema/Sema.h"

namespace pathway::sema {

using diag::Kind;

void Checker::checkSupersedes() {
  std::vector<const ast::RecommendationDecl*> recs;
  for (const ast::DeclPtr& d : file_.decls) {
    if (d->kind() == ast::DeclKind::Recommendation) {
      recs.push_back(static_cast<const ast::RecommendationDecl*>(d.get()));
    }
  }
  // Resolve targets. `category c` stands for every recommendation of category
  // c except the superseder itself, in declaration order. A recommendation
  // reached twice in one list is superseded once, with a warning.
  std::unordered_map<const ast::RecommendationDecl*, std::vector<std::pair<const ast::RecommendationDecl*, diag::Range>>>
      edges;
  for (const ast::RecommendationDecl* rec : recs) {
    const ast::Field* field = rec->field(ast::FieldKind::Supersedes);
    if (!field) continue;
    std::unordered_map<const ast::RecommendationDecl*, const ast::SupersedesTarget*> reachedBy;
    auto add = [&](const ast::RecommendationDecl* other, const ast::SupersedesTarget& target) {
      auto [it, inserted] = reachedBy.emplace(other, &target);
      if (!inserted) {
        diags_.report(Kind::DuplicateSupersedes, target.range, other->name.text, it->second->spelling());
        return;
      }
      edges[rec].emplace_back(other, target.range);
      analysis_.blocks[rec].supersedes.push_back(other);
    };
    for (const ast::SupersedesTarget& target : field->targets) {
      if (target.category) {
        if (std::find(categories().begin(), categories().end(), target.name.text) == categories().end()) {
          std::string list;
          for (const std::string& c : categories()) list += (list.empty() ? "" : ", ") + c;
          auto builder = diags_.report(Kind::UnknownCategory, target.name.range, target.name.text, list);
          suggest(builder, target.name.range, target.name.text, categories());
          continue;
        }
        bool any = false;
        for (const ast::RecommendationDecl* other : recs) {
          const ast::Field* category = other->field(ast::FieldKind::Category);
          if (other == rec || !category || category->word.text != target.name.text) continue;
          // A redeclared name was reported already; only the first is in scope.
          if (names_.at(other->name.text) != other) continue;
          any = true;
          add(other, target);
        }
        if (!any) diags_.report(Kind::EmptySupersedesCategory, target.range, target.name.text, rec->name.text);
        continue;
      }
      auto it = names_.find(target.name.text);
      if (it == names_.end() || it->second->kind() != ast::DeclKind::Recommendation) {
        auto builder = diags_.report(Kind::UnknownSupersedes, target.name.range, target.name.text);
        if (it == names_.end()) suggest(builder, target.name.range, target.name.text, recNames_);
        continue;
      }
      const auto* other = static_cast<const ast::RecommendationDecl*>(it->second);
      if (other == rec) {
        diags_.report(Kind::SupersedesSelf, target.name.range, rec->name.text);
        continue;
      }
      add(other, target);
    }
  }
  // Find cycles by depth-first search; report each once, where it closes.
  // The search keeps its own stack (a chain of supersedes may be as long as
  // the file allows), and `path` is the chain from the root to the top.
  enum class Mark : uint8_t { Visiting, Done };
  std::unordered_map<const ast::RecommendationDecl*, Mark> marks;
  std::vector<std::pair<const ast::RecommendationDecl*, diag::Range>> path;
  std::vector<size_t> nextEdge;  // per path entry: the edge to follow next
  auto enter = [&](const ast::RecommendationDecl* rec, diag::Range via) {
    marks[rec] = Mark::Visiting;
    path.emplace_back(rec, via);
    nextEdge.push_back(0);
  };
  for (const ast::RecommendationDecl* root : recs) {
    if (marks.count(root)) continue;
    enter(root, root->name.range);
    while (!path.empty()) {
      const std::vector<std::pair<const ast::RecommendationDecl*, diag::Range>>& out = edges[path.back().first];
      if (nextEdge.back() == out.size()) {
        marks[path.back().first] = Mark::Done;
        path.pop_back();
        nextEdge.pop_back();
        continue;
      }
      const auto [next, range] = out[nextEdge.back()++];
      auto m = marks.find(next);
      if (m == marks.end()) {
        enter(next, range);
      } else if (m->second == Mark::Visiting) {
        size_t start = 0;
        while (path[start].first != next) ++start;
        std::string text;
        for (size_t i = start; i < path.size(); ++i) text += path[i].first->name.text + " -> ";
        text += next->name.text;
        auto builder = diags_.report(Kind::SupersedesCycle, range, text);
        for (size_t i = start + 1; i < path.size(); ++i) {
          builder.note(Kind::NoteCycleStep, path[i].second, path[i - 1].first->name.text,
                       path[i].first->name.text);
        }
      }
    }
  }
}

void Checker::checkUnused() {
  for (const ast::DeclPtr& d : file_.decls) {
    // A redeclaration was reported already; only the first one is in scope.
    if (d->kind() == ast::DeclKind::Allow || d->kind() == ast::DeclKind::Fhir) continue;
    if (used_.count(d.get()) || names_.at(d->name.text) != d.get()) continue;
    switch (d->kind()) {
      case ast::DeclKind::Input:
        if (analysis_.inputs[static_cast<const ast::InputDecl*>(d.get())].type.isError()) break;
        diags_.report(Kind::UnusedInput, d->name.range, d->name.text);
        break;
      case ast::DeclKind::Const:
      case ast::DeclKind::Define:
        diags_.report(Kind::UnusedDefinition, d->name.range, ast::declKindName(d->kind()), d->name.text);
        break;
      default:
        break;
    }
  }
}

void Checker::checkConstantConditions() {
  for (const ast::DeclPtr& d : file_.decls) {
    if (d->kind() != ast::DeclKind::Finding && d->kind() != ast::DeclKind::Recommendation) continue;
    const ast::Field* when = static_cast<const ast::BlockDecl&>(*d).field(ast::FieldKind::When);
    if (!when) continue;
    const ExprInfo& info = expr(*when->when);
    if (!info.type.isBool() || !info.constant) continue;
    const char* value = !info.constant->known ? "unknown" : info.constant->value != 0 ? "true" : "false";
    diags_.report(Kind::ConstantCondition, when->when->range(), ast::declKindName(d->kind()), d->name.text, value);
  }
}

void Checker::checkUncited() {
  if (!file_.header) return;
  for (const ast::Source& source : file_.header->sources) {
    if (sources_[source.name.text] != &source) continue;  // a duplicate, already reported
    for (const ast::ParagraphRef& p : source.paragraphs) {
      if (isParagraphId(p.id) && !cited_.count({source.name.text, p.id})) {
        diags_.report(Kind::UncitedParagraph, p.range, p.id, source.name.text);
      }
    }
  }
}

}  // namespace pathway::sema
