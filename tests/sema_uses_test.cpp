// sema's use table (Analysis::uses): every place a declaration or enum
// label is named, with its exact range, in source order.
#include <gtest/gtest.h>

#include "driver/Pipeline.h"

namespace pathway {
namespace {

const char* kSource = R"(pathway p {
  title "T";
  version "1.0.0";
  source src "S" { S1.P1 }
}
enum Quality { dull, sharp }
input pain: int in 0..10;
input quality: Quality;
const LIMIT = 6;
define severe = pain > LIMIT and quality in {sharp} and known(pain);
finding f { label "F"; when severe or quality == dull or quality != Quality.sharp; cite S1.P1; }
recommendation a { label "A"; when f; category execution; urgency routine; rationale "R"; cite S1.P1; }
recommendation b { label "B"; when undefined_name; category urgent; urgency soon; rationale "R"; cite S1.P1; supersedes a; }
)";

// "text@line:col[decl]" for each use, text being the source it covers.
std::vector<std::string> describe(const driver::Compilation& c) {
  std::vector<std::string> out;
  for (const sema::Use& use : c.analysis.uses) {
    diag::LineColumn lc = c.source->lineColumn(use.range.begin);
    std::string text = c.source->text().substr(use.range.begin, use.range.end - use.range.begin);
    std::string target = use.decl->name.text;
    if (use.label >= 0) target += "." + static_cast<const ast::EnumDecl*>(use.decl)->labels[use.label].name;
    out.push_back(text + "@" + std::to_string(lc.line) + ":" + std::to_string(lc.column) + "[" + target +
                  (use.declaration ? ",decl" : "") + "]");
  }
  return out;
}

TEST(SemaUses, EveryNameWithItsRange) {
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Check;
  auto c = driver::compileText("uses.pw", kSource, options);
  ASSERT_TRUE(c->checked);
  EXPECT_EQ(describe(*c), (std::vector<std::string>{
                              "Quality@6:6[Quality,decl]",
                              "dull@6:16[Quality.dull,decl]",
                              "sharp@6:22[Quality.sharp,decl]",
                              "pain@7:7[pain,decl]",
                              "quality@8:7[quality,decl]",
                              "Quality@8:16[Quality]",
                              "LIMIT@9:7[LIMIT,decl]",
                              "severe@10:8[severe,decl]",
                              "pain@10:17[pain]",
                              "LIMIT@10:24[LIMIT]",
                              "quality@10:34[quality]",
                              "sharp@10:46[Quality.sharp]",
                              "pain@10:63[pain]",
                              "f@11:9[f,decl]",
                              "severe@11:29[severe]",
                              "quality@11:39[quality]",
                              "dull@11:50[Quality.dull]",
                              "quality@11:58[quality]",
                              "Quality@11:69[Quality]",
                              "sharp@11:77[Quality.sharp]",
                              "a@12:16[a,decl]",
                              "f@12:36[f]",
                              "b@13:16[b,decl]",
                              "a@13:121[a]",
                          }));
}

TEST(SemaUses, NoneWithoutSema) {
  // A syntax error stops the pipeline before sema: no table, and the
  // compilation says so.
  auto c = driver::compileText("broken.pw", "pathway p { title \"T\"; version \"1.0.0\"; }\ninput x: bool\n", {});
  EXPECT_FALSE(c->checked);
  EXPECT_TRUE(c->analysis.uses.empty());
}

}  // namespace
}  // namespace pathway
