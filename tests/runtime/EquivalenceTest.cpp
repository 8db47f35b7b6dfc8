// On random programs and patients: the compiled library agrees with the
// reference interpreter, the same program at -O0..-O3 agrees with itself, and
// the batch entry point and eight threads agree with single evaluation.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <thread>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"
#include "ir/Interpreter.h"

namespace pathway::test {
namespace {

using ir::Op;

// Everything a result says, for comparison.
struct Snapshot {
  std::vector<int> values;
  std::vector<double> numbers;
  std::vector<std::vector<uint32_t>> missing;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const Library& library, const Result& result) {
  const pw_library_info info = library.info();
  Snapshot s;
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    s.values.push_back(result.status(r));
    s.values.push_back(result.condition(r));
    s.missing.push_back(result.missing(r));
  }
  for (uint32_t f = 0; f < info.n_findings; ++f) s.values.push_back(result.finding(f));
  for (uint32_t d = 0; d < info.n_definitions; ++d) {
    auto [value, number] = result.definition(d);
    s.values.push_back(value);
    s.numbers.push_back(number);
  }
  return s;
}

// A random program over bool, number and enum inputs.
ir::Program randomProgram(uint32_t seed) {
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<ir::NodeId>& from) {
    return from[std::uniform_int_distribution<size_t>(0, from.size() - 1)(rng)];
  };
  TestProgram p("random" + std::to_string(seed));
  std::vector<ir::NodeId> bools, numbers;
  for (int i = 0; i < 4; ++i) bools.push_back(p.read(p.boolInput("b" + std::to_string(i))));
  for (int i = 0; i < 3; ++i) numbers.push_back(p.read(p.numberInput("n" + std::to_string(i))));
  const ir::NodeId level = p.read(p.enumInput("level", "Level", {"low", "mid", "high"}));
  numbers.push_back(p.number(2));
  numbers.push_back(p.number(0));
  bools.push_back(p.inSet(level, {1, 2}));
  bools.push_back(p.unknown(ir::Type::Bool));
  const Op boolOps[] = {Op::And, Op::Or, Op::Not, Op::IsKnown};
  const Op numberOps[] = {Op::Add, Op::Sub, Op::Mul, Op::Div, Op::Neg};
  const Op compareOps[] = {Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne};
  for (int i = 0; i < 60; ++i) {
    switch (rng() % 3) {
      case 0: {
        const Op op = boolOps[rng() % 4];
        if (op == Op::IsKnown) {
          bools.push_back(p.op(op, {pick(rng() % 2 ? bools : numbers)}));
        } else if (op == Op::Not) {
          bools.push_back(p.op(op, {pick(bools)}));
        } else {
          bools.push_back(p.op(op, {pick(bools), pick(bools)}));
        }
        break;
      }
      case 1: {
        const Op op = numberOps[rng() % 5];
        numbers.push_back(op == Op::Neg ? p.op(op, {pick(numbers)})
                                        : p.op(op, {pick(numbers), pick(numbers)}));
        break;
      }
      default:
        bools.push_back(p.op(compareOps[rng() % 6], {pick(numbers), pick(numbers)}));
        break;
    }
  }
  for (int i = 0; i < 4; ++i) p.definition("dn" + std::to_string(i), pick(numbers));
  for (int i = 0; i < 4; ++i) p.definition("db" + std::to_string(i), pick(bools));
  for (int i = 0; i < 3; ++i) p.finding("f" + std::to_string(i), pick(bools));
  for (uint32_t i = 0; i < 6; ++i) {
    std::vector<uint32_t> supersedes;
    if (i >= 3) supersedes = {i - 3};
    p.recommendation("r" + std::to_string(i), pick(bools), supersedes);
  }
  return p.program();
}

void randomPatient(std::mt19937& rng, Input& input) {
  input.clear();
  for (uint32_t i = 0; i < 4; ++i) {
    if (rng() % 3 != 0) input.setBool(i, rng() % 2 == 0);
  }
  for (uint32_t i = 4; i < 7; ++i) {
    if (rng() % 3 != 0) input.setNumber(i, static_cast<double>(rng() % 7) - 3);
  }
  if (rng() % 3 != 0) input.setEnumIndex(7, rng() % 3);
}

constexpr int kPatients = 200;

class EquivalenceTest : public ::testing::TestWithParam<uint32_t> {};

TEST_P(EquivalenceTest, OptLevelsAgree) {
  const ir::Program program = randomProgram(GetParam());
  std::vector<std::unique_ptr<Library>> libraries;
  for (int level = 0; level <= 3; ++level) {
    libraries.push_back(std::make_unique<Library>(compileLibrary(program, level)));
  }
  std::mt19937 rng(GetParam());
  Input reference(*libraries[0]);
  Result expected(*libraries[0]);
  for (int patient = 0; patient < kPatients; ++patient) {
    randomPatient(rng, reference);
    evaluate(*libraries[0], reference, expected);
    const Snapshot want = snapshot(*libraries[0], expected);
    for (int level = 1; level <= 3; ++level) {
      Input input(*libraries[level]);
      Result result(*libraries[level]);
      for (uint32_t i = 0; i < libraries[level]->inputCount(); ++i) {
        auto [known, value] = reference.get(i);
        if (!known) continue;
        switch (libraries[level]->input(i).kind) {
          case PW_INPUT_BOOL: input.setBool(i, value != 0); break;
          case PW_INPUT_ENUM: input.setEnumIndex(i, static_cast<uint32_t>(value)); break;
          default: input.setNumber(i, value); break;
        }
      }
      evaluate(*libraries[level], input, result);
      ASSERT_EQ(snapshot(*libraries[level], result), want)
          << "patient " << patient << " at -O" << level;
    }
  }
}

