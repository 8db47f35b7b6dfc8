// Masks on demand and the bulk accessors, on the PT pathway: pw_evaluate
// (which runs the entry point without masks and computes them when they are
// first read) gives exactly the statuses, slots and missing-input sets of the
// entry point run with masks; pw_result_statuses, pw_result_missing_masks
// and pw_result_superseded_masks agree with the per-recommendation
// accessors; changing the input after an evaluation does not change its
// masks; several threads reading one result's masks agree; pw_evaluate_rows
// takes a NULL `missing`.
#include <dlfcn.h>
#include <gtest/gtest.h>

#include <pathway/abi.h>

#include <bit>
#include <cmath>
#include <random>
#include <thread>

#include "Harness.h"

namespace pathway::test {
namespace {

// The PT library's descriptor, for the reference evaluation with masks.
class PtReference {
 public:
  PtReference() : handle_(::dlopen(PATHWAY_PT_FAILURE_LIBRARY, RTLD_NOW | RTLD_LOCAL)) {
    if (handle_ != nullptr) {
      d_ = static_cast<const pw_descriptor*>(::dlsym(handle_, PW_DESCRIPTOR_SYMBOL));
    }
  }
  ~PtReference() {
    if (handle_ != nullptr) ::dlclose(handle_);
  }
  PtReference(const PtReference&) = delete;
  PtReference& operator=(const PtReference&) = delete;
  const pw_descriptor* descriptor() const { return d_; }

