// The column entry point (pw_evaluate_columns) agrees with single-patient
// evaluation on random programs and on the PT pathway: every slot's state,
// every number definition, every missing-input list; padding lanes stay
// zero; the masks can be skipped without changing anything else; the row
// entry points skip the masks on a NULL `missing`; libraries whose
// descriptor predates the column entry point still load.
#include <dlfcn.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <pathway/abi.h>

#include <random>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ir::Op;

// A random program over `bools` bool inputs, numbers and an enum; with more
// than 64 inputs the row masks take two words.
ir::Program randomProgram(uint32_t seed, int bools = 5) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<ir::NodeId>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  TestProgram p("columns" + std::to_string(seed));
  std::vector<ir::NodeId> bs, ns;
  for (int i = 0; i < bools; ++i) bs.push_back(p.read(p.boolInput("b" + std::to_string(i))));
  for (int i = 0; i < 3; ++i) ns.push_back(p.read(p.numberInput("n" + std::to_string(i))));
  const ir::NodeId level = p.read(p.enumInput("level", "Level", {"low", "mid", "high"}));
  ns.push_back(level);
  ns.push_back(p.number(2));
  ns.push_back(p.number(0));
  bs.push_back(p.inSet(level, {0, 2}));
  bs.push_back(p.unknown(ir::Type::Bool));
  bs.push_back(p.boolean(true));
  const Op boolOps[] = {Op::And, Op::Or, Op::Not, Op::IsKnown, Op::Eq, Op::Ne};
  const Op numberOps[] = {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Neg};
  const Op compareOps[] = {Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne};
  for (int i = 0; i < 80; ++i) {
    switch (rng() % 3) {
      case 0: {
        const Op op = boolOps[rng() % 6];
        if (op == Op::IsKnown) {
          bs.push_back(p.op(op, {pick(rng() % 2 ? bs : ns)}));
        } else if (op == Op::Not) {
          bs.push_back(p.op(op, {pick(bs)}));
        } else if (op == Op::Eq || op == Op::Ne) {
          bs.push_back(p.op(op, {pick(ns), pick(ns)}));
        } else {
          bs.push_back(p.op(op, {pick(bs), pick(bs)}));
        }
        break;
      }
      case 1: {
        const Op op = numberOps[rng() % 5];
        ns.push_back(op == Op::Neg ? p.op(op, {pick(ns)}) : p.op(op, {pick(ns), pick(ns)}));
        break;
      }
      default: bs.push_back(p.op(compareOps[rng() % 6], {pick(ns), pick(ns)})); break;
    }
  }
  for (int i = 0; i < 3; ++i) p.definition("dn" + std::to_string(i), pick(ns));
  for (int i = 0; i < 3; ++i) p.definition("db" + std::to_string(i), pick(bs));
  for (int i = 0; i < 3; ++i) p.finding("f" + std::to_string(i), pick(bs));
  for (uint32_t i = 0; i < 6; ++i) {
    std::vector<uint32_t> supersedes;
    if (i >= 3) supersedes = {i - 3, (i + 1) % 3};
    p.recommendation("r" + std::to_string(i), pick(bs), supersedes);
  }
  return p.program();
}

// Fills patient `p` of both `input` and `columns` with the same random facts.
void randomPatient(std::mt19937& rng, const Library& library, Input& input, Columns& columns,
                   uint64_t p) {
  input.clear();
  const double unknownRate = (rng() % 4) / 4.0;
  for (uint32_t i = 0; i < library.inputCount(); ++i) {
    columns.setUnknown(p, i);
    if (std::uniform_real_distribution<double>(0, 1)(rng) < unknownRate) continue;
    double v = 0;
    switch (library.input(i).kind) {
      case PW_INPUT_BOOL: v = rng() % 2; input.setBool(i, v != 0); break;
      case PW_INPUT_ENUM: v = rng() % 3; input.setEnumIndex(i, static_cast<uint32_t>(v)); break;
      default: v = static_cast<double>(rng() % 7) - 3; input.setNumber(i, v); break;
    }
    columns.set(p, i, v);
  }
}

