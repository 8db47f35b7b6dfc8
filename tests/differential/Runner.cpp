#include "Runner.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <random>

#include <pathway/pathway.hpp>

#include "Compile.h"
#include "Generator.h"
#include "diag/Diagnostic.h"
#include "diag/Render.h"
#include "driver/Pipeline.h"
#include "explain/Interpreted.h"
#include "ir/Interpreter.h"

namespace pathway::differential {
namespace {

// One evaluation's output, laid out as in pathway/abi.h.
struct Rows {
  std::vector<uint8_t> state;
  std::vector<double> numbers;
  std::vector<uint64_t> missing;
};

Rows makeRows(const ir::Program& p, size_t count) {
  Rows r;
  r.state.assign(count * p.slotCount(), 0xee);
  r.numbers.assign(count * p.slotCount(), -12345.0);
  r.missing.assign(count * p.recommendations.size() * p.maskWords(), 0xdeadbeefull);
  return r;
}

bool sameNumber(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return std::memcmp(&a, &b, sizeof a) == 0;  // +0 and -0 differ
}

std::string slotName(const ir::Program& p, size_t slot) {
  const size_t r = p.recommendations.size();
  if (slot < r) return "status of recommendation " + p.recommendations[slot].name;
  if (slot < 2 * r) return "condition of recommendation " + p.recommendations[slot - r].name;
  if (slot < 2 * r + p.findings.size()) return "finding " + p.findings[slot - 2 * r].name;
  return "definition " + p.definitions[slot - 2 * r - p.findings.size()].name;
}

std::string missingNames(const ir::Program& p, const uint64_t* mask) {
  std::string out = "{";
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    if (mask[i / 64] >> (i % 64) & 1) out += (out.size() > 1 ? ", " : "") + p.inputs[i].name;
  }
  return out + "}";
}

// Empty when row `row` of `got` equals `want` (one patient).
std::string compare(const ir::Program& p, const Rows& want, const Rows& got, size_t row,
                    const std::string& who) {
  const size_t slots = p.slotCount();
  for (size_t s = 0; s < slots; ++s) {
    const uint8_t w = want.state[s], g = got.state[row * slots + s];
    if (w != g) return fmt::format("{}: {} is {} (interpreter: {})", who, slotName(p, s), g, w);
    if (!sameNumber(want.numbers[s], got.numbers[row * slots + s])) {
      return fmt::format("{}: value of {} is {} (interpreter: {})", who, slotName(p, s),
                         got.numbers[row * slots + s], want.numbers[s]);
    }
  }
  const size_t words = p.maskWords();
  for (size_t r = 0; r < p.recommendations.size(); ++r) {
    const uint64_t* w = &want.missing[r * words];
    const uint64_t* g = &got.missing[(row * p.recommendations.size() + r) * words];
    if (!std::equal(w, w + words, g)) {
      return fmt::format("{}: missing inputs of recommendation {} are {} (interpreter: {})", who,
                         p.recommendations[r].name, missingNames(p, g), missingNames(p, w));
    }
  }
  return {};
}

// Patients per program whose explanations are compared (each costs a traced
// evaluation and one rendering per recommendation).
constexpr size_t kExplainedPatients = 10;

// Empty when every recommendation's explanation from the library's trace
// (pw_evaluate_traced, pw_result_explain) equals the interpreter's.
std::string compareExplanations(const ir::Program& program, const Library& library, const Patient& patient,
                                const double* values, const uint8_t* known) {
  Input input(library);
  input.setJson(toJson(patient));
  Result result(library);
  try {
    evaluateTraced(library, input, result);
  } catch (const std::exception& e) {
    return fmt::format("-O2: traced evaluation failed: {}", e.what());
  }
  explain::InterpretedEvaluation interpreted(program, values, known);
  for (uint32_t r = 0; r < program.recommendations.size(); ++r) {
    const std::string want = explain::json(interpreted, explain::explain(interpreted, r)).dump();
    const std::string got = result.explain(r, PW_EXPLAIN_JSON);
    if (got != want) {
      return fmt::format("-O2: explanation of recommendation {} is {} (interpreter: {})",
                         program.recommendations[r].name, got, want);
    }
  }
  return {};
}

std::optional<Library> load(const ir::Program& program, int level, Outcome& outcome) {
  std::string path;
  try {
    path = test::compileLibrary(program, level);
  } catch (const std::exception& e) {
    outcome = {"build-error", fmt::format("-O{}: {}", level, e.what())};
    return std::nullopt;
  }
  std::optional<Library> library;
  try {
    library.emplace(path);
  } catch (const std::exception& e) {
    outcome = {"load-error", fmt::format("-O{}: {}", level, e.what())};
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);  // stays mapped while open
  return library;
}

Outcome run(const std::string& path, const std::string& text, const std::vector<Patient>* given, size_t count,
            uint64_t patientSeed, std::vector<Patient>* generated) {
  Outcome outcome;
  driver::FrontendOptions options;
  auto compilation = driver::compileText(path, text, options);
  if (!compilation->ok() || !compilation->program) {
    // The first error's kind and message: shrinking keeps both, so that it
    // cannot wander off to a different (legitimate) error of the same kind.
    std::string key = "?";
    for (const diag::Diagnostic& d : compilation->diagnostics) {
      if (d.severity == diag::Severity::Error) {
        key = std::string(diag::info(d.kind).id) + ": " + d.message;
        break;
      }
    }
    return {"frontend-error:" + key, diag::renderText(compilation->diagnostics, compilation->path)};
  }
  const ir::Program& program = *compilation->program;

  std::optional<Library> o0 = load(program, 0, outcome);
  if (!o0) return outcome;
  std::optional<Library> o2 = load(program, 2, outcome);
  if (!o2) return outcome;
  for (const Library* library : {&*o0, &*o2}) {
    const pw_library_info info = library->info();
    if (info.n_inputs != program.inputs.size() || info.n_slots != program.slotCount() ||
        info.n_recommendations != program.recommendations.size() || info.mask_words != program.maskWords()) {
      return {"schema-mismatch", "library counts differ from the IR program"};
    }
  }

  std::vector<Patient> patients;
  if (given) {
    patients = *given;
  } else {
    std::mt19937_64 rng(patientSeed);
    for (size_t i = 0; i < count; ++i) patients.push_back(generatePatient(rng, program));
    *generated = patients;
  }

  const size_t n = program.inputs.size();
  std::vector<double> values(patients.size() * n);
  std::vector<uint8_t> known(patients.size() * n);
  Input input0(*o0), input2(*o2);
  for (size_t i = 0; i < patients.size(); ++i) {
    const std::string json = toJson(patients[i]);
    try {
      input0.setJson(json);
      input2.setJson(json);
    } catch (const std::exception& e) {
      outcome = {"json-error", fmt::format("pw_input_set_json rejected a valid patient: {}", e.what())};
      outcome.patient = i;
      return outcome;
    }
    for (uint32_t k = 0; k < n; ++k) {
      auto [k0, v0] = input0.get(k);
      auto [k2, v2] = input2.get(k);
      if (k0 != k2 || !sameNumber(v0, v2)) {
        outcome = {"json-error", "the -O0 and -O2 libraries read the patient differently"};
        outcome.patient = i;
        return outcome;
      }
      known[i * n + k] = k0;
      values[i * n + k] = v0;
    }
  }

  // -O0 through the batch entry point, -O2 one patient at a time.
  Rows batch = makeRows(program, patients.size());
  if (pw_evaluate_rows(o0->get(), patients.size(), values.data(), known.data(), batch.state.data(),
                       batch.numbers.data(), batch.missing.data()) != PW_OK) {
    return {"evaluate-error", pw_last_error()};
  }
  for (size_t i = 0; i < patients.size(); ++i) {
    Rows want = makeRows(program, 1), single = makeRows(program, 1);
    ir::interpret(program, &values[i * n], &known[i * n], want.state.data(), want.numbers.data(),
                  want.missing.data());
    if (pw_evaluate_rows(o2->get(), 1, &values[i * n], &known[i * n], single.state.data(),
                         single.numbers.data(), single.missing.data()) != PW_OK) {
      return {"evaluate-error", pw_last_error()};
    }
    std::string diff = compare(program, want, batch, i, "-O0");
    if (diff.empty()) diff = compare(program, want, single, 0, "-O2");
    if (diff.empty() && i < kExplainedPatients) diff = compareExplanations(program, *o2, patients[i], &values[i * n], &known[i * n]);
    if (!diff.empty()) {
      outcome = {"mismatch", diff};
      outcome.patient = i;
      return outcome;
    }
  }
  return outcome;
}

}  // namespace

Outcome runProgram(const Program& program, const std::vector<Patient>& patients) {
  return run(program.name + ".pw", print(program), &patients, 0, 0, nullptr);
}

Outcome runProgram(const Program& program, size_t count, uint64_t patientSeed, std::vector<Patient>& patients) {
  return run(program.name + ".pw", print(program), nullptr, count, patientSeed, &patients);
}

Outcome runSource(const std::string& path, const std::string& text, size_t count, uint64_t patientSeed,
                  std::vector<Patient>& patients) {
  return run(path, text, nullptr, count, patientSeed, &patients);
}

}  // namespace pathway::differential
