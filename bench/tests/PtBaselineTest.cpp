// The hand-written PT baselines compute exactly what the compiled
// pathways/pt_failure.pw computes: every slot's state and number and every
// missing-input mask, on a large set of generated patients. If the .pw file
// changes (a threshold, a condition, a declaration) and the baselines are not
// updated, this fails, naming the first slot that differs.
#include <gtest/gtest.h>

#include <pathway/abi.h>

#include "pt/PtBitsliced.h"
#include "pt/PtLayout.h"
#include "pt/PtRow.h"
#include "support/Patients.h"

namespace pathway::bench {
namespace {

using namespace pt;

constexpr uint64_t kPatients = 200'000;

std::string slotName(uint32_t slot) {
  if (slot < kRecommendationCount) return std::string("status of ") + kRecommendationNames[slot];
  slot -= kRecommendationCount;
  if (slot < kRecommendationCount) return std::string("condition of ") + kRecommendationNames[slot];
  slot -= kRecommendationCount;
  if (slot < kFindingCount) return std::string("finding ") + kFindingNames[slot];
  return std::string("definition ") + kDefinitionNames[slot - kFindingCount];
}

std::string patientText(const Library& library, const Rows& rows, uint64_t p) {
  std::string text;
  for (uint32_t i = 0; i < rows.inputs; ++i) {
    text += std::string(library.input(i).name) + "=";
    text += rows.known[p * rows.inputs + i] ? std::to_string(rows.values[p * rows.inputs + i])
                                            : std::string("?");
    text += " ";
  }
  return text;
}

class PtBaselineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    library_ = new Library(PATHWAY_PT_FAILURE_LIBRARY);
    rows_ = new Rows(generatePatients(*library_, kPatients, 7));
  }
  static void TearDownTestSuite() {
    delete rows_;
    delete library_;
  }
  static Library* library_;
  static Rows* rows_;
};
Library* PtBaselineTest::library_ = nullptr;
Rows* PtBaselineTest::rows_ = nullptr;

TEST_F(PtBaselineTest, DeclarationsMatchTheLayout) {
  const pw_library_info info = library_->info();
  ASSERT_EQ(info.n_inputs, kInputCount);
  ASSERT_EQ(info.n_findings, kFindingCount);
  ASSERT_EQ(info.n_definitions, kDefinitionCount);
  ASSERT_EQ(info.n_recommendations, kRecommendationCount);
  ASSERT_EQ(info.n_slots, kSlotCount);
  for (uint32_t i = 0; i < kInputCount; ++i) EXPECT_STREQ(library_->input(i).name, kInputNames[i]);
  for (uint32_t f = 0; f < kFindingCount; ++f) {
    EXPECT_STREQ(library_->finding(f).name, kFindingNames[f]);
  }
  for (uint32_t d = 0; d < kDefinitionCount; ++d) {
    EXPECT_STREQ(library_->definition(d).name, kDefinitionNames[d]);
  }
  for (uint32_t r = 0; r < kRecommendationCount; ++r) {
    EXPECT_STREQ(library_->recommendation(r).name, kRecommendationNames[r]);
  }
}

TEST_F(PtBaselineTest, RowBaselineEqualsCompiled) {
  const Rows& rows = *rows_;
  std::vector<uint8_t> state(kPatients * kSlotCount), wantState(state.size());
  std::vector<double> numbers(kPatients * kSlotCount, -1), wantNumbers(numbers.size(), -2);
  std::vector<uint64_t> missing(kPatients * kRecommendationCount, 7),
      wantMissing(missing.size(), 9);
  ASSERT_EQ(pw_evaluate_rows(library_->get(), kPatients, rows.values.data(), rows.known.data(),
                             wantState.data(), wantNumbers.data(), wantMissing.data()),
            PW_OK);
  evaluateRows(kPatients, rows.values.data(), rows.known.data(), state.data(), numbers.data(),
               missing.data());
  for (uint64_t p = 0; p < kPatients; ++p) {
    for (uint32_t s = 0; s < kSlotCount; ++s) {
      const uint64_t at = p * kSlotCount + s;
      ASSERT_EQ(int(state[at]), int(wantState[at]))
          << slotName(s) << " for patient " << p << ": " << patientText(*library_, rows, p);
      ASSERT_EQ(numbers[at], wantNumbers[at]) << slotName(s) << " for patient " << p;
    }
    for (uint32_t r = 0; r < kRecommendationCount; ++r) {
      const uint64_t at = p * kRecommendationCount + r;
      ASSERT_EQ(missing[at], wantMissing[at])
          << "missing inputs of " << kRecommendationNames[r] << " for patient " << p << ": "
          << patientText(*library_, rows, p);
    }
  }
}

