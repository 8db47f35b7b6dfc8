// Hooks for evaluators other than a compiled library (the reference
// interpreter behind `pathwayc run --interpret`): opening a pathway from an
// in-memory descriptor, reading an input's rows, and loading result rows.
//
// The "other evaluator" here is the compiled library itself, driven through
// pw_evaluate_rows, so a loaded result must match pw_evaluate exactly.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <pathway/abi.h>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;
using ir::Op;

class DescriptorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p("back_pain", "2.0.1");
    const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
    const ir::NodeId weeks = p.read(p.quantityInput("pt_weeks", "weeks", "time", 0, 520));
    p.enumInput("quality", "Quality", {"dull", "sharp"});
    const ir::NodeId shortPt = p.op(Op::Lt, {weeks, p.number(6)});
    p.definition("short_pt", shortPt);
    p.definition("pt_days", p.op(Op::Mul, {weeks, p.number(7)}));
    p.finding("too_short", shortPt);
    p.recommendation("continue_pt", shortPt);
    p.recommendation("urgent_eval", redFlag, {0}, "immediate");
    path_ = new std::string(compileLibrary(p.program()));
    compiled_ = new Library(*path_);
    // The same descriptor the runtime loaded, as an interpreter would build it.
    handle_ = ::dlopen(path_->c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle_, nullptr) << ::dlerror();
    loaded_ = static_cast<const pw_descriptor*>(::dlsym(handle_, PW_DESCRIPTOR_SYMBOL));
    ASSERT_NE(loaded_, nullptr);
  }
  static void TearDownTestSuite() {
    delete compiled_;
    compiled_ = nullptr;
    if (handle_ != nullptr) ::dlclose(handle_);
    handle_ = nullptr;
    delete path_;
    path_ = nullptr;
  }

  // The compiled library's descriptor without its entry points.
  static pw_descriptor withoutEntryPoints() {
    pw_descriptor d = *loaded_;
    d.evaluate = nullptr;
    d.evaluate_batch = nullptr;
    return d;
  }

  // Evaluates `input` with the compiled library's row entry point and loads
  // the rows into `result` (of any library of the same pathway).
  static void evaluateAndLoad(const Input& input, Result& result) {
    const pw_library_info info = compiled_->info();
    const InputRows rows = input.rows();
    std::vector<uint8_t> state(info.n_slots, 0);
    std::vector<double> numbers(info.n_slots, 0.0);
    std::vector<uint64_t> missing(uint64_t{info.n_recommendations} * info.mask_words, 0);
    ASSERT_EQ(pw_evaluate_rows(compiled_->get(), 1, rows.values, rows.known, state.data(),
                               numbers.data(), missing.data()),
              PW_OK)
        << pw_last_error();
    result.load(state.data(), numbers.data(), missing.data());
  }

  static std::string* path_;
  static Library* compiled_;
  static void* handle_;
  static const pw_descriptor* loaded_;
};

std::string* DescriptorTest::path_ = nullptr;
Library* DescriptorTest::compiled_ = nullptr;
void* DescriptorTest::handle_ = nullptr;
const pw_descriptor* DescriptorTest::loaded_ = nullptr;

const char* const kPatients[] = {
    "{}",
    R"({"red_flag": true, "pt_weeks": "3 weeks"})",
    R"({"red_flag": false, "pt_weeks": 8})",
    R"({"red_flag": false})",
    R"({"pt_weeks": 2, "quality": "sharp"})",
};

// ---- pw_library_from_descriptor

TEST_F(DescriptorTest, OpensWithTheSameSchema) {
  const pw_descriptor descriptor = withoutEntryPoints();
  const Library library = Library::fromDescriptor(descriptor);
  const pw_library_info info = library.info();
  const pw_library_info expected = compiled_->info();
  EXPECT_STREQ(info.path, "");
  EXPECT_STREQ(info.name, "back_pain");
  EXPECT_STREQ(info.version, "2.0.1");
  EXPECT_EQ(info.content_hash, expected.content_hash);
  EXPECT_EQ(info.n_inputs, 3u);
  EXPECT_EQ(info.n_slots, expected.n_slots);
  EXPECT_EQ(info.mask_words, expected.mask_words);
  EXPECT_EQ(library.findRecommendation("urgent_eval"), 1u);
  EXPECT_STREQ(library.input(2).labels[1], "sharp");
  EXPECT_EQ(library.recommendation(1).supersedes[0], 0u);
}