 private:
  void* handle_;
  const pw_descriptor* d_ = nullptr;
};

// Fills `input` with a random patient (unknown rate 0, 25, 50 or 75 %).
void randomPatient(const Library& library, Input& input, std::mt19937& rng) {
  input.clear();
  const double unknownRate = (rng() % 4) / 4.0;
  for (uint32_t i = 0; i < library.inputCount(); ++i) {
    if (std::uniform_real_distribution<double>(0, 1)(rng) < unknownRate) continue;
    const pw_input_info in = library.input(i);
    if (in.kind == PW_INPUT_BOOL) {
      input.setBool(i, rng() % 2 != 0);
    } else if (in.kind == PW_INPUT_ENUM) {
      input.setEnumIndex(i, static_cast<uint32_t>(rng() % in.n_labels));
    } else {
      const double hi = std::min(in.max, 30.0);
      input.setNumber(i, std::round(std::uniform_real_distribution<double>(in.min, hi)(rng)));
    }
  }
}

struct Reference {
  std::vector<uint8_t> state;
  std::vector<double> numbers;
  std::vector<uint64_t> missing;
};

Reference evaluateWithMasks(const pw_descriptor& d, const Input& input) {
  Reference ref{std::vector<uint8_t>(d.n_slots), std::vector<double>(d.n_slots),
                std::vector<uint64_t>(uint64_t{d.n_recommendations} * d.mask_words)};
  const double* values = nullptr;
  const uint8_t* known = nullptr;
  EXPECT_EQ(pw_input_rows(input.get(), &values, &known), PW_OK);
  d.evaluate(values, known, ref.state.data(), ref.numbers.data(), ref.missing.data());
  return ref;
}

std::vector<uint32_t> maskBits(const uint64_t* words, uint32_t count, uint32_t limit) {
  std::vector<uint32_t> out;
  for (uint32_t w = 0; w < count; ++w) {
    for (uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
      const uint32_t bit = w * 64 + static_cast<uint32_t>(std::countr_zero(bits));
      if (bit < limit) out.push_back(bit);
    }
  }
  return out;
}

void expectSameAsReference(const Library& library, const Result& result, const Reference& ref) {
  const pw_library_info info = library.info();
  const uint32_t recs = info.n_recommendations;
  const std::vector<uint8_t> statuses = result.statuses();
  ASSERT_EQ(statuses.size(), recs);
  const std::vector<uint64_t> masks = result.missingMasks();
  ASSERT_EQ(masks.size(), size_t{recs} * info.mask_words);
  const uint32_t recWords = (recs + 63) / 64;
  const std::vector<uint64_t> superseded = result.supersededMasks();
  ASSERT_EQ(superseded.size(), size_t{recs} * recWords);
  for (uint32_t r = 0; r < recs; ++r) {
    EXPECT_EQ(result.status(r), ref.state[r]) << "recommendation " << r;
    EXPECT_EQ(statuses[r], ref.state[r]) << "recommendation " << r;
    EXPECT_EQ(result.condition(r), ref.state[recs + r]) << "recommendation " << r;
    const std::vector<uint32_t> expected =
        ref.state[r] == PW_TRI_UNKNOWN
            ? maskBits(&ref.missing[size_t{r} * info.mask_words], info.mask_words, info.n_inputs)
            : std::vector<uint32_t>{};
    EXPECT_EQ(result.missing(r), expected) << "recommendation " << r;
    EXPECT_EQ(maskBits(&masks[size_t{r} * info.mask_words], info.mask_words, 0xFFFFFFFFu),
              expected)
        << "recommendation " << r;
    EXPECT_EQ(maskBits(&superseded[size_t{r} * recWords], recWords, 0xFFFFFFFFu),
              result.supersededBy(r))
        << "recommendation " << r;
  }
  for (uint32_t f = 0; f < info.n_findings; ++f) {
    EXPECT_EQ(result.finding(f), ref.state[2 * recs + f]) << "finding " << f;
  }
  for (uint32_t def = 0; def < info.n_definitions; ++def) {
    const size_t slot = 2 * recs + info.n_findings + def;
    const auto [value, number] = result.definition(def);
    EXPECT_EQ(value, ref.state[slot]) << "definition " << def;
    if (library.definition(def).type == PW_TYPE_NUMBER) {
      EXPECT_EQ(number, ref.numbers[slot]) << "definition " << def;
    }
  }
}

TEST(ResultBulk, MasksOnDemandEqualTheEntryPointsMasks) {
  PtReference pt;
  ASSERT_NE(pt.descriptor(), nullptr);
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  Input input(library);
  Result result(library);
  std::mt19937 rng(15);
  size_t undetermined = 0;
  for (int patient = 0; patient < 3000; ++patient) {
    randomPatient(library, input, rng);
    const Reference ref = evaluateWithMasks(*pt.descriptor(), input);
    evaluate(library, input, result);
    for (uint32_t r = 0; r < library.info().n_recommendations; ++r) {
      undetermined += ref.state[r] == PW_TRI_UNKNOWN;
    }
    expectSameAsReference(library, result, ref);
    if (HasFailure()) return;
  }
  EXPECT_GT(undetermined, 1000u);  // the masks were really exercised
}

TEST(ResultBulk, JsonAndBatchReadTheMasksOnDemand) {
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  Input input(library);
  std::mt19937 rng(3);
  randomPatient(library, input, rng);
  input.clear();  // everything undetermined: every recommendation has missing inputs
  Result single(library);
  evaluate(library, input, single);
  const std::string json = single.toJson();
  EXPECT_NE(json.find("\"missing\":[\""), std::string::npos);
  // The batch path gives the same results and the same JSON.
  Result batched(library);
  const pw_input* inputs[] = {input.get()};
  pw_result* results[] = {batched.get()};
  ASSERT_EQ(pw_evaluate_batch(library.get(), 1, inputs, results), PW_OK);
  EXPECT_EQ(batched.toJson(), json);
}

TEST(ResultBulk, MasksBelongToTheEvaluatedInputNotItsLaterChanges) {
  PtReference pt;
  ASSERT_NE(pt.descriptor(), nullptr);
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  Input input(library);
  Result result(library);
  const Reference allUnknown = evaluateWithMasks(*pt.descriptor(), input);
  evaluate(library, input, result);
  std::mt19937 rng(7);
  randomPatient(library, input, rng);  // after the evaluation, before the masks are read
  expectSameAsReference(library, result, allUnknown);
  // Evaluating again replaces the masks computed for the first input.
  const Reference second = evaluateWithMasks(*pt.descriptor(), input);
  evaluate(library, input, result);
  expectSameAsReference(library, result, second);
}

TEST(ResultBulk, ThreadsReadingOneResultAgree) {
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  Input input(library);
  Result result(library);
  evaluate(library, input, result);  // all unknown: masks everywhere
  std::vector<std::vector<uint64_t>> seen(4);
  std::vector<std::thread> threads;
  for (auto& out : seen) threads.emplace_back([&] { out = result.missingMasks(); });
  for (auto& thread : threads) thread.join();
  for (const auto& out : seen) EXPECT_EQ(out, seen[0]);
  EXPECT_NE(std::count(seen[0].begin(), seen[0].end(), 0u), static_cast<long>(seen[0].size()));
}

TEST(ResultBulk, SizeQueriesAndErrors) {
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  const pw_library_info info = library.info();
  Result result(library);
  uint32_t count = 0;
  size_t words = 0;
  uint8_t statuses[64];
  EXPECT_EQ(lastFailure(pw_result_statuses(result.get(), statuses, 64, &count)).message,
            "the result has not been evaluated yet");
  EXPECT_EQ(pw_result_missing_masks(result.get(), nullptr, 0, &words), PW_ERR_STATE);
  EXPECT_EQ(pw_result_superseded_masks(result.get(), nullptr, 0, &words), PW_ERR_STATE);
  EXPECT_EQ(pw_result_statuses(nullptr, statuses, 64, &count), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "result is NULL");

  Input input(library);
  evaluate(library, input, result);
  ASSERT_EQ(pw_result_statuses(result.get(), nullptr, 0, &count), PW_OK);
  EXPECT_EQ(count, info.n_recommendations);
  const Failure small = lastFailure(pw_result_statuses(result.get(), statuses, 2, &count));
  EXPECT_EQ(small.status, PW_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(small.message, "the buffer holds 2 entries, " +
                               std::to_string(info.n_recommendations) + " are needed");
  EXPECT_EQ(count, info.n_recommendations);
  EXPECT_EQ(pw_result_statuses(result.get(), statuses, 64, nullptr), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "count is NULL");
  EXPECT_EQ(pw_result_statuses(result.get(), nullptr, 5, &count), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "the output array is NULL");
  ASSERT_EQ(pw_result_missing_masks(result.get(), nullptr, 0, &words), PW_OK);
  EXPECT_EQ(words, size_t{info.n_recommendations} * info.mask_words);
  uint64_t one = 0;
  EXPECT_EQ(pw_result_missing_masks(result.get(), &one, 1, &words), PW_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(words, size_t{info.n_recommendations} * info.mask_words);
  ASSERT_EQ(pw_result_superseded_masks(result.get(), nullptr, 0, &words), PW_OK);
  EXPECT_EQ(words, size_t{info.n_recommendations} * ((info.n_recommendations + 63) / 64));
}

TEST(ResultBulk, RowsTakeANullMissing) {
  PtReference pt;
  ASSERT_NE(pt.descriptor(), nullptr);
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  const pw_library_info info = library.info();
  Input input(library);
  std::mt19937 rng(5);
  constexpr uint64_t kPatients = 3;
  std::vector<double> values;
  std::vector<uint8_t> known;
  std::vector<Reference> refs;
  for (uint64_t p = 0; p < kPatients; ++p) {
    randomPatient(library, input, rng);
    const double* v = nullptr;
    const uint8_t* k = nullptr;
    ASSERT_EQ(pw_input_rows(input.get(), &v, &k), PW_OK);
    values.insert(values.end(), v, v + info.n_inputs);
    known.insert(known.end(), k, k + info.n_inputs);
    refs.push_back(evaluateWithMasks(*pt.descriptor(), input));
  }
  std::vector<uint8_t> state(kPatients * info.n_slots);
  std::vector<double> numbers(kPatients * info.n_slots);
  ASSERT_EQ(pw_evaluate_rows(library.get(), kPatients, values.data(), known.data(), state.data(),
                             numbers.data(), nullptr),
            PW_OK)
      << pw_last_error();
  for (uint64_t p = 0; p < kPatients; ++p) {
    EXPECT_TRUE(std::equal(refs[p].state.begin(), refs[p].state.end(),
                           state.begin() + static_cast<long>(p * info.n_slots)));
  }
}

}  // namespace
}  // namespace pathway::test