// Every patient gets a plan (issue 11, item 5): at least one recommendation
// fires, be it a plan, a work-up, an urgent route or a "record ..." collector
// that says what to collect first. Checked on the compiled library over the
// generated patients (all known, 5%, 30% and 70% of inputs missing).
TEST_F(PtBaselineTest, EveryPatientGetsAFiringRecommendation) {
  const Rows& rows = *rows_;
  std::vector<uint8_t> state(kPatients * kSlotCount);
  std::vector<double> numbers(kPatients * kSlotCount);
  std::vector<uint64_t> missing(kPatients * kRecommendationCount);
  ASSERT_EQ(pw_evaluate_rows(library_->get(), kPatients, rows.values.data(), rows.known.data(),
                             state.data(), numbers.data(), missing.data()),
            PW_OK);
  for (uint64_t p = 0; p < kPatients; ++p) {
    bool fires = false;
    for (uint32_t r = 0; r < kRecommendationCount; ++r) {
      fires = fires || state[p * kSlotCount + statusSlot(r)] == 1;
    }
    ASSERT_TRUE(fires) << "no recommendation fires for patient " << p << ": "
                       << patientText(*library_, rows, p);
  }
}

TEST_F(PtBaselineTest, RowBaselineWithoutMasksWritesTheSameSlots) {
  const Rows& rows = *rows_;
  constexpr uint64_t n = 1000;
  std::vector<uint8_t> state(n * kSlotCount), withMasks(state.size());
  std::vector<double> numbers(n * kSlotCount), numbersWithMasks(numbers.size());
  std::vector<uint64_t> missing(n * kRecommendationCount);
  evaluateRows(n, rows.values.data(), rows.known.data(), state.data(), numbers.data(), nullptr);
  evaluateRows(n, rows.values.data(), rows.known.data(), withMasks.data(),
               numbersWithMasks.data(), missing.data());
  EXPECT_EQ(state, withMasks);
  EXPECT_EQ(numbers, numbersWithMasks);
}

TEST_F(PtBaselineTest, BitslicedBaselineEqualsCompiledColumns) {
  const ColumnInputs in = toColumns(*rows_);
  pw_columns_layout layout = pw_columns_layout_init();
  ASSERT_EQ(pw_columns_layout_get(library_->get(), kPatients, &layout), PW_OK);
  ASSERT_EQ(layout.n_number_columns, 1u);
  std::vector<uint64_t> truth(layout.state_size, 1), unknown(layout.state_size, 1);
  std::vector<uint64_t> wantTruth(layout.state_size, 2), wantUnknown(layout.state_size, 2);
  std::vector<double> numbers(layout.numbers_size, -1), wantNumbers(layout.numbers_size, -2);
  ASSERT_EQ(pw_evaluate_columns(library_->get(), kPatients, in.values.data(), in.known.data(),
                                wantTruth.data(), wantUnknown.data(), wantNumbers.data(),
                                nullptr),
            PW_OK);
  evaluateBitsliced(kPatients, in.values.data(), in.known.data(), truth.data(), unknown.data(),
                    numbers.data(), nullptr);
  for (uint32_t s = 0; s < kSlotCount; ++s) {
    for (uint64_t w = 0; w < in.words; ++w) {
      ASSERT_EQ(truth[s * in.words + w], wantTruth[s * in.words + w]) << slotName(s) << " word " << w;
      ASSERT_EQ(unknown[s * in.words + w], wantUnknown[s * in.words + w])
          << slotName(s) << " word " << w;
    }
  }
  for (uint64_t p = 0; p < kPatients; ++p) ASSERT_EQ(numbers[p], wantNumbers[p]) << p;
}

// The compiled column entry point, masks included, against the row baseline
// (itself checked against the compiled row entry point above).
TEST_F(PtBaselineTest, CompiledColumnsEqualRowBaseline) {
  const Rows& rows = *rows_;
  const ColumnInputs in = toColumns(rows);
  Columns columns(*library_, kPatients);
  columns.values() = in.values;
  columns.known() = in.known;
  evaluateColumns(*library_, columns);
  std::vector<uint8_t> state(kSlotCount);
  std::vector<double> numbers(kSlotCount);
  std::vector<uint64_t> missing(kRecommendationCount);
  for (uint64_t p = 0; p < kPatients; ++p) {
    evaluateRow(&rows.values[p * kInputCount], &rows.known[p * kInputCount], state.data(),
                numbers.data(), missing.data());
    for (uint32_t s = 0; s < kSlotCount; ++s) {
      ASSERT_EQ(int(columns.state(p, s)), int(state[s])) << slotName(s) << " patient " << p;
    }
    ASSERT_EQ(columns.number(p, 0), numbers[definitionSlot(kPainImprovement)]) << p;
    for (uint32_t r = 0; r < kRecommendationCount; ++r) {
      std::vector<uint32_t> want;
      for (uint32_t i = 0; i < kInputCount; ++i) {
        if (missing[r] >> i & 1) want.push_back(i);
      }
      ASSERT_EQ(columns.missing(p, r), want) << kRecommendationNames[r] << " patient " << p;
    }
  }
}

}  // namespace
}  // namespace pathway::bench