TEST_F(DescriptorTest, EvaluationWithoutEntryPointsFails) {
  const pw_descriptor descriptor = withoutEntryPoints();
  const Library library = Library::fromDescriptor(descriptor);
  Input input(library);
  Result result(library);
  EXPECT_EQ(pw_evaluate(library.get(), input.get(), result.get()), PW_ERR_STATE);
  EXPECT_STREQ(pw_last_error(),
               "pathway 'back_pain' was opened from a descriptor without an 'evaluate' entry "
               "point, so the runtime cannot evaluate it; evaluate it elsewhere and load the "
               "rows with pw_result_load");
  const pw_input* inputs[] = {input.get()};
  pw_result* results[] = {result.get()};
  EXPECT_EQ(pw_evaluate_batch(library.get(), 1, inputs, results), PW_ERR_STATE);
  EXPECT_THAT(pw_last_error(), HasSubstr("without an 'evaluate' entry point"));
  EXPECT_EQ(pw_evaluate_batch(library.get(), 0, nullptr, nullptr), PW_ERR_STATE);
  std::vector<double> values(3);
  std::vector<uint8_t> known(3), state(7);
  std::vector<double> numbers(7);
  std::vector<uint64_t> missing(2);
  EXPECT_EQ(pw_evaluate_rows(library.get(), 1, values.data(), known.data(), state.data(),
                             numbers.data(), missing.data()),
            PW_ERR_STATE);
  EXPECT_THAT(pw_last_error(), HasSubstr("without an 'evaluate_batch' entry point"));
  // Nothing was evaluated.
  pw_rec_status status = PW_FIRE;
  EXPECT_EQ(pw_result_status(result.get(), 0, &status), PW_ERR_STATE);
}

TEST_F(DescriptorTest, EntryPointsAreUsedWhenGiven) {
  pw_descriptor descriptor = withoutEntryPoints();
  descriptor.evaluate = loaded_->evaluate;
  const Library library = Library::fromDescriptor(descriptor);
  Input input(library);
  Result result(library);
  input.setJson(kPatients[1]);
  evaluate(library, input, result);
  EXPECT_EQ(result.status(1), PW_FIRE);
  // Only `evaluate` was given: the row entry point is still missing.
  EXPECT_EQ(pw_evaluate_rows(library.get(), 0, nullptr, nullptr, nullptr, nullptr, nullptr),
            PW_ERR_STATE);
}

TEST_F(DescriptorTest, RefusesWhatALoadedLibraryWouldRefuse) {
  pw_descriptor d = withoutEntryPoints();
  d.magic = 0x12345678u;
  Failure f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_ABI);
  EXPECT_EQ(f.message,
            "'<in-memory descriptor>' is not a Pathway library: its descriptor has magic "
            "0x12345678, expected 0x59445750");

  d = withoutEntryPoints();
  d.abi_version = PW_ABI_VERSION + 1;
  f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_ABI);
  EXPECT_THAT(f.message, HasSubstr("was built for Pathway ABI version 2"));

  d = withoutEntryPoints();
  d.descriptor_size = 64;
  EXPECT_EQ(openDescriptorFails(d).status, PW_ERR_ABI);

  d = withoutEntryPoints();
  d.metadata_json = nullptr;
  f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_EQ(f.message, "corrupt descriptor in '<in-memory descriptor>': a name, version or "
                       "metadata pointer is null");

  d = withoutEntryPoints();
  d.n_findings += 1;
  d.n_slots += 1;
  f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_EQ(f.message, "corrupt descriptor in '<in-memory descriptor>': the metadata lists 1 "
                       "findings, but the descriptor says 2");

  d = withoutEntryPoints();
  d.n_slots += 1;
  EXPECT_EQ(openDescriptorFails(d).status, PW_ERR_CORRUPT);

  d = withoutEntryPoints();
  d.name = "other";
  f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("it names pathway 'other' 2.0.1"));

  d = withoutEntryPoints();
  d.metadata_size = 10;
  f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("corrupt descriptor in '<in-memory descriptor>': metadata "
                                   "JSON does not parse"));
}

TEST_F(DescriptorTest, NullArguments) {
  pw_library* library = nullptr;
  EXPECT_EQ(pw_library_from_descriptor(nullptr, &library), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "descriptor is NULL");
  const pw_descriptor descriptor = withoutEntryPoints();
  EXPECT_EQ(pw_library_from_descriptor(&descriptor, nullptr), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "out is NULL");
  EXPECT_EQ(library, nullptr);
}

