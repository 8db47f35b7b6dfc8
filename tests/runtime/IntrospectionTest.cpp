// Library metadata through the C API and the C++ wrapper.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"
#include "ir/Metadata.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;

class IntrospectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p("intro", "0.3.0");
    p.boolInput("flag");
    p.intInput("pain", 0, 10);
    p.enumInput("side", "Side", {"left", "right", "both"});
    p.quantityInput("esr", "mm/h", "rate", 0, std::nullopt);
    p.definition("pain_doubled", p.op(ir::Op::Mul, {p.read(1), p.number(2)}));
    p.finding("flagged", p.read(0));
    p.recommendation("first", p.read(0));
    p.recommendation("second", p.read(0), {0}, "soon");
    program_ = new ir::Program(p.program());
    library_ = new Library(compileLibrary(*program_));
  }
  static void TearDownTestSuite() {
    delete library_;
    delete program_;
  }
  static ir::Program* program_;
  static Library* library_;
};

ir::Program* IntrospectionTest::program_ = nullptr;
Library* IntrospectionTest::library_ = nullptr;

TEST_F(IntrospectionTest, LibraryInfo) {
  const pw_library_info info = library_->info();
  EXPECT_EQ(info.abi_version, 1u);
  EXPECT_STREQ(info.name, "intro");
  EXPECT_STREQ(info.title, "A test pathway");
  EXPECT_STREQ(info.version, "0.3.0");
  EXPECT_EQ(info.content_hash, ir::contentHash(*program_));
  EXPECT_EQ(info.n_inputs, 4u);
  EXPECT_EQ(info.n_recommendations, 2u);
  EXPECT_EQ(info.n_findings, 1u);
  EXPECT_EQ(info.n_definitions, 1u);
  EXPECT_EQ(info.n_slots, 6u);
  EXPECT_EQ(info.mask_words, 1u);
  ASSERT_EQ(info.n_authors, 1u);
  EXPECT_STREQ(info.authors[0], "Test Author");
  EXPECT_EQ(std::string(info.metadata_json, info.metadata_size), ir::metadataJson(*program_));
  ASSERT_EQ(info.n_sources, 1u);
  const pw_source_info source = library_->source(0);
  EXPECT_STREQ(source.name, "guide");
  EXPECT_STREQ(source.title, "The guide");
  ASSERT_EQ(source.n_paragraphs, 2u);
  EXPECT_STREQ(source.paragraphs[1], "Second paragraph.");
}

TEST_F(IntrospectionTest, Inputs) {
  const pw_input_info flag = library_->input(0);
  EXPECT_EQ(flag.kind, PW_INPUT_BOOL);
  EXPECT_STREQ(flag.name, "flag");
  EXPECT_STREQ(flag.description, "the flag");
  EXPECT_FALSE(flag.has_min);
  const pw_input_info pain = library_->input(1);
  EXPECT_EQ(pain.kind, PW_INPUT_INT);
  EXPECT_TRUE(pain.has_min && pain.has_max);
  EXPECT_EQ(pain.min, 0);
  EXPECT_EQ(pain.max, 10);
  const pw_input_info side = library_->input(2);
  EXPECT_EQ(side.kind, PW_INPUT_ENUM);
  EXPECT_STREQ(side.enum_name, "Side");
  ASSERT_EQ(side.n_labels, 3u);
  EXPECT_STREQ(side.labels[2], "both");
  const pw_input_info esr = library_->input(3);
  EXPECT_EQ(esr.kind, PW_INPUT_QUANTITY);
  EXPECT_STREQ(esr.unit, "mm/h");
  EXPECT_STREQ(esr.dimension, "rate");
  EXPECT_TRUE(esr.has_min);
  EXPECT_FALSE(esr.has_max);
}

