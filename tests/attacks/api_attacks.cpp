// The C API misused: NULL for every pointer argument, indices out of range,
// an input or result of one library handed to another, results read before
// any evaluation, buffers too small. Each call must fail with its status and
// a message (pw_last_error), change nothing, and never crash: under ASan and
// UBSan in .ci/run a stray read or write fails the suite.
//
// Every function of <pathway/pathway.h> must have an entry here: the last
// test reads the header and fails for a function that has none, so a new
// entry point cannot land without its misuse cases.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <pathway/pathway.h>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/Cli.h"

namespace pathway::test {
namespace {

const char* kOther =
    "pathway other { title \"Other\"; version \"1.0.0\"; source s \"Source\" { S1.P1 } }\n"
    "input flag: bool;\n"
    "recommendation act { label \"Act\"; when flag; category execution; urgency routine;\n"
    "  rationale \"Because\"; cite S1.P1; }\n";

struct Misuse {
  std::string function;  // the C function misused
  std::string what;      // how
  pw_status expected;
  std::function<pw_status()> call;
};

class ApiAttack : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    const std::string demo = (dir_ / "libdemo.so").string();
    const std::string other = (dir_ / "libother.so").string();
    Outcome a = run("build " + std::string(PATHWAY_SOURCE_DIR) + "/tests/scenarios/demo.pw --columns -o " + demo);
    ASSERT_EQ(a.exit, 0) << a.output;
    Outcome b = run("build " + write("other.pw", kOther) + " -o " + other);
    ASSERT_EQ(b.exit, 0) << b.output;
    ASSERT_EQ(pw_library_open(demo.c_str(), &lib_), PW_OK) << pw_last_error();
    ASSERT_EQ(pw_library_open(other.c_str(), &other_), PW_OK) << pw_last_error();
    ASSERT_EQ(pw_input_new(lib_, &input_), PW_OK);
    ASSERT_EQ(pw_input_new(other_, &otherInput_), PW_OK);
    ASSERT_EQ(pw_result_new(lib_, &result_), PW_OK);
    ASSERT_EQ(pw_result_new(lib_, &fresh_), PW_OK);  // never evaluated
    ASSERT_EQ(pw_result_new(other_, &otherResult_), PW_OK);
    ASSERT_EQ(pw_library_find_input(lib_, "pain", &pain_), PW_OK);
    ASSERT_EQ(pw_library_find_input(lib_, "quality", &quality_), PW_OK);
    ASSERT_EQ(pw_library_find_input(lib_, "crp", &crp_), PW_OK);
    ASSERT_EQ(pw_input_set_int(input_, pain_, 8), PW_OK);
    ASSERT_EQ(pw_evaluate_traced(lib_, input_, result_), PW_OK);
    pw_library_info info = pw_library_info_init();
    ASSERT_EQ(pw_library_get_info(lib_, &info), PW_OK);
    info_ = info;
  }
  void TearDown() override {
    pw_result_free(result_);
    pw_result_free(fresh_);
    pw_result_free(otherResult_);
    pw_input_free(input_);
    pw_input_free(otherInput_);
    pw_library_close(lib_);
    pw_library_close(other_);
    Cli::TearDown();
  }

  // The JSON of the evaluated result and of the input's value: what a failed
  // call must leave as it was.
  std::string snapshot() const {
    size_t length = 0;
    std::string json(1 << 16, '\0');
    EXPECT_EQ(pw_result_to_json(result_, json.data(), json.size(), &length), PW_OK);
    json.resize(length);
    int known = 0;
    double value = 0;
    EXPECT_EQ(pw_input_get(input_, pain_, &known, &value), PW_OK);
    return json + "|pain=" + std::to_string(known) + ":" + std::to_string(value);
  }

  std::vector<Misuse> misuses();

  pw_library* lib_ = nullptr;
  pw_library* other_ = nullptr;
  pw_input* input_ = nullptr;
  pw_input* otherInput_ = nullptr;
  pw_result* result_ = nullptr;
  pw_result* fresh_ = nullptr;
  pw_result* otherResult_ = nullptr;
  uint32_t pain_ = 0, quality_ = 0, crp_ = 0;
  pw_library_info info_{};
};

constexpr pw_status kArg = PW_ERR_ARGUMENT;

