// pathwayc run/explain --fhir: every rule of docs/fhir.md on small Bundles
// written by the tests (records to inputs, windows, tie-breaks, statuses,
// absence, units, provenance) and the errors for bad records.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/Cli.h"
#include "support/FhirJson.h"

namespace pathway::test {
namespace {

using Json = nlohmann::json;
using fhirjson::bundle;
using fhirjson::quantity;
using fhirjson::coded;

constexpr const char* kPathway = R"PW(pathway fhirtest {
  title "FHIR binding rules";
  version "1.0.0";
  source s "src" { S1.P1 }
}
enum Disc { none, small, large }
input esr: mm/h in 0..150 "ESR";
input crp: mg/L in 0..500 "CRP";
input as_active: bool "AS now";
input as_history: bool "AS ever";
input score: int in 0..10 "Pain score";
input pt_weeks: weeks in 0..520 "Weeks of PT";
input disc: Disc "Disc";
input fever: bool "Fever";
input back_pain_months: months in 0..600 "Back pain duration";
input adherence: % in 0..100 "Adherence (unbound)";

codeset esr_codes { loinc "4537-7", loinc "30341-2" }
codeset crp_codes { loinc "1988-5" }
codeset as_codes { snomed "9631008" }
codeset pain_codes { loinc "72514-3" }
codeset pt_codes { snomed "91251008" }
codeset small_disc { "urn:test" "small" }
codeset large_disc { "urn:test" "large" }
codeset fever_codes { snomed "386661006" }
codeset back_pain { snomed "279039007" }

fhir esr { observation esr_codes; within 90 days; }
fhir crp { observation crp_codes; within 90 days; }
fhir as_active { condition as_codes; }
fhir as_history { condition as_codes; status history; }
fhir score { observation pain_codes; within 30 days; }
fhir pt_weeks { procedure pt_codes; measure span; within 1 year; }
fhir disc { condition { small_disc: small, large_disc: large }; select highest; absent none; }
fhir fever { condition fever_codes; within 14 days; }
fhir back_pain_months { condition back_pain; measure onset; }

recommendation r {
  label "R";
  when esr > 20 mm/h or crp > 10 mg/L or as_active or as_history or score > 5 or pt_weeks > 6 weeks
       or disc == large or fever or back_pain_months > 3 months or adherence < 50%;
  category execution; urgency routine; rationale "x"; cite S1.P1;
}
)PW";

constexpr const char* kNow = "2026-12-03T09:00:00Z";


Json observation(const std::string& id, const std::string& loinc, const std::string& when, Json value,
                 const std::string& status = "final") {
  Json o = {{"resourceType", "Observation"}, {"id", id}, {"status", status},
            {"code", coded("http://loinc.org", loinc)}, {"effectiveDateTime", when}};
  o.update(value);
  return o;
}


Json condition(const std::string& id, const std::string& system, const std::string& code, const std::string& clinical,
               const std::string& onset, const std::string& verification = "confirmed") {
  return {{"resourceType", "Condition"},
          {"id", id},
          {"clinicalStatus", coded("http://terminology.hl7.org/CodeSystem/condition-clinical", clinical)},
          {"verificationStatus", coded("http://terminology.hl7.org/CodeSystem/condition-ver-status", verification)},
          {"code", coded(system, code)},
          {"onsetDateTime", onset}};
}


class FhirCli : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    pathway_ = write("fhirtest.pw", kPathway);
  }
  // The result JSON for `records`, or the failed outcome's text in `error`.
  Json evaluate(const Json& records, const std::string& extra = "", std::string* error = nullptr) {
    std::string file = write("bundle.json", records.dump());
    Outcome o = run(pathway_ + " --fhir " + file + " --now " + kNow + " " + extra, false);
    if (o.exit != 0) {
      Outcome again = run(pathway_ + " --fhir " + file + " --now " + kNow + " " + extra);
      if (error) *error = again.output;
      return nullptr;
    }
    return Json::parse(o.output);
  }
  std::string failure(const Json& records) {
    std::string error;
    Json out = evaluate(records, "", &error);
    EXPECT_TRUE(out.is_null()) << "expected an error";
    return error;
  }
  Outcome run(const std::string& args, bool withStderr = true) { return test::run("run " + args, withStderr); }
  std::string pathway_;
};

