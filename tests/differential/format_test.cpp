// The formatter on the differential generator's programs: random pathways
// that use every construct format to text that compiles to the same content
// hash, and formatting is idempotent.
#include <gtest/gtest.h>

#include "Generator.h"
#include "driver/Pipeline.h"
#include "format/Format.h"
#include "ir/Metadata.h"

namespace pathway::differential {
namespace {

TEST(FormatGenerated, SameContentHashAndIdempotent) {
  for (uint64_t seed = 1; seed <= 150; ++seed) {
    std::string text = print(generateProgram(seed));
    auto original = driver::compileText("g.pw", text, {});
    ASSERT_TRUE(original->ok()) << "seed " << seed;
    std::string once = format::formatFile(original->ast, *original->source);
    auto formatted = driver::compileText("g.pw", once, {});
    ASSERT_TRUE(formatted->ok()) << "seed " << seed << ":\n" << once;
    EXPECT_EQ(ir::contentHash(*original->program), ir::contentHash(*formatted->program)) << "seed " << seed;
    EXPECT_EQ(once, format::formatFile(formatted->ast, *formatted->source)) << "seed " << seed;
  }
}

}  // namespace
}  // namespace pathway::differential
