// pathwayc export questionnaire, and QuestionnaireResponses read by
// run --fhir: the generated items, every answer type and its checks, which
// responses count, and the errors (docs/fhir.md, "The Questionnaire").
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/Cli.h"
#include "support/FhirJson.h"

namespace pathway::test {
namespace {

using Json = nlohmann::json;
using fhirjson::bundle;
using fhirjson::quantity;

constexpr const char* kPathway = R"PW(pathway qtest {
  title "Questionnaire rules";
  version "1.2.0";
  source s "src" { S1.P1 }
}
enum Grade { none, low_grade, high_grade }
input esr: mm/h in 0..150 "ESR";
input adherent: bool "Patient did the exercises";
input score: int in 0..10 "Pain score at the start";
input ratio: number in 0..2 "A plain number";
input weeks_done: weeks in 0..520 "Weeks of PT";
input slip: Grade "Vertebral slip";
input level: int "An int without a range";

codeset esr_codes { loinc "4537-7" }
fhir esr { observation esr_codes; within 90 days; }

recommendation r {
  label "R";
  when esr > 20 mm/h or adherent or score > 5 or ratio > 1 or weeks_done > 6 weeks or slip == high_grade
       or level > 3;
  category execution; urgency routine; rationale "x"; cite S1.P1;
}
)PW";

constexpr const char* kUnbound = R"PW(pathway plain {
  title "No bindings";
  version "3.0.0";
  source s "src" { S1.P1 }
}
input adherent: bool "Patient did the exercises";
recommendation r { label "R"; when adherent; category execution; urgency routine; rationale "x"; cite S1.P1; }
)PW";

constexpr const char* kNow = "2026-12-03T09:00:00Z";
constexpr const char* kCanonical = "urn:pathway:qtest:questionnaire|1.2.0";

Json answer(const std::string& linkId, Json value) {
  return {{"linkId", linkId}, {"answer", Json::array({value})}};
}

Json response(const std::string& id, Json items, const std::string& authored = "2026-12-01T10:00:00Z",
              const std::string& status = "completed", const std::string& canonical = kCanonical) {
  Json r = {{"resourceType", "QuestionnaireResponse"}, {"id", id}, {"questionnaire", canonical},
            {"status", status}, {"item", std::move(items)}};
  if (!authored.empty()) r["authored"] = authored;
  return r;
}

Json coding(const std::string& label, const std::string& system = "urn:pathway:qtest:enum:Grade") {
  return {{"valueCoding", {{"system", system}, {"code", label}}}};
}



class QuestionnaireCli : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    pathway_ = write("qtest.pw", kPathway);
  }
  Outcome fhir(const Json& document, const std::string& command = "run", const std::string& extra = "") {
    std::string file = write("doc.json", document.dump());
    return test::run(command + " " + pathway_ + " --fhir " + file + " --now " + kNow + " " + extra);
  }
  Json evaluate(const Json& document) {
    Outcome o = fhir(document);
    EXPECT_EQ(o.exit, 0) << o.output;
    return o.exit == 0 ? Json::parse(o.output) : Json();
  }
  std::string failure(const Json& document) {
    Outcome o = fhir(document);
    EXPECT_EQ(o.exit, 1) << o.output;
    return o.output;
  }
  std::string explain(const Json& document) { return fhir(document, "explain", "--all").output; }
  std::string pathway_;
};