TEST_F(FhirCli, LatestObservationInsideTheWindowWinsAndCarriesItsEvidence) {
  Json out = evaluate(bundle({observation("esr-old", "4537-7", "2026-01-01T09:00:00Z", quantity(80, "mm/h")),
                              observation("esr-1", "30341-2", "2026-11-20T09:00:00Z", quantity(32, "mm/h")),
                              observation("esr-0", "4537-7", "2026-10-01T09:00:00Z", quantity(12, "mm/h"))}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
  EXPECT_EQ(out["evidence"]["esr"]["element"], "valueQuantity");
  EXPECT_EQ(out["evidence"]["esr"]["effective"], "2026-11-20T09:00:00Z");
  EXPECT_EQ(out["evidence"]["esr"]["value"], "32 mm/h");
  EXPECT_EQ(out["recommendations"][0]["status"], "fire");
}

TEST_F(FhirCli, AnObservationOutsideTheWindowIsIgnored) {
  Json out = evaluate(bundle({observation("esr-old", "4537-7", "2026-08-01T09:00:00Z", quantity(80, "mm/h"))}));
  ASSERT_FALSE(out.is_null());
  EXPECT_FALSE(out["evidence"].contains("esr")) << out.dump();
}

TEST_F(FhirCli, TwoOnOneDayTheLaterTimeWinsAndAnExactTieGoesToTheGreaterId) {
  Json out = evaluate(bundle({observation("crp-b", "1988-5", "2026-12-01T08:00:00Z", quantity(50, "mg/L")),
                              observation("crp-a", "1988-5", "2026-12-01T17:00:00+01:00", quantity(4, "mg/L"))}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["crp"]["resource"], "Observation/crp-a");  // 16:00Z is later than 08:00Z
  out = evaluate(bundle({observation("crp-b", "1988-5", "2026-12-01T08:00:00Z", quantity(50, "mg/L")),
                         observation("crp-a", "1988-5", "2026-12-01T08:00:00Z", quantity(4, "mg/L"))}));
  EXPECT_EQ(out["evidence"]["crp"]["resource"], "Observation/crp-b");
}

TEST_F(FhirCli, ACrpInMilligramsPerDecilitreIsConverted) {
  Json out = evaluate(bundle({observation("crp-1", "1988-5", "2026-12-01T08:00:00Z", quantity(3.2, "mg/dL"))}),
                      "--full");
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["crp"]["value"], "3.2 mg/dL");
  EXPECT_EQ(out["recommendations"][0]["status"], "fire");  // 32 mg/L > 10 mg/L
}

TEST_F(FhirCli, EnteredInErrorAndPreliminaryObservationsDoNotCount) {
  Json out = evaluate(bundle({observation("esr-1", "4537-7", "2026-11-20T09:00:00Z", quantity(10, "mm/h")),
                              observation("esr-2", "4537-7", "2026-11-25T09:00:00Z", quantity(90, "mm/h"),
                                          "entered-in-error"),
                              observation("esr-3", "4537-7", "2026-11-26T09:00:00Z", quantity(95, "mm/h"),
                                          "preliminary")}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
}

TEST_F(FhirCli, ConditionStatusesRefutedResolvedAndHistory) {
  const std::string sct = "http://snomed.info/sct";
  Json out = evaluate(bundle({condition("as-1", sct, "9631008", "resolved", "2019-05-01")}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["as_active"]["value"], "resolved");
  EXPECT_EQ(out["evidence"]["as_history"]["value"], "resolved");
  // active: false, history: true; the JSON result has no input values, so ask explain.
  Outcome explained = test::run("explain " + pathway_ + " --fhir " + write("c.json", bundle({condition(
      "as-1", sct, "9631008", "resolved", "2019-05-01")}).dump()) + " --now " + kNow + " --all");
  EXPECT_NE(explained.output.find("as_active = false [Condition/as-1, 2019-05-01]"), std::string::npos)
      << explained.output;
  EXPECT_NE(explained.output.find("as_history = true [Condition/as-1, 2019-05-01]"), std::string::npos);
  explained = test::run("explain " + pathway_ + " --fhir " + write("d.json", bundle({condition(
      "as-2", sct, "9631008", "active", "2019-05-01", "refuted")}).dump()) + " --now " + kNow + " --all");
  EXPECT_NE(explained.output.find("as_active = false [Condition/as-2"), std::string::npos) << explained.output;
  EXPECT_NE(explained.output.find("as_history = false [Condition/as-2"), std::string::npos);
}

TEST_F(FhirCli, NoRecordIsUnknownUnlessTheBindingSaysWhatAbsenceMeans) {
  Json out = evaluate(bundle(Json::array()), "--full");
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"].size(), 1u) << out.dump();  // disc: absent means none
  EXPECT_EQ(out["evidence"]["disc"]["value"], "no matching record (absent means none)");
  EXPECT_EQ(out["recommendations"][0]["status"], "undetermined");
}

TEST_F(FhirCli, UnboundInputsComeFromThePatientJsonAndBoundOnesFromRecordsOverIt) {
  std::string patient = write("patient.json", R"({"adherence": 30, "esr": 5})");
  Json out = evaluate(bundle({observation("esr-1", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h"))}),
                      "--input " + patient);
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["recommendations"][0]["status"], "fire");
  EXPECT_EQ(out["evidence"]["esr"]["value"], "32 mm/h");
  EXPECT_FALSE(out["evidence"].contains("adherence"));
}

TEST_F(FhirCli, FutureRecordsAreNotYetKnown) {
  Json out = evaluate(bundle({observation("esr-f", "4537-7", "2026-12-24T09:00:00Z", quantity(80, "mm/h"))}));
  ASSERT_FALSE(out.is_null());
  EXPECT_FALSE(out["evidence"].contains("esr"));
}

TEST_F(FhirCli, HighestMappedLabelAndProcedureSpanAndOnset) {
  Json pt1 = {{"resourceType", "Procedure"}, {"id", "pt-1"}, {"status", "completed"},
              {"code", coded("http://snomed.info/sct", "91251008")}, {"performedDateTime", "2026-09-01T10:00:00Z"}};
  Json pt2 = pt1;
  pt2["id"] = "pt-9";
  pt2["performedDateTime"] = "2026-11-24T10:00:00Z";
  Json small = condition("d1", "urn:test", "small", "active", "2026-10-01");
  Json large = condition("d2", "urn:test", "large", "active", "2026-09-01");
  Json pain = condition("lbp", "http://snomed.info/sct", "279039007", "active", "2026-06-03");
  Outcome o = test::run("explain " + pathway_ + " --fhir " + write("b.json", bundle({pt1, pt2, small, large, pain}).dump()) +
                        " --now " + kNow + " --all");
  EXPECT_NE(o.output.find("pt_weeks = 12 weeks [Procedure/pt-1 .. Procedure/pt-9"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("disc = large [Condition/d2"), std::string::npos);
  EXPECT_NE(o.output.find("back_pain_months = 6.02"), std::string::npos) << o.output;
}

TEST_F(FhirCli, AScoreMayBeAUnitlessOrAnnotatedQuantityButNotAnotherUnit) {
  Json out = evaluate(bundle({observation("p-1", "72514-3", "2026-12-01T09:00:00Z", quantity(7, "{score}"))}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["score"]["value"], "7 {score}");
  std::string error = failure(bundle({observation("p-2", "72514-3", "2026-12-01T09:00:00Z", quantity(7, "mg"))}));
  EXPECT_NE(error.find("Observation/p-2 (/entry/0/resource/valueQuantity/code): unit 'mg' is not a pure number"),
            std::string::npos) << error;
}

TEST_F(FhirCli, BadRecordsAreErrorsNamingTheResourceAndPointer) {
  struct Case {
    Json records;
    std::string message;
  };
  Json noId = observation("x", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h"));
  noId.erase("id");
  Json noUnit = observation("esr-u", "4537-7", "2026-11-20T09:00:00Z", {{"valueQuantity", {{"value", 32}}}});
  Json annotated = observation("esr-a", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "{score}"));
  Json wrongUnit = observation("esr-w", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mmol/L"));
  Json noZone = observation("esr-z", "4537-7", "2026-11-20T09:00:00", quantity(32, "mm/h"));
  Json noTime = observation("esr-t", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h"));
  noTime.erase("effectiveDateTime");
  Json tooHigh = observation("esr-h", "4537-7", "2026-11-20T09:00:00Z", quantity(400, "mm/h"));
  Json badStatus = observation("esr-s", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h"), "done");
  Json text = observation("esr-v", "4537-7", "2026-11-20T09:00:00Z", {{"valueString", "32"}});
  const Case cases[] = {
      {bundle({noId}), "Observation (/entry/0/resource): a matching record has no id"},
      {bundle({noUnit}), "Observation/esr-u (/entry/0/resource/valueQuantity): has no unit; input 'esr' is in mm/h"},
      {bundle({annotated}), "Observation/esr-a (/entry/0/resource/valueQuantity/code): unit '{score}' cannot be converted to mm/h"},
      {bundle({wrongUnit}), "unit 'mmol/L' cannot be converted to mm/h (input 'esr')"},
      {bundle({noZone}), "Observation/esr-z (/entry/0/resource/effectiveDateTime): '2026-11-20T09:00:00': a time needs a time zone offset"},
      {bundle({noTime}), "Observation/esr-t (/entry/0/resource): has no effective[x]"},
      {bundle({tooHigh}), "Observation/esr-h (/entry/0/resource): input 'esr' must be in 0..150 mm/h, got 400 mm/h"},
      {bundle({badStatus}), "Observation/esr-s (/entry/0/resource/status): 'done' is not an Observation status"},
      {bundle({text}), "Observation/esr-v (/entry/0/resource): the value is not a Quantity"},
      {Json::array({{{"resourceType", "Procedure"}, {"id", "pt-x"}, {"status", "finished"},
                     {"code", coded("http://snomed.info/sct", "91251008")}, {"performedDateTime", "2026-11-01"}}}),
       "Procedure/pt-x (/0/status): 'finished' is not a Procedure status"},
      {Json::array({42}), "/0 is not a FHIR resource"},
      {Json(7), "neither a resource, a Bundle nor an array"},
      {Json::object(), "the document has no resourceType"},
  };
  for (const Case& c : cases) {
    std::string error = failure(c.records);
    EXPECT_NE(error.find(c.message), std::string::npos) << "expected: " << c.message << "\n got: " << error;
  }
  std::string file = write("broken.json", "{\"resourceType\": \"Bundle\", ");
  Outcome o = test::run("run " + pathway_ + " --fhir " + file + " --now " + kNow);
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("the FHIR document is not JSON"), std::string::npos) << o.output;
  // A number too large for a double (found by the fuzzer: was an internal error).
  file = write("overflow.json", R"({"resourceType": "Bundle", "total": 1e400})");
  o = test::run("run " + pathway_ + " --fhir " + file + " --now " + kNow);
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("the FHIR document is not JSON: [json.exception.out_of_range.406] number overflow"),
            std::string::npos) << o.output;
}

TEST_F(FhirCli, UnknownResourceTypesAndUnboundCodesAreIgnored) {
  Json other = observation("hb", "718-7", "2026-11-20T09:00:00Z", {{"valueString", "whatever"}});
  Json odd = {{"resourceType", "Flag"}, {"status", "nonsense"}};
  Json out = evaluate(bundle({other, odd}));
  ASSERT_FALSE(out.is_null());
}

TEST_F(FhirCli, ABareArrayOfResourcesAndOneResourceAreAccepted) {
  Json esr = observation("esr-1", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h"));
  Json out = evaluate(Json::array({esr}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
  out = evaluate(esr);
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
  // An array may hold Bundles (a CDS Hooks prefetch: one searchset per query); a Bundle in a Bundle is an error.
  Json crp = observation("crp-1", "1988-5", "2026-11-20T09:00:00Z", quantity(20, "mg/L"));
  out = evaluate(Json::array({bundle({esr}), crp}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
  EXPECT_EQ(out["evidence"]["crp"]["resource"], "Observation/crp-1");
  std::string error = failure(Json::array({bundle({bundle({esr})})}));
  EXPECT_NE(error.find("Bundle (/0/entry/0/resource): a Bundle inside a Bundle"), std::string::npos) << error;
}

TEST_F(FhirCli, AHundredThousandEntriesAreRead) {
  Json entries = Json::array();
  for (int i = 0; i < 100000; ++i) {
    entries.push_back(observation("hb-" + std::to_string(i), "718-7", "2026-11-20T09:00:00Z", quantity(140, "g/L")));
  }
  entries.push_back(observation("esr-1", "4537-7", "2026-11-20T09:00:00Z", quantity(32, "mm/h")));
  Json out = evaluate(bundle(entries));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
}

TEST_F(FhirCli, TheEvaluationTimeMustCarryAnOffsetAndRunNeedsAnInput) {
  std::string file = write("b.json", bundle(Json::array()).dump());
  Outcome o = test::run("run " + pathway_ + " --fhir " + file + " --now 2026-12-03");
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("the evaluation time '2026-12-03' is not a FHIR dateTime with a time and offset"),
            std::string::npos) << o.output;
  o = test::run("run " + pathway_);
  EXPECT_EQ(o.exit, 2);
  EXPECT_NE(o.output.find("run needs --input (patient JSON) or --fhir"), std::string::npos) << o.output;
}

// The sample patients from their records: each Bundle alone (records for
// the bound inputs, a QuestionnaireResponse for the rest) gives exactly the
// JSON patient's statuses and missing lists.
class FhirSamples : public ::testing::TestWithParam<const char*> {};

TEST_P(FhirSamples, TheBundleGivesTheJsonPatientsResult) {
  const std::string root = PATHWAY_SOURCE_DIR;
  const std::string pw = root + "/pathways/pt_failure.pw";
  const std::string name = GetParam();
  Outcome fromRecords = test::run("run " + pw + " --fhir " + root + "/pathways/pt_failure/fhir/patients/" + name +
                                      " --now 2026-12-03T09:00:00Z",
                                  false);
  Outcome fromJson = test::run("run " + pw + " --input " + root + "/pathways/pt_failure/patients/" + name, false);
  ASSERT_EQ(fromRecords.exit, 0) << fromRecords.output;
  ASSERT_EQ(fromJson.exit, 0);
  Json a = Json::parse(fromRecords.output), b = Json::parse(fromJson.output);
  ASSERT_EQ(a["recommendations"].size(), b["recommendations"].size());
  for (size_t i = 0; i < a["recommendations"].size(); ++i) {
    EXPECT_EQ(a["recommendations"][i]["status"], b["recommendations"][i]["status"]) << a["recommendations"][i]["code"];
    EXPECT_EQ(a["recommendations"][i].value("missing", Json::array()), b["recommendations"][i].value("missing", Json::array()))
        << a["recommendations"][i]["code"];
  }
  // Every fact the JSON patient knows came from a record or an answer
  // (patient 02's "no imaging" has no record: its evidence is absent).
  Json patient = Json::parse(slurp(root + "/pathways/pt_failure/patients/" + name));
  for (const auto& [input, value] : patient.items()) {
    if (name == "02_too_short_trial.json" && input == "prior_imaging") continue;
    EXPECT_TRUE(a["evidence"].contains(input)) << input;
  }
}

INSTANTIATE_TEST_SUITE_P(PtFailure, FhirSamples,
                         ::testing::Values("01_nonadherence.json", "02_too_short_trial.json",
                                           "03_red_flags_fever_weight_loss.json", "04_cauda_equina.json",
                                           "05_radicular_needs_mri_emg.json", "06_inflammatory_raised_markers.json",
                                           "07_spondylolisthesis_instability.json", "08_missing_data.json"));

TEST(FhirSamplesEvidence, Patient05NamesItsRecordsAndAnswers) {
  const std::string root = PATHWAY_SOURCE_DIR;
  Outcome o = test::run("run " + root + "/pathways/pt_failure.pw --fhir " + root +
                            "/pathways/pt_failure/fhir/patients/05_radicular_needs_mri_emg.json --now 2026-12-03T09:00:00Z",
                        false);
  ASSERT_EQ(o.exit, 0) << o.output;
  Json a = Json::parse(o.output);
  EXPECT_EQ(a["evidence"]["prior_imaging"]["resource"], "Procedure/xray-lumbar");
  EXPECT_EQ(a["evidence"]["pain_now"]["value"], "6");
  EXPECT_EQ(a["evidence"]["radicular_duration"]["element"], "onsetDateTime");
  EXPECT_EQ(a["evidence"]["exercise_adherence"]["resource"].get<std::string>().rfind("QuestionnaireResponse/", 0), 0u);
}

// One Bundle per record rule (pathways/pt_failure/fhir/rules): the evidence
// (or error) each must give, from rules/expected.jsonc; "as_input" is the
// value the input holds, as explain prints it.
TEST(FhirRules, EachRuleBundleGivesItsExpectedInputs) {
  const std::string root = PATHWAY_SOURCE_DIR;
  const std::string dir = root + "/pathways/pt_failure/fhir/rules/";
  const std::string pw = root + "/pathways/pt_failure.pw";
  Json expected = Json::parse(slurp(dir + "expected.jsonc"));
  ASSERT_GE(expected.size(), 13u);
  for (const auto& [file, rule] : expected.items()) {
    SCOPED_TRACE(file);
    const std::string args = pw + " --fhir " + dir + file + " --now " + rule["now"].get<std::string>();
    Outcome o = test::run("run " + args, rule["error"].get<bool>());
    if (rule["error"].get<bool>()) {
      EXPECT_EQ(o.exit, 1) << o.output;
      EXPECT_NE(o.output.find(rule["error_contains"].get<std::string>()), std::string::npos) << o.output;
      continue;
    }
    ASSERT_EQ(o.exit, 0) << o.output;
    Json evidence = Json::parse(o.output)["evidence"];
    std::string explained = test::run("explain " + args + " --all", false).output;
    for (const auto& [input, want] : rule["inputs"].items()) {
      if (want.is_null()) {
        EXPECT_FALSE(evidence.contains(input)) << input << ": " << evidence.dump();
        continue;
      }
      ASSERT_TRUE(evidence.contains(input)) << input << ": " << evidence.dump();
      EXPECT_EQ(evidence[input]["resource"], want["resource"]) << input;
      EXPECT_EQ(evidence[input]["value"], want["value"]) << input;
      if (want.contains("as_input")) {
        std::string line = input + " = " + want["as_input"].get<std::string>() + " [" + want["resource"].get<std::string>();
        EXPECT_NE(explained.find(line), std::string::npos) << line;
      }
    }
  }
}

}  // namespace
}  // namespace pathway::test