std::vector<Misuse> ApiAttack::misuses() {
  const uint32_t past = 1u << 30;  // an index past every table
  uint32_t index = 0, count = 0;
  uint32_t indices[64];
  pw_rec_status status{};
  pw_tri tri{};
  double number = 0;
  int known = 0;
  char buffer[8];
  size_t length = 0;
  const double* values = nullptr;
  const uint8_t* knownFlags = nullptr;
  pw_library* opened = nullptr;
  pw_input* newInput = nullptr;
  pw_result* newResult = nullptr;
  pw_library_info libraryInfo = pw_library_info_init();
  pw_source_info sourceInfo = pw_source_info_init();
  pw_input_info inputInfo = pw_input_info_init();
  pw_finding_info findingInfo = pw_finding_info_init();
  pw_definition_info definitionInfo = pw_definition_info_init();
  pw_recommendation_info recommendationInfo = pw_recommendation_info_init();
  pw_columns_layout layout = pw_columns_layout_init();
  pw_input_info tooSmall = pw_input_info_init();
  tooSmall.struct_size = 0;  // not set by pw_input_info_init
  const pw_input* const inputs[] = {input_};
  pw_result* const otherResults[] = {otherResult_};
  const pw_input* const nullInputs[] = {nullptr};
  pw_result* const results[] = {result_};
  std::vector<double> rowValues(info_.n_inputs, 0.0), rowNumbers(info_.n_slots, 0.0);
  std::vector<uint8_t> rowKnown(info_.n_inputs, 0), rowState(info_.n_slots, 0);
  std::vector<uint64_t> rowMissing(size_t(info_.n_recommendations) * info_.mask_words + 1, 0);
  std::vector<uint8_t> badState(info_.n_slots, 7);  // not a pw_tri
  std::vector<double> nanNumbers(info_.n_slots, std::nan(""));
  double convertIn = 1, convertOut = 0;

  // Lambdas capture by value what lives only in this frame.
  auto L = [&](const char* f, const char* what, pw_status expected, std::function<pw_status()> call) {
    return Misuse{f, what, expected, std::move(call)};
  };
  pw_library* lib = lib_;
  pw_library* other = other_;
  pw_input* input = input_;
  pw_input* otherInput = otherInput_;
  pw_result* result = result_;
  pw_result* fresh = fresh_;
  pw_result* otherResult = otherResult_;
  uint32_t pain = pain_, quality = quality_, crp = crp_;
  const uint32_t nInputs = info_.n_inputs, nRecs = info_.n_recommendations;

  std::vector<Misuse> m;
  // Libraries.
  m.push_back(L("pw_library_open", "NULL path", kArg, [=]() mutable { return pw_library_open(nullptr, &opened); }));
  m.push_back(L("pw_library_open", "NULL out", kArg, [] { return pw_library_open("/nonexistent.so", nullptr); }));
  m.push_back(L("pw_library_open", "empty path", PW_ERR_LOAD, [=]() mutable { return pw_library_open("", &opened); }));
  m.push_back(L("pw_library_open", "a directory", PW_ERR_LOAD, [=]() mutable { return pw_library_open("/", &opened); }));
  m.push_back(L("pw_library_from_descriptor", "NULL descriptor", kArg,
                [=]() mutable { return pw_library_from_descriptor(nullptr, &opened); }));
  m.push_back(L("pw_library_close", "NULL is a no-op", PW_OK, [] { pw_library_close(nullptr); return PW_OK; }));
  m.push_back(L("pw_library_get_info", "NULL library", kArg, [=]() mutable { return pw_library_get_info(nullptr, &libraryInfo); }));
  m.push_back(L("pw_library_get_info", "NULL info", kArg, [=] { return pw_library_get_info(lib, nullptr); }));
  m.push_back(L("pw_library_get_source", "index past the end", kArg,
                [=]() mutable { return pw_library_get_source(lib, past, &sourceInfo); }));
  m.push_back(L("pw_library_get_source", "NULL info", kArg, [=] { return pw_library_get_source(lib, 0, nullptr); }));
  m.push_back(L("pw_library_get_input", "index past the end", kArg,
                [=]() mutable { return pw_library_get_input(lib, nInputs, &inputInfo); }));
  m.push_back(L("pw_library_get_input", "struct_size not set", kArg,
                [=]() mutable { return pw_library_get_input(lib, 0, &tooSmall); }));
  m.push_back(L("pw_library_get_input", "NULL library", kArg,
                [=]() mutable { return pw_library_get_input(nullptr, 0, &inputInfo); }));
  m.push_back(L("pw_library_get_finding", "index past the end", kArg,
                [=]() mutable { return pw_library_get_finding(lib, past, &findingInfo); }));
  m.push_back(L("pw_library_get_definition", "index past the end", kArg,
                [=]() mutable { return pw_library_get_definition(lib, past, &definitionInfo); }));
  m.push_back(L("pw_library_get_recommendation", "index past the end", kArg,
                [=]() mutable { return pw_library_get_recommendation(lib, nRecs, &recommendationInfo); }));
  m.push_back(L("pw_library_get_recommendation", "NULL info", kArg,
                [=] { return pw_library_get_recommendation(lib, 0, nullptr); }));
  for (const char* f : {"pw_library_find_input", "pw_library_find_finding", "pw_library_find_definition",
                        "pw_library_find_recommendation"}) {
    using Find = pw_status (*)(const pw_library*, const char*, uint32_t*);
    Find find = std::string(f) == "pw_library_find_input"     ? pw_library_find_input
                : std::string(f) == "pw_library_find_finding" ? pw_library_find_finding
                : std::string(f) == "pw_library_find_definition" ? pw_library_find_definition
                                                                 : pw_library_find_recommendation;
    m.push_back(L(f, "NULL name", kArg, [=]() mutable { return find(lib, nullptr, &index); }));
    m.push_back(L(f, "NULL index", kArg, [=] { return find(lib, "pain", nullptr); }));
    m.push_back(L(f, "NULL library", kArg, [=]() mutable { return find(nullptr, "pain", &index); }));
    m.push_back(L(f, "unknown name", PW_ERR_NOT_FOUND, [=]() mutable { return find(lib, "no_such_name", &index); }));
  }
  // Inputs.
  m.push_back(L("pw_input_new", "NULL library", kArg, [=]() mutable { return pw_input_new(nullptr, &newInput); }));
  m.push_back(L("pw_input_new", "NULL out", kArg, [=] { return pw_input_new(lib, nullptr); }));
  m.push_back(L("pw_input_free", "NULL is a no-op", PW_OK, [] { pw_input_free(nullptr); return PW_OK; }));
  m.push_back(L("pw_input_clear", "NULL input", kArg, [] { return pw_input_clear(nullptr); }));
  m.push_back(L("pw_input_set_bool", "NULL input", kArg, [] { return pw_input_set_bool(nullptr, 0, 1); }));
  m.push_back(L("pw_input_set_bool", "index past the end", kArg, [=] { return pw_input_set_bool(input, past, 1); }));
  m.push_back(L("pw_input_set_bool", "an int input", PW_ERR_TYPE, [=] { return pw_input_set_bool(input, pain, 1); }));
  m.push_back(L("pw_input_set_int", "NULL input", kArg, [] { return pw_input_set_int(nullptr, 0, 1); }));
  m.push_back(L("pw_input_set_int", "index past the end", kArg, [=] { return pw_input_set_int(input, nInputs, 1); }));
  m.push_back(L("pw_input_set_int", "out of range", PW_ERR_RANGE, [=] { return pw_input_set_int(input, pain, 11); }));
  m.push_back(L("pw_input_set_int", "INT64_MIN", PW_ERR_RANGE, [=] { return pw_input_set_int(input, pain, INT64_MIN); }));
  m.push_back(L("pw_input_set_number", "NULL input", kArg, [] { return pw_input_set_number(nullptr, 0, 1); }));
  m.push_back(L("pw_input_set_number", "index past the end", kArg, [=] { return pw_input_set_number(input, past, 1); }));
  m.push_back(L("pw_input_set_number", "NaN", PW_ERR_RANGE, [=] { return pw_input_set_number(input, pain, std::nan("")); }));
  m.push_back(L("pw_input_set_number", "infinity", PW_ERR_RANGE, [=] { return pw_input_set_number(input, crp, INFINITY); }));
  m.push_back(L("pw_input_set_number", "not an integer", PW_ERR_RANGE, [=] { return pw_input_set_number(input, pain, 2.5); }));
  m.push_back(L("pw_input_set_enum", "NULL input", kArg, [] { return pw_input_set_enum(nullptr, 0, "sharp"); }));
  m.push_back(L("pw_input_set_enum", "NULL label", kArg, [=] { return pw_input_set_enum(input, quality, nullptr); }));
  m.push_back(L("pw_input_set_enum", "index past the end", kArg, [=] { return pw_input_set_enum(input, past, "sharp"); }));
  m.push_back(L("pw_input_set_enum", "unknown label", PW_ERR_NOT_FOUND, [=] { return pw_input_set_enum(input, quality, "blunt"); }));
  m.push_back(L("pw_input_set_enum", "not an enum", PW_ERR_TYPE, [=] { return pw_input_set_enum(input, pain, "sharp"); }));
  m.push_back(L("pw_input_set_enum_index", "NULL input", kArg, [] { return pw_input_set_enum_index(nullptr, 0, 0); }));
  m.push_back(L("pw_input_set_enum_index", "label past the end", PW_ERR_RANGE,
                [=] { return pw_input_set_enum_index(input, quality, 3); }));
  m.push_back(L("pw_input_set_enum_index", "index past the end", kArg, [=] { return pw_input_set_enum_index(input, past, 0); }));
  m.push_back(L("pw_input_set_quantity", "NULL input", kArg, [] { return pw_input_set_quantity(nullptr, 0, 1, "mg/L"); }));
  m.push_back(L("pw_input_set_quantity", "NULL unit", kArg, [=] { return pw_input_set_quantity(input, crp, 1, nullptr); }));
  m.push_back(L("pw_input_set_quantity", "index past the end", kArg, [=] { return pw_input_set_quantity(input, past, 1, "mg/L"); }));
  m.push_back(L("pw_input_set_quantity", "unit of another dimension", PW_ERR_UNIT,
                [=] { return pw_input_set_quantity(input, crp, 1, "weeks"); }));
  m.push_back(L("pw_input_set_quantity", "NaN", PW_ERR_RANGE, [=] { return pw_input_set_quantity(input, crp, std::nan(""), "mg/L"); }));
  m.push_back(L("pw_input_set_unknown", "NULL input", kArg, [] { return pw_input_set_unknown(nullptr, 0); }));
  m.push_back(L("pw_input_set_unknown", "index past the end", kArg, [=] { return pw_input_set_unknown(input, past); }));
  m.push_back(L("pw_input_set_json", "NULL input", kArg, [] { return pw_input_set_json(nullptr, "{}", 2); }));
  m.push_back(L("pw_input_set_json", "NULL text with a length", kArg, [=] { return pw_input_set_json(input, nullptr, 5); }));
  m.push_back(L("pw_input_set_json", "a length past the text's NUL", PW_ERR_JSON,
                [=] { return pw_input_set_json(input, "{\"pain\": 3}\0{", 13); }));
  m.push_back(L("pw_input_set_json", "an array", PW_ERR_JSON, [=] { return pw_input_set_json(input, "[1]", 3); }));
  m.push_back(L("pw_input_set_json", "a key of the other library", PW_ERR_NOT_FOUND,
                [=] { return pw_input_set_json(input, "{\"flag\": true}", 14); }));
  m.push_back(L("pw_input_set_fhir", "NULL input", kArg, [] { return pw_input_set_fhir(nullptr, "[]", 2, "2026-12-03T09:00:00Z"); }));
  m.push_back(L("pw_input_set_fhir", "NULL text", kArg, [=] { return pw_input_set_fhir(input, nullptr, 2, "2026-12-03T09:00:00Z"); }));
  m.push_back(L("pw_input_set_fhir", "NULL now", kArg, [=] { return pw_input_set_fhir(input, "[]", 2, nullptr); }));
  m.push_back(L("pw_input_set_fhir", "now without a time zone", kArg,
                [=] { return pw_input_set_fhir(input, "[]", 2, "2026-12-03T09:00:00"); }));
  m.push_back(L("pw_input_set_fhir", "a pathway without bindings", PW_ERR_STATE,
                [=] { return pw_input_set_fhir(input, "[]", 2, "2026-12-03T09:00:00Z"); }));
  m.push_back(L("pw_input_set_fhir", "a lone response to another Questionnaire", PW_ERR_FHIR, [=] {
    static const char kOther[] = R"({"resourceType": "QuestionnaireResponse", "id": "q", "status": "completed",
                                     "questionnaire": "http://example.org/Questionnaire/phq-9|1"})";
    return pw_input_set_fhir(input, kOther, sizeof kOther - 1, "2026-12-03T09:00:00Z");
  }));
  m.push_back(L("pw_library_get_questionnaire", "NULL library", kArg, [] {
    const char* json = nullptr;
    return pw_library_get_questionnaire(nullptr, &json);
  }));
  m.push_back(L("pw_library_get_questionnaire", "NULL out", kArg, [=] { return pw_library_get_questionnaire(lib, nullptr); }));
  m.push_back(L("pw_input_get_evidence", "NULL input", kArg, [=]() mutable {
    pw_evidence e = pw_evidence_init();
    return pw_input_get_evidence(nullptr, 0, &e);
  }));
  m.push_back(L("pw_input_get_evidence", "NULL evidence", kArg, [=] { return pw_input_get_evidence(input, 0, nullptr); }));
  m.push_back(L("pw_input_get_evidence", "index past the end", kArg, [=]() mutable {
    pw_evidence e = pw_evidence_init();
    return pw_input_get_evidence(input, past, &e);
  }));
  m.push_back(L("pw_input_get_evidence", "struct_size not set", kArg, [=]() mutable {
    pw_evidence e{};
    return pw_input_get_evidence(input, 0, &e);
  }));
  m.push_back(L("pw_input_get", "NULL input", kArg, [=]() mutable { return pw_input_get(nullptr, 0, &known, &number); }));
  m.push_back(L("pw_input_get", "NULL known", kArg, [=]() mutable { return pw_input_get(input, 0, nullptr, &number); }));
  m.push_back(L("pw_input_get", "NULL value", kArg, [=]() mutable { return pw_input_get(input, 0, &known, nullptr); }));
  m.push_back(L("pw_input_get", "index past the end", kArg, [=]() mutable { return pw_input_get(input, past, &known, &number); }));
  m.push_back(L("pw_input_rows", "NULL input", kArg, [=]() mutable { return pw_input_rows(nullptr, &values, &knownFlags); }));
  m.push_back(L("pw_input_rows", "NULL values", kArg, [=]() mutable { return pw_input_rows(input, nullptr, &knownFlags); }));
  m.push_back(L("pw_input_rows", "NULL known", kArg, [=]() mutable { return pw_input_rows(input, &values, nullptr); }));
  m.push_back(L("pw_library_convert_quantities", "NULL library", kArg,
                [=]() mutable { return pw_library_convert_quantities(nullptr, crp, "mg/dL", 1, &convertIn, &convertOut); }));
  m.push_back(L("pw_library_convert_quantities", "NULL unit", kArg,
                [=]() mutable { return pw_library_convert_quantities(lib, crp, nullptr, 1, &convertIn, &convertOut); }));
  m.push_back(L("pw_library_convert_quantities", "NULL values", kArg,
                [=]() mutable { return pw_library_convert_quantities(lib, crp, "mg/dL", 1, nullptr, &convertOut); }));
  m.push_back(L("pw_library_convert_quantities", "NULL out", kArg,
                [=]() mutable { return pw_library_convert_quantities(lib, crp, "mg/dL", 1, &convertIn, nullptr); }));
  m.push_back(L("pw_library_convert_quantities", "not a quantity", PW_ERR_TYPE,
                [=]() mutable { return pw_library_convert_quantities(lib, pain, "mg/dL", 1, &convertIn, &convertOut); }));
  m.push_back(L("pw_library_convert_quantities", "index past the end", kArg,
                [=]() mutable { return pw_library_convert_quantities(lib, past, "mg/dL", 1, &convertIn, &convertOut); }));
  std::vector<double> badRow(nInputs, 0.0);
  badRow[pain] = 11;  // past the declared range 0..10
  std::vector<double> nanRow(nInputs, std::nan(""));
  std::vector<uint8_t> allKnown(nInputs, 1);
  m.push_back(L("pw_input_set_row", "NULL input", kArg, [=] { return pw_input_set_row(nullptr, badRow.data(), nullptr); }));
  m.push_back(L("pw_input_set_row", "NULL values", kArg, [=] { return pw_input_set_row(input, nullptr, nullptr); }));
  m.push_back(L("pw_input_set_row", "a value out of range", PW_ERR_RANGE,
                [=] { return pw_input_set_row(input, badRow.data(), nullptr); }));
  m.push_back(L("pw_input_set_row", "NaN marked known", PW_ERR_RANGE,
                [=] { return pw_input_set_row(input, nanRow.data(), allKnown.data()); }));
  // Evaluation.
  m.push_back(L("pw_result_new", "NULL library", kArg, [=]() mutable { return pw_result_new(nullptr, &newResult); }));
  m.push_back(L("pw_result_new", "NULL out", kArg, [=] { return pw_result_new(lib, nullptr); }));
  m.push_back(L("pw_result_free", "NULL is a no-op", PW_OK, [] { pw_result_free(nullptr); return PW_OK; }));
  m.push_back(L("pw_evaluate", "NULL library", kArg, [=] { return pw_evaluate(nullptr, input, result); }));
  m.push_back(L("pw_evaluate", "NULL input", kArg, [=] { return pw_evaluate(lib, nullptr, result); }));
  m.push_back(L("pw_evaluate", "NULL result", kArg, [=] { return pw_evaluate(lib, input, nullptr); }));
  m.push_back(L("pw_evaluate", "the other library's input", kArg, [=] { return pw_evaluate(lib, otherInput, result); }));
  m.push_back(L("pw_evaluate", "the other library's result", kArg, [=] { return pw_evaluate(lib, input, otherResult); }));
  m.push_back(L("pw_evaluate", "evaluated with the other library", kArg, [=] { return pw_evaluate(other, input, result); }));
  m.push_back(L("pw_evaluate_traced", "the other library's input", kArg,
                [=] { return pw_evaluate_traced(lib, otherInput, result); }));
  m.push_back(L("pw_evaluate_traced", "NULL result", kArg, [=] { return pw_evaluate_traced(lib, input, nullptr); }));
  m.push_back(L("pw_evaluate_with_masks", "NULL library", kArg, [=] { return pw_evaluate_with_masks(nullptr, input, result); }));
  m.push_back(L("pw_evaluate_with_masks", "the other library's input", kArg,
                [=] { return pw_evaluate_with_masks(lib, otherInput, result); }));
  m.push_back(L("pw_evaluate_with_masks", "NULL result", kArg, [=] { return pw_evaluate_with_masks(lib, input, nullptr); }));
  m.push_back(L("pw_evaluate_batch", "NULL inputs", kArg, [=] { return pw_evaluate_batch(lib, 1, nullptr, results); }));
  m.push_back(L("pw_evaluate_batch", "NULL results", kArg, [=] { return pw_evaluate_batch(lib, 1, inputs, nullptr); }));
  m.push_back(L("pw_evaluate_batch", "a NULL input in the array", kArg,
                [=] { return pw_evaluate_batch(lib, 1, nullInputs, results); }));
  m.push_back(L("pw_evaluate_batch", "the other library's result", kArg,
                [=] { return pw_evaluate_batch(lib, 1, inputs, otherResults); }));
  m.push_back(L("pw_evaluate_rows", "NULL values", kArg, [=]() mutable {
    return pw_evaluate_rows(lib, 1, nullptr, rowKnown.data(), rowState.data(), rowNumbers.data(), rowMissing.data());
  }));
  m.push_back(L("pw_evaluate_rows", "NULL state", kArg, [=]() mutable {
    return pw_evaluate_rows(lib, 1, rowValues.data(), rowKnown.data(), nullptr, rowNumbers.data(), rowMissing.data());
  }));
  m.push_back(L("pw_evaluate_rows", "NULL library", kArg, [=]() mutable {
    return pw_evaluate_rows(nullptr, 1, rowValues.data(), rowKnown.data(), rowState.data(), rowNumbers.data(),
                            rowMissing.data());
  }));
  m.push_back(L("pw_columns_layout_get", "NULL layout", kArg, [=] { return pw_columns_layout_get(lib, 1, nullptr); }));
  m.push_back(L("pw_columns_layout_get", "NULL library", kArg, [=]() mutable { return pw_columns_layout_get(nullptr, 1, &layout); }));
  m.push_back(L("pw_columns_layout_get", "a count whose arrays overflow size_t", PW_ERR_RANGE,
                [=]() mutable { return pw_columns_layout_get(lib, UINT64_MAX, &layout); }));
  m.push_back(L("pw_evaluate_columns", "NULL values", kArg, [=] {
    return pw_evaluate_columns(lib, 1, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  }));
  m.push_back(L("pw_evaluate_columns", "NULL library", kArg, [=] {
    return pw_evaluate_columns(nullptr, 1, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  }));
  m.push_back(L("pw_result_load", "NULL result", kArg, [=] { return pw_result_load(nullptr, nullptr, nullptr, nullptr); }));
  m.push_back(L("pw_result_load", "NULL state", kArg, [=]() mutable {
    return pw_result_load(fresh, nullptr, rowNumbers.data(), rowMissing.data());
  }));
  m.push_back(L("pw_result_load", "a state byte that is not a pw_tri", PW_ERR_RANGE, [=]() mutable {
    return pw_result_load(fresh, badState.data(), rowNumbers.data(), rowMissing.data());
  }));
  m.push_back(L("pw_result_load", "a NaN number", PW_ERR_RANGE, [=]() mutable {
    return pw_result_load(fresh, rowState.data(), nanNumbers.data(), rowMissing.data());
  }));
  // Results.
  m.push_back(L("pw_result_status", "NULL result", kArg, [=]() mutable { return pw_result_status(nullptr, 0, &status); }));
  m.push_back(L("pw_result_status", "NULL status", kArg, [=] { return pw_result_status(result, 0, nullptr); }));
  m.push_back(L("pw_result_status", "index past the end", kArg, [=]() mutable { return pw_result_status(result, nRecs, &status); }));
  m.push_back(L("pw_result_status", "never evaluated", PW_ERR_STATE, [=]() mutable { return pw_result_status(fresh, 0, &status); }));
  m.push_back(L("pw_result_condition", "NULL value", kArg, [=] { return pw_result_condition(result, 0, nullptr); }));
  m.push_back(L("pw_result_condition", "index past the end", kArg, [=]() mutable { return pw_result_condition(result, past, &tri); }));
  m.push_back(L("pw_result_condition", "never evaluated", PW_ERR_STATE, [=]() mutable { return pw_result_condition(fresh, 0, &tri); }));
  m.push_back(L("pw_result_superseded_by", "NULL count", kArg,
                [=]() mutable { return pw_result_superseded_by(result, 0, indices, 64, nullptr); }));
  m.push_back(L("pw_result_superseded_by", "NULL indices with a capacity", kArg,
                [=]() mutable { return pw_result_superseded_by(result, 0, nullptr, 4, &count); }));
  m.push_back(L("pw_result_superseded_by", "index past the end", kArg,
                [=]() mutable { return pw_result_superseded_by(result, past, indices, 64, &count); }));
  m.push_back(L("pw_result_missing", "NULL count", kArg, [=]() mutable { return pw_result_missing(result, 0, indices, 64, nullptr); }));
  m.push_back(L("pw_result_missing", "index past the end", kArg,
                [=]() mutable { return pw_result_missing(result, past, indices, 64, &count); }));
  m.push_back(L("pw_result_missing", "a buffer too small", PW_ERR_BUFFER_TOO_SMALL,
                [=]() mutable { return pw_result_missing(result, 1, indices, 0, &count); }));
  m.push_back(L("pw_result_missing", "never evaluated", PW_ERR_STATE,
                [=]() mutable { return pw_result_missing(fresh, 0, indices, 64, &count); }));
  uint8_t statusBytes[64];
  uint64_t masks[256];
  size_t masksCount = 0;
  m.push_back(L("pw_result_statuses", "NULL count", kArg, [=]() mutable { return pw_result_statuses(result, statusBytes, 64, nullptr); }));
  m.push_back(L("pw_result_statuses", "a buffer too small", PW_ERR_BUFFER_TOO_SMALL,
                [=]() mutable { return pw_result_statuses(result, statusBytes, 1, &count); }));
  m.push_back(L("pw_result_statuses", "NULL buffer with a capacity", kArg,
                [=]() mutable { return pw_result_statuses(result, nullptr, 4, &count); }));
  m.push_back(L("pw_result_statuses", "never evaluated", PW_ERR_STATE,
                [=]() mutable { return pw_result_statuses(fresh, statusBytes, 64, &count); }));
  m.push_back(L("pw_result_statuses", "NULL result", kArg, [=]() mutable { return pw_result_statuses(nullptr, statusBytes, 64, &count); }));
  for (const char* f : {"pw_result_missing_masks", "pw_result_superseded_masks"}) {
    using Masks = pw_status (*)(const pw_result*, uint64_t*, size_t, size_t*);
    Masks read = std::string(f) == "pw_result_missing_masks" ? pw_result_missing_masks : pw_result_superseded_masks;
    m.push_back(L(f, "NULL count", kArg, [=]() mutable { return read(result, masks, 256, nullptr); }));
    m.push_back(L(f, "a buffer too small", PW_ERR_BUFFER_TOO_SMALL, [=]() mutable { return read(result, masks, 1, &masksCount); }));
    m.push_back(L(f, "NULL buffer with a capacity", kArg, [=]() mutable { return read(result, nullptr, 8, &masksCount); }));
    m.push_back(L(f, "never evaluated", PW_ERR_STATE, [=]() mutable { return read(fresh, masks, 256, &masksCount); }));
    m.push_back(L(f, "NULL result", kArg, [=]() mutable { return read(nullptr, masks, 256, &masksCount); }));
  }
  m.push_back(L("pw_result_finding", "NULL value", kArg, [=] { return pw_result_finding(result, 0, nullptr); }));
  m.push_back(L("pw_result_finding", "index past the end", kArg, [=]() mutable { return pw_result_finding(result, past, &tri); }));
  m.push_back(L("pw_result_definition", "index past the end", kArg,
                [=]() mutable { return pw_result_definition(result, past, &tri, &number); }));
  m.push_back(L("pw_result_definition", "NULL result", kArg, [=]() mutable { return pw_result_definition(nullptr, 0, &tri, &number); }));
  m.push_back(L("pw_result_to_json", "NULL length", kArg, [=]() mutable { return pw_result_to_json(result, buffer, sizeof buffer, nullptr); }));
  m.push_back(L("pw_result_to_json", "a buffer too small", PW_ERR_BUFFER_TOO_SMALL,
                [=]() mutable { return pw_result_to_json(result, buffer, sizeof buffer, &length); }));
  m.push_back(L("pw_result_to_json", "NULL buffer with a capacity", kArg,
                [=]() mutable { return pw_result_to_json(result, nullptr, 100, &length); }));
  m.push_back(L("pw_result_to_json", "never evaluated", PW_ERR_STATE,
                [=]() mutable { return pw_result_to_json(fresh, buffer, sizeof buffer, &length); }));
  m.push_back(L("pw_result_explain", "a format that is not one", kArg, [=]() mutable {
    return pw_result_explain(result, 0, static_cast<pw_explain_format>(7), buffer, sizeof buffer, &length);
  }));
  m.push_back(L("pw_result_explain", "index past the end", kArg,
                [=]() mutable { return pw_result_explain(result, nRecs, PW_EXPLAIN_TEXT, buffer, sizeof buffer, &length); }));
  m.push_back(L("pw_result_explain", "a buffer too small", PW_ERR_BUFFER_TOO_SMALL,
                [=]() mutable { return pw_result_explain(result, 0, PW_EXPLAIN_TEXT, buffer, sizeof buffer, &length); }));
  m.push_back(L("pw_result_explain", "not traced", PW_ERR_STATE,
                [=]() mutable { return pw_result_explain(fresh, 0, PW_EXPLAIN_TEXT, buffer, sizeof buffer, &length); }));
  m.push_back(L("pw_last_error", "names the argument of the last failure", PW_OK, [=] {
    pw_status s = pw_input_set_bool(input, past, 1);
    return s == kArg && std::string(pw_last_error()).find("out of range") != std::string::npos ? PW_OK
                                                                                              : PW_ERR_INTERNAL;
  }));
  (void)pain;
  return m;
}

TEST_F(ApiAttack, EveryMisuseFailsCleanlyAndChangesNothing) {
  const std::string before = snapshot();
  std::vector<Misuse> cases = misuses();
  ASSERT_GT(cases.size(), 100u);
  for (const Misuse& m : cases) {
    const pw_status got = m.call();
    EXPECT_EQ(got, m.expected) << m.function << ": " << m.what << " (" << pw_last_error() << ")";
    if (m.expected != PW_OK) {
      EXPECT_FALSE(std::string(pw_last_error()).empty()) << m.function << ": " << m.what << " gave no message";
    }
    EXPECT_EQ(snapshot(), before) << m.function << ": " << m.what << " changed the input or the result";
  }
}

// A function added to pathway.h without misuse cases fails here.
TEST_F(ApiAttack, EveryFunctionOfTheHeaderIsAttacked) {
  std::ifstream header(std::string(PATHWAY_SOURCE_DIR) + "/runtime/include/pathway/pathway.h");
  std::stringstream text;
  text << header.rdbuf();
  std::set<std::string> declared;
  const std::string all = text.str();
  for (size_t at = 0; (at = all.find("PW_API ", at)) != std::string::npos; at += 7) {
    if (at >= 8 && all.compare(at - 8, 8, "#define ") == 0) continue;
    const size_t open = all.find('(', at);
    size_t begin = open;
    while (begin > at && (std::isalnum(static_cast<unsigned char>(all[begin - 1])) || all[begin - 1] == '_')) --begin;
    declared.insert(all.substr(begin, open - begin));
  }
  ASSERT_GT(declared.size(), 40u);
  std::set<std::string> attacked;
  for (const Misuse& m : misuses()) attacked.insert(m.function);
  for (const std::string& f : declared) EXPECT_TRUE(attacked.count(f)) << f << " has no misuse case";
}

}  // namespace
}  // namespace pathway::test