// ---- pw_input_rows

TEST_F(DescriptorTest, InputRowsReflectTheInput) {
  Input input(*compiled_);
  const InputRows rows = input.rows();
  ASSERT_NE(rows.values, nullptr);
  ASSERT_NE(rows.known, nullptr);
  EXPECT_EQ(rows.known[0], 0);
  EXPECT_EQ(rows.known[1], 0);
  input.setJson(R"({"red_flag": true, "pt_weeks": "14 days", "quality": "sharp"})");
  // Views, not copies: the same pointers see the new values.
  const InputRows again = input.rows();
  EXPECT_EQ(again.values, rows.values);
  EXPECT_EQ(again.known, rows.known);
  EXPECT_EQ(rows.known[0], 1);
  EXPECT_EQ(rows.values[0], 1.0);
  EXPECT_EQ(rows.known[1], 1);
  EXPECT_EQ(rows.values[1], 2.0);  // in the declared unit, weeks
  EXPECT_EQ(rows.known[2], 1);
  EXPECT_EQ(rows.values[2], 1.0);  // label index
  input.setUnknown(0u);
  EXPECT_EQ(rows.known[0], 0);
}

TEST_F(DescriptorTest, InputRowsOfAPathwayWithoutInputs) {
  pw_library* library = nullptr;
  ASSERT_EQ(pw_library_open(FAKE_VALID, &library), PW_OK) << pw_last_error();
  pw_input* input = nullptr;
  ASSERT_EQ(pw_input_new(library, &input), PW_OK);
  const double* values = nullptr;
  const uint8_t* known = nullptr;
  EXPECT_EQ(pw_input_rows(input, &values, &known), PW_OK);
  EXPECT_NE(values, nullptr);
  EXPECT_NE(known, nullptr);
  pw_input_free(input);
  pw_library_close(library);
}

TEST_F(DescriptorTest, InputRowsNullArguments) {
  Input input(*compiled_);
  const double* values = nullptr;
  const uint8_t* known = nullptr;
  EXPECT_EQ(pw_input_rows(nullptr, &values, &known), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "input is NULL");
  EXPECT_EQ(pw_input_rows(input.get(), nullptr, &known), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "values is NULL");
  EXPECT_EQ(pw_input_rows(input.get(), &values, nullptr), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "known is NULL");
  EXPECT_EQ(values, nullptr);
}

// ---- pw_result_load

TEST_F(DescriptorTest, LoadedResultMatchesEvaluation) {
  const pw_descriptor descriptor = withoutEntryPoints();
  const Library interpreted = Library::fromDescriptor(descriptor);
  for (const char* patient : kPatients) {
    SCOPED_TRACE(patient);
    Input input(*compiled_);
    input.setJson(patient);
    Result expected(*compiled_);
    evaluate(*compiled_, input, expected);
    Result loaded(interpreted);
    evaluateAndLoad(input, loaded);
    EXPECT_EQ(loaded.toJson(), expected.toJson());
    for (uint32_t r = 0; r < 2; ++r) {
      EXPECT_EQ(loaded.status(r), expected.status(r));
      EXPECT_EQ(loaded.condition(r), expected.condition(r));
      EXPECT_EQ(loaded.missing(r), expected.missing(r));
      EXPECT_EQ(loaded.supersededBy(r), expected.supersededBy(r));
    }
    EXPECT_EQ(loaded.finding(0), expected.finding(0));
    EXPECT_EQ(loaded.definition(1), expected.definition(1));
  }
}

TEST_F(DescriptorTest, LoadIntoACompiledLibrarysResult) {
  Input input(*compiled_);
  input.setJson(kPatients[2]);
  Result loaded(*compiled_);
  evaluateAndLoad(input, loaded);
  Result expected(*compiled_);
  evaluate(*compiled_, input, expected);
  EXPECT_EQ(loaded.toJson(), expected.toJson());
}

// A result of the test pathway (7 slots) loaded from hand-written rows.
class LoadRowsTest : public DescriptorTest {
 protected:
  void SetUp() override {
    // continue_pt: undetermined, missing pt_weeks; urgent_eval: no;
    // too_short unknown; short_pt unknown; pt_days unknown.
    state_ = {2, 0, 2, 0, 2, 2, 2};
    numbers_.assign(7, 0.0);
    missing_ = {uint64_t{1} << 1, 0};
  }
  std::vector<uint8_t> state_;
  std::vector<double> numbers_;
  std::vector<uint64_t> missing_;
};