TEST_P(EquivalenceTest, BatchEntryAgreesWithSingle) {
  Library library(compileLibrary(randomProgram(GetParam())));
  const pw_library_info info = library.info();
  std::mt19937 rng(GetParam() + 1);
  std::vector<std::unique_ptr<Input>> inputs;
  std::vector<std::unique_ptr<Result>> results;
  std::vector<double> values;
  std::vector<uint8_t> known;
  for (int patient = 0; patient < kPatients; ++patient) {
    inputs.push_back(std::make_unique<Input>(library));
    results.push_back(std::make_unique<Result>(library));
    randomPatient(rng, *inputs.back());
    for (uint32_t i = 0; i < info.n_inputs; ++i) {
      auto [k, v] = inputs.back()->get(i);
      values.push_back(v);
      known.push_back(k);
    }
  }
  std::vector<uint8_t> state(kPatients * info.n_slots, 0xff);
  std::vector<double> numbers(kPatients * info.n_slots, -1);
  const size_t maskStride = size_t{info.n_recommendations} * info.mask_words;
  std::vector<uint64_t> missing(kPatients * maskStride, ~uint64_t{0});
  ASSERT_EQ(pw_evaluate_rows(library.get(), kPatients, values.data(), known.data(),
                             state.data(), numbers.data(), missing.data()),
            PW_OK);
  std::vector<const pw_input*> inputPointers;
  std::vector<pw_result*> resultPointers;
  for (int i = 0; i < kPatients; ++i) {
    inputPointers.push_back(inputs[i]->get());
    resultPointers.push_back(results[i]->get());
  }
  ASSERT_EQ(pw_evaluate_batch(library.get(), kPatients, inputPointers.data(),
                              resultPointers.data()),
            PW_OK);
  for (int patient = 0; patient < kPatients; ++patient) {
    SCOPED_TRACE("patient " + std::to_string(patient));
    const Result& single = *results[patient];
    const uint8_t* row = &state[patient * info.n_slots];
    for (uint32_t r = 0; r < info.n_recommendations; ++r) {
      EXPECT_EQ(row[r], single.status(r));
      EXPECT_EQ(row[info.n_recommendations + r], single.condition(r));
      std::vector<uint32_t> bits;
      for (uint32_t i = 0; i < info.n_inputs; ++i) {
        if (missing[patient * maskStride + r * info.mask_words + i / 64] >> (i % 64) & 1) {
          bits.push_back(i);
        }
      }
      EXPECT_EQ(bits, single.missing(r));  // a decided status has an empty mask
    }
    for (uint32_t d = 0; d < info.n_definitions; ++d) {
      const uint32_t slot = 2 * info.n_recommendations + info.n_findings + d;
      EXPECT_EQ(row[slot], single.definition(d).first);
      EXPECT_EQ(numbers[patient * info.n_slots + slot], single.definition(d).second);
    }
  }
}

TEST_P(EquivalenceTest, EightThreadsAgree) {
  Library library(compileLibrary(randomProgram(GetParam())));
  std::vector<Snapshot> expected;
  {
    std::mt19937 rng(GetParam() + 2);
    Input input(library);
    Result result(library);
    for (int patient = 0; patient < kPatients; ++patient) {
      randomPatient(rng, input);
      evaluate(library, input, result);
      expected.push_back(snapshot(library, result));
    }
  }
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        std::mt19937 rng(GetParam() + 2);
        Input input(library);
        Result result(library);
        for (int patient = 0; patient < kPatients; ++patient) {
          randomPatient(rng, input);
          evaluate(library, input, result);
          if (!(snapshot(library, result) == expected[patient])) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(8, 0));
}

TEST_P(EquivalenceTest, InterpreterAgrees) {
  const ir::Program program = randomProgram(GetParam());
  for (int level : {0, 2}) {
    SCOPED_TRACE("-O" + std::to_string(level));
    Library library(compileLibrary(program, level));
    const pw_library_info info = library.info();
    const size_t masks = size_t{info.n_recommendations} * info.mask_words;
    std::mt19937 rng(GetParam() + 3);
    Input input(library);
    std::vector<double> values(info.n_inputs);
    std::vector<uint8_t> known(info.n_inputs);
    for (int patient = 0; patient < kPatients; ++patient) {
      randomPatient(rng, input);
      for (uint32_t i = 0; i < info.n_inputs; ++i) {
        auto [k, v] = input.get(i);
        known[i] = k;
        values[i] = v;
      }
      std::vector<uint8_t> state(info.n_slots), wantState(info.n_slots);
      std::vector<double> numbers(info.n_slots), wantNumbers(info.n_slots);
      std::vector<uint64_t> missing(masks), wantMissing(masks);
      ir::interpret(program, values.data(), known.data(), wantState.data(), wantNumbers.data(),
                    wantMissing.data());
      ASSERT_EQ(pw_evaluate_rows(library.get(), 1, values.data(), known.data(), state.data(),
                                 numbers.data(), missing.data()),
                PW_OK);
      ASSERT_EQ(state, wantState) << "patient " << patient;
      ASSERT_EQ(numbers, wantNumbers) << "patient " << patient;
      ASSERT_EQ(missing, wantMissing) << "patient " << patient;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, EquivalenceTest, ::testing::Values(1u, 2u, 3u));

}  // namespace
}  // namespace pathway::test