// Compares patient `p` of `columns` with its single evaluation `single`.
void expectSame(const Library& library, const Columns& columns, uint64_t p, const Result& single,
                bool masks) {
  const pw_library_info info = library.info();
  SCOPED_TRACE("patient " + std::to_string(p));
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    EXPECT_EQ(int(columns.state(p, r)), int(single.status(r))) << "status of r" << r;
    EXPECT_EQ(int(columns.state(p, info.n_recommendations + r)), int(single.condition(r)));
    if (masks) {
      EXPECT_EQ(columns.missing(p, r), single.missing(r)) << "missing of r" << r;
    }
  }
  const uint32_t findings = 2 * info.n_recommendations;
  for (uint32_t f = 0; f < info.n_findings; ++f) {
    EXPECT_EQ(int(columns.state(p, findings + f)), int(single.finding(f))) << "finding " << f;
  }
  uint32_t column = 0;
  for (uint32_t d = 0; d < info.n_definitions; ++d) {
    auto [value, number] = single.definition(d);
    EXPECT_EQ(int(columns.state(p, findings + info.n_findings + d)), int(value));
    if (library.definition(d).type == PW_TYPE_NUMBER) {
      EXPECT_EQ(columns.number(p, column++), number) << "definition " << d;
    }
  }
}

class ColumnsTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(ColumnsTest, AgreesWithSingleEvaluation) {
  const uint32_t seed = GetParam();
  // Every other program has more than 64 inputs (two row mask words).
  Library library(compileLibrary(randomProgram(seed, seed % 2 ? 70 : 5), 2, true));
  constexpr uint64_t kPatients = 300;  // four full words and a partial one
  Columns columns(library, kPatients);
  Columns noMasks(library, kPatients, /*withMissing=*/false);
  std::mt19937 rng(seed);
  std::vector<std::unique_ptr<Input>> inputs;
  for (uint64_t p = 0; p < kPatients; ++p) {
    inputs.push_back(std::make_unique<Input>(library));
    randomPatient(rng, library, *inputs.back(), columns, p);
  }
  noMasks.values() = columns.values();
  noMasks.known() = columns.known();
  evaluateColumns(library, columns);
  evaluateColumns(library, noMasks);
  Result single(library);
  for (uint64_t p = 0; p < kPatients; ++p) {
    evaluate(library, *inputs[p], single);
    expectSame(library, columns, p, single, true);
    if (HasFailure()) return;
  }
  EXPECT_EQ(noMasks.truth(), columns.truth());
  EXPECT_EQ(noMasks.unknown(), columns.unknown());
  EXPECT_EQ(noMasks.numbers(), columns.numbers());
  // Padding lanes (300..319) have no bits set.
  const uint64_t words = columns.layout().words;
  for (uint64_t w = words - 1; w < columns.truth().size(); w += words) {
    EXPECT_EQ(columns.truth()[w] >> (kPatients % 64), 0u);
    EXPECT_EQ(columns.unknown()[w] >> (kPatients % 64), 0u);
  }
  const size_t tile = size_t{library.info().n_recommendations} * library.inputCount();
  for (size_t i = (words - 1) * tile; i < columns.missingTiles().size(); ++i) {
    EXPECT_EQ(columns.missingTiles()[i] >> (kPatients % 64), 0u);
  }
}

INSTANTIATE_TEST_SUITE_P(Random, ColumnsTest, ::testing::Range(1u, 17u));

// The row entry points with missing == NULL write the same slots, no masks.
TEST(ColumnsRowMasks, NullMissingSkipsTheMasks) {
  const std::string path = compileLibrary(randomProgram(99), 2, true);
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr);
  const auto* d = static_cast<const pw_descriptor*>(::dlsym(handle, PW_DESCRIPTOR_SYMBOL));
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->descriptor_size, PW_DESCRIPTOR_SIZE_TRACE);
  std::mt19937 rng(5);
  constexpr uint64_t kPatients = 64;
  std::vector<double> values(kPatients * d->n_inputs);
  std::vector<uint8_t> known(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    known[i] = rng() % 3 != 0;
    values[i] = known[i] ? static_cast<double>(rng() % 3) : 0;
  }
  std::vector<uint8_t> state(kPatients * d->n_slots), state2(state.size());
  std::vector<double> numbers(state.size()), numbers2(state.size());
  std::vector<uint64_t> missing(kPatients * d->n_recommendations * d->mask_words);
  d->evaluate_batch(kPatients, values.data(), known.data(), state.data(), numbers.data(),
                    missing.data());
  d->evaluate_batch(kPatients, values.data(), known.data(), state2.data(), numbers2.data(),
                    nullptr);
  EXPECT_EQ(state, state2);
  EXPECT_EQ(numbers, numbers2);
  d->evaluate(values.data(), known.data(), state2.data(), numbers2.data(), nullptr);
  EXPECT_TRUE(std::equal(state2.begin(), state2.begin() + d->n_slots, state.begin()));
  ::dlclose(handle);
}