TEST_F(QuestionnaireCli, ExportListsTheUnboundInputsInOrderWithTheirTypesRangesUnitsAndLabels) {
  Outcome o = test::run("export questionnaire " + pathway_, false);
  ASSERT_EQ(o.exit, 0) << o.output;
  Json q = Json::parse(o.output);
  EXPECT_EQ(q["resourceType"], "Questionnaire");
  EXPECT_EQ(q["url"], "urn:pathway:qtest:questionnaire");
  EXPECT_EQ(q["version"], "1.2.0");
  EXPECT_EQ(q["name"], "Qtest");
  EXPECT_EQ(q["title"], "Questionnaire rules");
  EXPECT_EQ(q["status"], "active");
  ASSERT_EQ(q["item"].size(), 6u) << q.dump(1);  // esr has a binding
  std::vector<std::string> ids, types;
  for (const Json& item : q["item"]) {
    ids.push_back(item["linkId"]);
    types.push_back(item["type"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"adherent", "score", "ratio", "weeks_done", "slip", "level"}));
  EXPECT_EQ(types, (std::vector<std::string>{"boolean", "integer", "decimal", "quantity", "choice", "integer"}));
  EXPECT_EQ(q["item"][0]["text"], "Patient did the exercises");
  EXPECT_EQ(q["item"][0].count("extension"), 0u);
  const Json& score = q["item"][1]["extension"];
  EXPECT_EQ(score[0], (Json{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 0}}));
  EXPECT_EQ(score[1], (Json{{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", 10}}));
  EXPECT_EQ(q["item"][2]["extension"][1]["valueDecimal"], 2.0);
  // A duration: the declared unit first, then the others of its dimension; its range in that unit.
  std::vector<std::string> units;
  for (const Json& e : q["item"][3]["extension"]) {
    if (e["url"] == "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption") units.push_back(e["valueCoding"]["code"]);
  }
  EXPECT_EQ(units, (std::vector<std::string>{"wk", "d", "mo", "a"}));
  EXPECT_EQ(q["item"][3]["extension"].back()["url"],
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity");
  EXPECT_EQ(q["item"][3]["extension"].back()["valueQuantity"]["value"], 520.0);
  EXPECT_EQ(q["item"][3]["extension"].back()["valueQuantity"]["code"], "wk");
  const Json& options = q["item"][4]["answerOption"];
  ASSERT_EQ(options.size(), 3u);
  EXPECT_EQ(options[1]["valueCoding"],
            (Json{{"system", "urn:pathway:qtest:enum:Grade"}, {"code", "low_grade"}, {"display", "low grade"}}));
  EXPECT_EQ(q["item"][5].count("extension"), 0u);  // no range, no bounds
  // -o writes the same text to a file.
  std::string out = (dir_ / "q.json").string();
  ASSERT_EQ(test::run("export questionnaire " + pathway_ + " -o " + out).exit, 0);
  EXPECT_EQ(slurp(out), o.output);
}

TEST_F(QuestionnaireCli, ExportNeedsAKindAndAPathway) {
  Outcome o = test::run("export " + pathway_);
  EXPECT_EQ(o.exit, 2) << o.output;
  o = test::run("export questionnaire " + (dir_ / "missing.pw").string());
  EXPECT_EQ(o.exit, 1) << o.output;
  EXPECT_NE(o.output.find("missing.pw"), std::string::npos) << o.output;
  o = test::run("export questionnaire " + pathway_ + " -o " + pathway_);
  EXPECT_EQ(o.exit, 2) << o.output;
}

TEST_F(QuestionnaireCli, EveryAnswerTypeFillsItsInputWithEvidence) {
  Json qr = response("qr-1", {answer("adherent", {{"valueBoolean", true}}), answer("score", {{"valueInteger", 7}}),
                              answer("ratio", {{"valueDecimal", 1.5}}), answer("weeks_done", quantity(21, "d")),
                              answer("slip", coding("high_grade")), answer("level", {{"valueInteger", -4}})});
  Json out = evaluate(qr);
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["recommendations"][0]["status"], "fire");
  EXPECT_EQ(out["evidence"]["adherent"],
            (Json{{"resource", "QuestionnaireResponse/qr-1"}, {"element", "item/0/answer/0/valueBoolean"},
                  {"effective", "2026-12-01T10:00:00Z"}, {"value", "true"}}));
  EXPECT_EQ(out["evidence"]["weeks_done"]["value"], "21 d");
  EXPECT_EQ(out["evidence"]["slip"]["value"], "high_grade");
  std::string text = explain(qr);
  EXPECT_NE(text.find("weeks_done = 3 weeks [QuestionnaireResponse/qr-1, 2026-12-01T10:00:00Z]"), std::string::npos)
      << text;
  EXPECT_NE(text.find("ratio = 1.5"), std::string::npos);
  EXPECT_NE(text.find("level = -4"), std::string::npos);
}

TEST_F(QuestionnaireCli, AResponseInABundleJoinsTheRecordsAndGroupsAreRead) {
  Json esr = {{"resourceType", "Observation"}, {"id", "esr-1"}, {"status", "final"},
              {"code", {{"coding", Json::array({{{"system", "http://loinc.org"}, {"code", "4537-7"}}})}}},
              {"effectiveDateTime", "2026-11-20T09:00:00Z"},
              {"valueQuantity", {{"value", 12}, {"unit", "mm/h"}, {"system", "http://unitsofmeasure.org"}, {"code", "mm/h"}}}};
  Json group = {{"linkId", "delivery"}, {"text", "PT delivery"},
                {"item", Json::array({answer("adherent", {{"valueBoolean", false}}), {{"linkId", "score"}}})}};
  Json out = evaluate(bundle({esr, response("qr-1", {group})}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["esr"]["resource"], "Observation/esr-1");
  EXPECT_EQ(out["evidence"]["adherent"]["element"], "item/0/item/0/answer/0/valueBoolean");
  EXPECT_FALSE(out["evidence"].contains("score"));  // a question left unanswered: unknown
  EXPECT_EQ(out["recommendations"][0]["status"], "undetermined");
}

TEST_F(QuestionnaireCli, TheLatestResponseWinsPerQuestionAndOnlyFinishedPastOnesCount) {
  Json older = response("qr-a", {answer("score", {{"valueInteger", 2}}), answer("adherent", {{"valueBoolean", false}})},
                        "2026-11-01T10:00:00Z");
  Json newer = response("qr-b", {answer("score", {{"valueInteger", 4}})}, "2026-11-20T10:00:00Z", "amended");
  Json draft = response("qr-c", {answer("score", {{"valueInteger", 9}})}, "2026-11-30T10:00:00Z", "in-progress");
  Json wrong = response("qr-d", {answer("score", {{"valueInteger", 9}})}, "2026-11-30T10:00:00Z", "entered-in-error");
  Json stopped = response("qr-e", {answer("score", {{"valueInteger", 9}})}, "2026-11-30T10:00:00Z", "stopped");
  Json future = response("qr-f", {answer("score", {{"valueInteger", 9}})}, "2026-12-10T10:00:00Z");
  Json other = response("phq", {answer("q1", {{"valueInteger", 3}})}, "2026-11-30T10:00:00Z", "completed",
                        "http://example.org/Questionnaire/phq-9|1.0");
  Json out = evaluate(bundle({newer, draft, older, wrong, stopped, future, other}));
  ASSERT_FALSE(out.is_null());
  EXPECT_EQ(out["evidence"]["score"]["resource"], "QuestionnaireResponse/qr-b");
  EXPECT_EQ(out["evidence"]["score"]["value"], "4");
  EXPECT_EQ(out["evidence"]["adherent"]["resource"], "QuestionnaireResponse/qr-a");
  // Equal times: the greater id wins; an undated response is older than any dated one.
  Json x = response("qr-x", {answer("score", {{"valueInteger", 1}})}, "2026-11-20T10:00:00Z");
  Json y = response("qr-y", {answer("score", {{"valueInteger", 3}})}, "2026-11-20T10:00:00Z");
  Json undated = response("qr-z", {answer("score", {{"valueInteger", 8}})}, "");
  out = evaluate(bundle({y, undated, x}));
  EXPECT_EQ(out["evidence"]["score"]["resource"], "QuestionnaireResponse/qr-y");
}

TEST_F(QuestionnaireCli, BadResponsesAreErrorsNamingTheResourceAndPointer) {
  struct Case {
    Json document;
    std::string message;
  };
  Json noId = response("x", {answer("adherent", {{"valueBoolean", true}})});
  noId.erase("id");
  Json noVersion = response("qr-v", Json::array(), "2026-12-01T10:00:00Z", "completed", "urn:pathway:qtest:questionnaire");
  const Case cases[] = {
      {response("qr-o", Json::array(), "2026-12-01T10:00:00Z", "completed", "urn:pathway:qtest:questionnaire|1.0.0"),
       "QuestionnaireResponse/qr-o (/questionnaire): answers version 1.0.0 of the Questionnaire; this library is "
       "version 1.2.0"},
      {bundle({response("qr-o", Json::array(), "2026-12-01T10:00:00Z", "completed",
                        "urn:pathway:qtest:questionnaire|1.0.0")}),
       "QuestionnaireResponse/qr-o (/entry/0/resource/questionnaire): answers version 1.0.0"},
      {noVersion, "'urn:pathway:qtest:questionnaire' names no version; this library answers "
                  "urn:pathway:qtest:questionnaire|1.2.0"},
      {response("phq", Json::array(), "2026-12-01T10:00:00Z", "completed", "http://example.org/Questionnaire/phq-9"),
       "QuestionnaireResponse/phq (/questionnaire): 'http://example.org/Questionnaire/phq-9' is not the "
       "Questionnaire of pathway 'qtest' (urn:pathway:qtest:questionnaire)"},
      {noId, "QuestionnaireResponse (/): a QuestionnaireResponse has no id"},
      {response("qr-s", Json::array(), "2026-12-01T10:00:00Z", "done"),
       "QuestionnaireResponse/qr-s (/status): 'done' is not a QuestionnaireResponse status"},
      {response("qr-1", {answer("adherant", {{"valueBoolean", true}})}),
       "QuestionnaireResponse/qr-1 (/item/0/linkId): 'adherant' is not a question of the Questionnaire (no input of "
       "that name) (did you mean 'adherent'?)"},
      {response("qr-1", {answer("esr", quantity(30, "mm/h"))}),
       "QuestionnaireResponse/qr-1 (/item/0/linkId): input 'esr' comes from FHIR records (it has a binding), not "
       "from the Questionnaire"},
      {response("qr-1", {answer("adherent", {{"valueString", "yes"}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueString): input 'adherent' is a bool: answer with "
       "valueBoolean"},
      {response("qr-1", {answer("adherent", {{"valueBoolean", "yes"}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueBoolean): is not a boolean"},
      {response("qr-1", {answer("score", {{"valueInteger", 12}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0): input 'score' must be in 0..10, got 12"},
      {response("qr-1", {answer("score", {{"valueInteger", 2.5}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueInteger): is not an integer"},
      {response("qr-1", {answer("score", {{"valueDecimal", 2.5}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueDecimal): input 'score' is an int: answer with valueInteger"},
      {response("qr-1", {answer("slip", coding("high_grdae"))}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0): 'high_grdae' is not a label of Grade (input 'slip'); labels: "
       "none, low_grade, high_grade (did you mean 'high_grade'?)"},
      {response("qr-1", {answer("slip", coding("high_grade", "http://snomed.info/sct"))}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueCoding/system): \"http://snomed.info/sct\" is not the code "
       "system of input 'slip' (urn:pathway:qtest:enum:Grade)"},
      {response("qr-1", {answer("weeks_done", quantity(3, "mg/L"))}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueQuantity): unit 'mg/L' cannot be converted to weeks "
       "(input 'weeks_done')"},
      {response("qr-1", {answer("weeks_done", {{"valueQuantity", {{"value", 3}}}})}),
       "QuestionnaireResponse/qr-1 (/item/0/answer/0/valueQuantity): has no unit; input 'weeks_done' is in weeks"},
      {response("qr-1", {{{"linkId", "score"}, {"answer", Json::array({{{"valueInteger", 1}}, {{"valueInteger", 2}}})}}}),
       "QuestionnaireResponse/qr-1 (/item/0/answer): input 'score' takes one answer"},
      {response("qr-1", {answer("score", {{"valueInteger", 1}}), answer("score", {{"valueInteger", 2}})}),
       "QuestionnaireResponse/qr-1 (/item/1/linkId): input 'score' is answered twice"},
      {response("qr-1", {{{"answer", Json::array()}}}), "QuestionnaireResponse/qr-1 (/item/0/linkId): is missing"},
      {response("qr-1", Json::object()), "QuestionnaireResponse/qr-1 (/item): is not an array"},
      {response("qr-1", {answer("score", {{"valueInteger", 1}})}, "yesterday"),
       "QuestionnaireResponse/qr-1 (/authored): 'yesterday'"},
  };
  for (const Case& c : cases) {
    std::string error = failure(c.document);
    EXPECT_NE(error.find(c.message), std::string::npos) << "expected: " << c.message << "\n got: " << error;
  }
}

TEST_F(QuestionnaireCli, APathwayWithoutBindingsReadsItsQuestionnaireAndNothingElse) {
  std::string plain = write("plain.pw", kUnbound);
  Json qr = {{"resourceType", "QuestionnaireResponse"}, {"id", "qr-1"},
             {"questionnaire", "urn:pathway:plain:questionnaire|3.0.0"}, {"status", "completed"},
             {"item", Json::array({answer("adherent", {{"valueBoolean", true}})})}};
  Outcome o = test::run("run " + plain + " --fhir " + write("qr.json", bundle({qr}).dump()) + " --now " + kNow);
  ASSERT_EQ(o.exit, 0) << o.output;
  EXPECT_EQ(Json::parse(o.output)["recommendations"][0]["status"], "fire");
  o = test::run("run " + plain + " --fhir " + write("empty.json", bundle(Json::array()).dump()) + " --now " + kNow);
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("pathway 'plain' declares no FHIR bindings and the document holds no QuestionnaireResponse "
                          "to urn:pathway:plain:questionnaire|3.0.0; give its inputs as JSON"),
            std::string::npos) << o.output;
}

}  // namespace
}  // namespace pathway::test