TEST_F(IntrospectionTest, FindingsDefinitionsRecommendations) {
  const pw_finding_info finding = library_->finding(0);
  EXPECT_STREQ(finding.name, "flagged");
  EXPECT_STREQ(finding.label, "finding flagged");
  ASSERT_EQ(finding.n_citations, 1u);
  EXPECT_STREQ(finding.citations[0].source, "guide");
  EXPECT_STREQ(finding.citations[0].paragraph, "S1.P1");
  const pw_definition_info def = library_->definition(0);
  EXPECT_STREQ(def.name, "pain_doubled");
  EXPECT_EQ(def.type, PW_TYPE_NUMBER);
  const pw_recommendation_info rec = library_->recommendation(1);
  EXPECT_STREQ(rec.name, "second");
  EXPECT_STREQ(rec.label, "Do second");
  EXPECT_STREQ(rec.category, "execution");
  EXPECT_STREQ(rec.urgency, "soon");
  EXPECT_STREQ(rec.rationale, "because of second");
  ASSERT_EQ(rec.n_citations, 2u);
  EXPECT_STREQ(rec.citations[1].paragraph, "S1.P2");
  ASSERT_EQ(rec.n_supersedes, 1u);
  EXPECT_EQ(rec.supersedes[0], 0u);
}

TEST_F(IntrospectionTest, FindByName) {
  EXPECT_EQ(library_->findInput("esr"), 3u);
  EXPECT_EQ(library_->findFinding("flagged"), 0u);
  EXPECT_EQ(library_->findDefinition("pain_doubled"), 0u);
  EXPECT_EQ(library_->findRecommendation("second"), 1u);
  uint32_t index = 99;
  EXPECT_EQ(pw_library_find_input(library_->get(), "pian", &index), PW_ERR_NOT_FOUND);
  EXPECT_STREQ(pw_last_error(), "no input named 'pian' (did you mean 'pain'?)");
  EXPECT_EQ(index, 99u);
  EXPECT_EQ(pw_library_find_finding(library_->get(), "nothing", &index), PW_ERR_NOT_FOUND);
  EXPECT_STREQ(pw_last_error(), "no finding named 'nothing'");
  EXPECT_EQ(pw_library_find_definition(library_->get(), "x", &index), PW_ERR_NOT_FOUND);
  EXPECT_EQ(pw_library_find_recommendation(library_->get(), "frist", &index), PW_ERR_NOT_FOUND);
  EXPECT_STREQ(pw_last_error(), "no recommendation named 'frist' (did you mean 'first'?)");
  EXPECT_EQ(pw_library_find_input(library_->get(), nullptr, &index), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_library_find_input(nullptr, "esr", &index), PW_ERR_ARGUMENT);
}

TEST_F(IntrospectionTest, IndexOutOfRangeAndStructSize) {
  pw_input_info input = pw_input_info_init();
  EXPECT_EQ(pw_library_get_input(library_->get(), 4, &input), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "input index 4 is out of range (the pathway has 4)");
  pw_source_info source = pw_source_info_init();
  EXPECT_EQ(pw_library_get_source(library_->get(), 1, &source), PW_ERR_ARGUMENT);
  pw_finding_info finding = pw_finding_info_init();
  EXPECT_EQ(pw_library_get_finding(library_->get(), 1, &finding), PW_ERR_ARGUMENT);
  pw_definition_info def = pw_definition_info_init();
  EXPECT_EQ(pw_library_get_definition(library_->get(), 1, &def), PW_ERR_ARGUMENT);
  pw_recommendation_info rec = pw_recommendation_info_init();
  EXPECT_EQ(pw_library_get_recommendation(library_->get(), 2, &rec), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_library_get_recommendation(library_->get(), 0, nullptr), PW_ERR_ARGUMENT);
  pw_library_info zero{};
  EXPECT_EQ(pw_library_get_info(library_->get(), &zero), PW_ERR_ARGUMENT);
  EXPECT_THAT(pw_last_error(), HasSubstr("struct_size is not set"));
  // An older, smaller struct gets only its prefix.
  pw_library_info prefix{};
  prefix.struct_size = offsetof(pw_library_info, title);
  prefix.title = "untouched";
  ASSERT_EQ(pw_library_get_info(library_->get(), &prefix), PW_OK);
  EXPECT_STREQ(prefix.name, "intro");
  EXPECT_STREQ(prefix.title, "untouched");
  EXPECT_EQ(prefix.struct_size, offsetof(pw_library_info, title));
}

}  // namespace
}  // namespace pathway::test