TEST(ColumnsApi, ChecksArgumentsAndLayout) {
  Library library(compileLibrary(randomProgram(3), 2, true));
  pw_columns_layout layout = pw_columns_layout_init();
  ASSERT_EQ(pw_columns_layout_get(library.get(), 65, &layout), PW_OK);
  EXPECT_EQ(layout.words, 2u);
  EXPECT_EQ(layout.lanes, 128u);
  EXPECT_EQ(layout.n_number_columns, 3u);
  EXPECT_EQ(layout.values_size, library.inputCount() * 128u);
  EXPECT_EQ(layout.known_size, library.inputCount() * 2u);
  EXPECT_EQ(layout.state_size, library.info().n_slots * 2u);
  EXPECT_EQ(layout.numbers_size, 3u * 128u);
  EXPECT_EQ(layout.missing_size, 2u * library.info().n_recommendations * library.inputCount());
  pw_columns_layout small{};
  small.struct_size = 4;
  EXPECT_EQ(pw_columns_layout_get(library.get(), 1, &small), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_columns(library.get(), 0, nullptr, nullptr, nullptr, nullptr, nullptr,
                                nullptr),
            PW_OK);
  EXPECT_EQ(pw_evaluate_columns(library.get(), 1, nullptr, nullptr, nullptr, nullptr, nullptr,
                                nullptr),
            PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_columns(nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr,
                                nullptr),
            PW_ERR_ARGUMENT);
}

// A descriptor of the size before evaluate_columns still opens; the column
// entry point then reports that the library lacks it.
TEST(ColumnsApi, OlderDescriptorWithoutColumnsLoads) {
  const std::string path = compileLibrary(randomProgram(4), 2, true);
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  ASSERT_NE(handle, nullptr);
  pw_descriptor old = *static_cast<const pw_descriptor*>(::dlsym(handle, PW_DESCRIPTOR_SYMBOL));
  old.descriptor_size = PW_DESCRIPTOR_SIZE_ROWS;
  old.evaluate_columns = nullptr;
  pw_library* library = nullptr;
  ASSERT_EQ(pw_library_from_descriptor(&old, &library), PW_OK) << pw_last_error();
  std::vector<double> values(64 * old.n_inputs);
  std::vector<uint64_t> known(old.n_inputs), truth(old.n_slots), unknown(old.n_slots);
  std::vector<double> numbers(64 * 3);
  EXPECT_EQ(pw_evaluate_columns(library, 1, values.data(), known.data(), truth.data(),
                                unknown.data(), numbers.data(), nullptr),
            PW_ERR_STATE);
  EXPECT_THAT(pw_last_error(), ::testing::HasSubstr("has no column entry point"));
  pw_library_close(library);
  ::dlclose(handle);
}

// The PT pathway: columns against pw_evaluate, patient by patient.
TEST(ColumnsPt, AgreesWithSingleEvaluation) {
  Library library(PATHWAY_PT_FAILURE_LIBRARY);
  constexpr uint64_t kPatients = 2000;
  Columns columns(library, kPatients);
  std::mt19937 rng(11);
  std::vector<std::unique_ptr<Input>> inputs;
  for (uint64_t p = 0; p < kPatients; ++p) {
    inputs.push_back(std::make_unique<Input>(library));
    Input& input = *inputs.back();
    const double unknownRate = (rng() % 4) / 4.0;
    for (uint32_t i = 0; i < library.inputCount(); ++i) {
      if (std::uniform_real_distribution<double>(0, 1)(rng) < unknownRate) continue;
      const pw_input_info in = library.input(i);
      double v = 0;
      if (in.kind == PW_INPUT_BOOL) {
        v = rng() % 2;
        input.setBool(i, v != 0);
      } else if (in.kind == PW_INPUT_ENUM) {
        v = rng() % in.n_labels;
        input.setEnumIndex(i, static_cast<uint32_t>(v));
      } else {
        const double hi = std::min(in.max, 30.0);
        v = std::round(std::uniform_real_distribution<double>(in.min, hi)(rng));
        input.setNumber(i, v);
      }
      columns.set(p, i, v);
    }
  }
  evaluateColumns(library, columns);
  Result single(library);
  for (uint64_t p = 0; p < kPatients; ++p) {
    evaluate(library, *inputs[p], single);
    expectSame(library, columns, p, single, true);
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace pathway::test