TEST_F(LoadRowsTest, AccessorsReadTheRows) {
  Result result(*compiled_);
  result.load(state_.data(), numbers_.data(), missing_.data());
  EXPECT_EQ(result.status(0), PW_UNDETERMINED);
  EXPECT_EQ(result.status(1), PW_NO);
  EXPECT_EQ(missingNames(*compiled_, result, 0), std::vector<std::string>{"pt_weeks"});
  state_[6] = PW_TRI_TRUE;
  numbers_[6] = 14.0;
  result.load(state_.data(), numbers_.data(), missing_.data());
  EXPECT_EQ(result.definition(1), (std::pair<pw_tri, double>{PW_TRUE, 14.0}));
}

TEST_F(LoadRowsTest, RejectsABadStateByte) {
  Result result(*compiled_);
  state_[4] = 3;
  EXPECT_EQ(pw_result_load(result.get(), state_.data(), numbers_.data(), missing_.data()),
            PW_ERR_RANGE);
  EXPECT_STREQ(pw_last_error(), "state[4] (finding 'too_short') is 3; a state must be 0 "
                                "(false), 1 (true) or 2 (unknown)");
  // All or nothing: still not evaluated.
  pw_rec_status status = PW_FIRE;
  EXPECT_EQ(pw_result_status(result.get(), 0, &status), PW_ERR_STATE);
  state_[4] = 255;
  state_[1] = 7;
  EXPECT_EQ(pw_result_load(result.get(), state_.data(), numbers_.data(), missing_.data()),
            PW_ERR_RANGE);
  EXPECT_THAT(pw_last_error(), HasSubstr("state[1] (the status of recommendation "
                                         "'urgent_eval') is 7"));
}

TEST_F(LoadRowsTest, RejectsANonFiniteNumber) {
  Result result(*compiled_);
  result.load(state_.data(), numbers_.data(), missing_.data());
  const std::string before = result.toJson();
  std::vector<uint8_t> fired = {1, 1, 1, 1, 1, 1, 1};
  numbers_[6] = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(pw_result_load(result.get(), fired.data(), numbers_.data(), missing_.data()),
            PW_ERR_RANGE);
  EXPECT_STREQ(pw_last_error(), "numbers[6] (definition 'pt_days') is nan; numbers must be "
                                "finite");
  numbers_[6] = 0;
  numbers_[3] = -std::numeric_limits<double>::infinity();
  EXPECT_EQ(pw_result_load(result.get(), fired.data(), numbers_.data(), missing_.data()),
            PW_ERR_RANGE);
  EXPECT_THAT(pw_last_error(),
              HasSubstr("numbers[3] (the condition of recommendation 'urgent_eval') is -inf"));
  // The earlier load is intact.
  EXPECT_EQ(result.toJson(), before);
}

TEST_F(LoadRowsTest, NullArguments) {
  Result result(*compiled_);
  EXPECT_EQ(pw_result_load(nullptr, state_.data(), numbers_.data(), missing_.data()),
            PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "result is NULL");
  EXPECT_EQ(pw_result_load(result.get(), nullptr, numbers_.data(), missing_.data()),
            PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "state is NULL, but the pathway needs 7 entries");
  EXPECT_EQ(pw_result_load(result.get(), state_.data(), nullptr, missing_.data()),
            PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "numbers is NULL, but the pathway needs 7 entries");
  EXPECT_EQ(pw_result_load(result.get(), state_.data(), numbers_.data(), nullptr),
            PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "missing is NULL, but the pathway needs 2 entries");
}

TEST_F(LoadRowsTest, EmptyRowsMayBeNull) {
  pw_library* library = nullptr;
  ASSERT_EQ(pw_library_open(FAKE_VALID, &library), PW_OK) << pw_last_error();
  pw_result* result = nullptr;
  ASSERT_EQ(pw_result_new(library, &result), PW_OK);
  // No slots; the missing array of a pathway without recommendations is empty.
  EXPECT_EQ(pw_result_load(result, nullptr, nullptr, nullptr), PW_OK) << pw_last_error();
  size_t length = 0;
  EXPECT_EQ(pw_result_to_json(result, nullptr, 0, &length), PW_OK);
  pw_result_free(result);
  pw_library_close(library);
}

}  // namespace
}  // namespace pathway::test
