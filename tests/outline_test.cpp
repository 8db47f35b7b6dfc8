// The outline read from heading comments: sections ("// ===== TITLE") and
// groups ("// --- TITLE"), and which declarations fall under each.
#include <gtest/gtest.h>

#include "ast/Outline.h"
#include "driver/Pipeline.h"

namespace pathway {
namespace {

const char* kSource = R"(pathway p {
  title "T";
  version "1.0.0";
  source src "S" { S1.P1 }
}
enum Quality { dull, sharp }
// ============================== inputs
input age: int in 0..120;
// --- Pain (S1)
input pain: int in 0..10;
// an ordinary comment
input quality: Quality;
//--- too close: not a heading
// --- Habits
/* --- a block comment is not a heading */
input smoker: bool;
// ============== S1: the finding
// ---
define severe = pain > 6 and quality == sharp;
finding f { label "F"; when severe; cite S1.P1; }
)";

// "name:section/group" for each declaration ("-" for none).
std::vector<std::string> describe(const ast::File& file, const ast::Outline& outline) {
  std::vector<std::string> out;
  for (size_t d = 0; d < file.decls.size(); ++d) {
    auto title = [](const std::vector<ast::Heading>& list, std::optional<size_t> i) {
      return i ? list[*i].title : std::string("-");
    };
    out.push_back(file.decls[d]->name.text + ":" + title(outline.sections, outline.sectionOf[d]) + "/" +
                  title(outline.groups, outline.groupOf[d]));
  }
  return out;
}

TEST(Outline, SectionsAndGroupsFromHeadingComments) {
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Check;
  auto c = driver::compileText("outline.pw", kSource, options);
  ASSERT_TRUE(c->checked);
  ast::Outline outline = ast::outlineOf(c->ast);
  EXPECT_EQ(describe(c->ast, outline), (std::vector<std::string>{
                                             "Quality:-/-",
                                             "age:inputs/-",
                                             "pain:inputs/Pain (S1)",
                                             "quality:inputs/Pain (S1)",
                                             "smoker:inputs/Habits",
                                             "severe:S1: the finding/-",
                                             "f:S1: the finding/-",
                                         }));
  ASSERT_EQ(outline.sections.size(), 2u);
  EXPECT_EQ(c->source->lineColumn(outline.sections[1].range.begin).line, 17u);
}

TEST(Outline, HeadingSyntax) {
  EXPECT_EQ(ast::parseHeading("// === S0: is PT failing? ")->title, "S0: is PT failing?");
  EXPECT_TRUE(ast::parseHeading("// ===== x")->section);
  EXPECT_FALSE(ast::parseHeading("//\t---\tHabits")->section);
  EXPECT_EQ(ast::parseHeading("//\t---\tHabits")->title, "Habits");
  EXPECT_FALSE(ast::parseHeading("// -- two dashes"));
  EXPECT_FALSE(ast::parseHeading("// -----"));
  EXPECT_FALSE(ast::parseHeading("// ---x"));
  EXPECT_FALSE(ast::parseHeading("// === "));
  EXPECT_FALSE(ast::parseHeading("/* === block */"));
  EXPECT_FALSE(ast::parseHeading("// plain"));
}

TEST(Outline, ThePtPathwayHasItsStagesAndInputGroups) {
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Check;
  auto c = driver::compileFile(PATHWAY_SOURCE_DIR "/pathways/pt_failure.pw", options);
  ASSERT_TRUE(c->checked);
  ast::Outline outline = ast::outlineOf(c->ast);
  ASSERT_GE(outline.groups.size(), 10u);
  EXPECT_EQ(outline.groups[0].title, "The patient (for age- and sex-adjusted reference limits, S3.P3)");
  size_t grouped = 0;
  for (size_t d = 0; d < c->ast.decls.size(); ++d) {
    if (c->ast.decls[d]->kind() == ast::DeclKind::Input) grouped += outline.groupOf[d].has_value();
  }
  EXPECT_EQ(grouped, 48u);  // every input of the PT pathway is under a heading
}

}  // namespace
}  // namespace pathway
