#include "fhir/Questionnaire.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "Error.h"
#include "Schema.h"
#include "Suggest.h"
#include "fhir/FhirTime.h"

namespace pathway::runtime::fhir {
namespace {

// Generated resources keep FHIR's element order (resourceType first).
using Ordered = nlohmann::ordered_json;

constexpr const char* kMinValue = "http://hl7.org/fhir/StructureDefinition/minValue";
constexpr const char* kMaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";
constexpr const char* kMinQuantity = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity";
constexpr const char* kMaxQuantity = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-maxQuantity";
constexpr const char* kUnitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption";

bool bound(const Schema& schema, uint32_t input) {
  if (!schema.fhir) return false;
  const auto& bindings = schema.fhir->model.bindings;
  return std::any_of(bindings.begin(), bindings.end(), [&](const auto& b) { return b.input == input; });
}

std::string display(const std::string& label) {
  std::string out = label;
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

Ordered ucumQuantity(double value, const units::Unit& unit) {
  return {{"value", value}, {"unit", std::string(unit.canonical)}, {"system", std::string(kUcum)},
          {"code", std::string(ucumCode(unit))}};
}

Ordered item(const Schema& schema, const InputSchema& in) {
  Ordered it = {{"linkId", in.name}, {"text", in.description.empty() ? in.name : in.description}};
  Ordered extensions = Ordered::array();
  auto bounds = [&](const char* valueKey) {
    if (in.min) extensions.push_back({{"url", kMinValue}, {valueKey, *in.min}});
    if (in.max) extensions.push_back({{"url", kMaxValue}, {valueKey, *in.max}});
  };
  switch (in.kind) {
    case PW_INPUT_BOOL: it["type"] = "boolean"; break;
    case PW_INPUT_INT:
      it["type"] = "integer";
      if (in.min) extensions.push_back({{"url", kMinValue}, {"valueInteger", static_cast<int64_t>(*in.min)}});
      if (in.max) extensions.push_back({{"url", kMaxValue}, {"valueInteger", static_cast<int64_t>(*in.max)}});
      break;
    case PW_INPUT_NUMBER:
      it["type"] = "decimal";
      bounds("valueDecimal");
      break;
    case PW_INPUT_QUANTITY: {
      it["type"] = "quantity";
      // The declared unit first, then every other unit of its dimension.
      std::vector<const units::Unit*> options = {in.unitEntry};
      for (const units::Unit& u : units::all()) {
        if (u.spelling == u.canonical && u.dimension == in.dimension && &u != in.unitEntry && !ucumCode(u).empty()) {
          options.push_back(&u);
        }
      }
      for (const units::Unit* u : options) {
        extensions.push_back({{"url", kUnitOption},
                              {"valueCoding",
                               {{"system", std::string(kUcum)}, {"code", std::string(ucumCode(*u))},
                                {"display", std::string(u->canonical)}}}});
      }
      if (in.min) extensions.push_back({{"url", kMinQuantity}, {"valueQuantity", ucumQuantity(*in.min, *in.unitEntry)}});
      if (in.max) extensions.push_back({{"url", kMaxQuantity}, {"valueQuantity", ucumQuantity(*in.max, *in.unitEntry)}});
      break;
    }
    case PW_INPUT_ENUM: {
      it["type"] = "choice";
      Ordered options = Ordered::array();
      for (const std::string& label : in.labels) {
        options.push_back({{"valueCoding",
                            {{"system", enumSystem(schema, in.enumName)}, {"code", label}, {"display", display(label)}}}});
      }
      it["answerOption"] = std::move(options);
      break;
    }
  }
  if (!extensions.empty()) it["extension"] = std::move(extensions);
  return it;
}

// "pt_failure" -> "PtFailure" (a Questionnaire name starts with a capital
// and holds letters, digits and underscores).
std::string computableName(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  if (out.empty() || !std::isupper(static_cast<unsigned char>(out[0]))) out = "P" + out;
  return out;
}

}  // namespace

std::string questionnaireUrl(const Schema& schema) { return "urn:pathway:" + schema.name + ":questionnaire"; }

std::string enumSystem(const Schema& schema, const std::string& enumName) {
  return "urn:pathway:" + schema.name + ":enum:" + enumName;
}

std::string questionnaireJson(const Schema& schema) {
  std::string id = schema.name.substr(0, 64);
  std::replace(id.begin(), id.end(), '_', '-');
  Ordered q = {{"resourceType", "Questionnaire"},
            {"id", id},
            {"url", questionnaireUrl(schema)},
            {"version", schema.version},
            {"name", computableName(schema.name)},
            {"title", schema.title},
            {"status", "active"},
            {"subjectType", {"Patient"}},
            {"description",
             fmt::format("The facts pathway '{}' {} needs that no FHIR record gives it: a clinician records them. "
                         "Every question may be left unanswered; the pathway then treats the fact as unknown.",
                         schema.name, schema.version)}};
  Ordered items = Ordered::array();
  for (uint32_t i = 0; i < schema.inputs.size(); ++i) {
    if (!bound(schema, i)) items.push_back(item(schema, schema.inputs[i]));
  }
  if (!items.empty()) q["item"] = std::move(items);
  return q.dump(2) + "\n";
}

bool answersOurs(const Schema& schema, const Record& r, bool alone) {
  auto canonical = r.json->find("questionnaire");
  if (canonical == r.json->end() || !canonical->is_string()) {
    if (!alone) return false;
    recordError(PW_ERR_FHIR, r, "questionnaire", "is missing; the response must name " + questionnaireUrl(schema) +
                                                     "|" + schema.version);
  }
  const std::string text = canonical->get<std::string>();
  const size_t bar = text.find('|');
  const std::string url = text.substr(0, bar);
  if (url != questionnaireUrl(schema)) {
    if (!alone) return false;
    recordError(PW_ERR_FHIR, r, "questionnaire",
                fmt::format("'{}' is not the Questionnaire of pathway '{}' ({})", text, schema.name,
                            questionnaireUrl(schema)));
  }
  if (bar == std::string::npos) {
    recordError(PW_ERR_FHIR, r, "questionnaire",
                fmt::format("'{}' names no version; this library answers {}|{}", text, url, schema.version));
  }
  if (text.substr(bar + 1) != schema.version) {
    recordError(PW_ERR_FHIR, r, "questionnaire",
                fmt::format("answers version {} of the Questionnaire; this library is version {} ({} may ask "
                            "other questions)",
                            text.substr(bar + 1), schema.version, schema.name));
  }
  return true;
}

namespace {

class ResponseReader {
 public:
  ResponseReader(const Schema& schema, const Record& r, pw_input& staged, EvidenceTable& table, std::string authored)
      : schema_(schema), r_(r), staged_(staged), table_(table), authored_(std::move(authored)) {}

  void items(const Json& list, const std::string& at) {
    if (!list.is_array()) recordError(PW_ERR_FHIR, r_, at, "is not an array");
    for (size_t i = 0; i < list.size(); ++i) item(list[i], fmt::format("{}/{}", at, i));
  }

 private:
  void item(const Json& it, const std::string& at) {
    if (!it.is_object()) recordError(PW_ERR_FHIR, r_, at, "is not an item");
    auto linkId = it.find("linkId");
    if (linkId == it.end() || !linkId->is_string()) recordError(PW_ERR_FHIR, r_, at + "/linkId", "is missing or not a string");
    auto answers = it.find("answer");
    if (auto children = it.find("item"); children != it.end()) items(*children, at + "/item");
    if (answers == it.end()) return;  // a group, or a question left unanswered
    if (!answers->is_array()) recordError(PW_ERR_FHIR, r_, at + "/answer", "is not an array");
    const std::string name = linkId->get<std::string>();
    auto input = std::find(schema_.inputNames.begin(), schema_.inputNames.end(), name);
    if (input == schema_.inputNames.end()) {
      recordError(PW_ERR_NOT_FOUND, r_, at + "/linkId",
                  fmt::format("'{}' is not a question of the Questionnaire (no input of that name){}", name,
                              didYouMean(name, schema_.inputNames)));
    }
    const auto index = static_cast<uint32_t>(input - schema_.inputNames.begin());
    if (bound(schema_, index)) {
      recordError(PW_ERR_FHIR, r_, at + "/linkId",
                  fmt::format("input '{}' comes from FHIR records (it has a binding), not from the Questionnaire", name));
    }
    if (std::find(answered_.begin(), answered_.end(), index) != answered_.end()) {
      recordError(PW_ERR_FHIR, r_, at + "/linkId", fmt::format("input '{}' is answered twice", name));
    }
    answered_.push_back(index);
    if (answers->empty()) return;
    if (answers->size() > 1) recordError(PW_ERR_FHIR, r_, at + "/answer", fmt::format("input '{}' takes one answer", name));
    const Json& answer = (*answers)[0];
    const std::string where = at + "/answer/0";
    if (!answer.is_object()) recordError(PW_ERR_FHIR, r_, where, "is not an answer");
    if (auto nested = answer.find("item"); nested != answer.end()) items(*nested, where + "/item");
    set(index, answer, where);
  }

  // The answer's value[x], which must be `key` for this input.
  const Json& value(const InputSchema& in, const Json& answer, const std::string& at, const char* key,
                    const char* kind) {
    for (const auto& [k, v] : answer.items()) {
      if (k.rfind("value", 0) == 0 && k != key) {
        recordError(PW_ERR_TYPE, r_, at + "/" + k, fmt::format("input '{}' is {}: answer with {}", in.name, kind, key));
      }
    }
    auto it = answer.find(key);
    if (it == answer.end()) recordError(PW_ERR_FHIR, r_, at, fmt::format("has no {} (input '{}')", key, in.name));
    return *it;
  }

  // Runs a setter; its error (range, label) is reported at the answer.
  template <typename F>
  void guarded(const std::string& at, F&& setter) {
    try {
      setter();
    } catch (const Error& err) {
      recordError(err.status(), r_, at, err.what());
    }
  }

  void set(uint32_t index, const Json& answer, const std::string& at) {
    const InputSchema& in = schema_.inputs[index];
    Evidence e;
    e.resource = r_.ref();
    e.effective = authored_;
    switch (in.kind) {
        case PW_INPUT_BOOL: {
          const Json& v = value(in, answer, at, "valueBoolean", "a bool");
          if (!v.is_boolean()) recordError(PW_ERR_FHIR, r_, at + "/valueBoolean", "is not a boolean");
          guarded(at, [&] { staged_.setBool(index, v.get<bool>()); });
          e.element = "valueBoolean";
          e.value = v.get<bool>() ? "true" : "false";
          break;
        }
        case PW_INPUT_INT: {
          const Json& v = value(in, answer, at, "valueInteger", "an int");
          if (!v.is_number_integer()) recordError(PW_ERR_FHIR, r_, at + "/valueInteger", "is not an integer");
          guarded(at, [&] { staged_.setNumber(index, v.get<double>()); });
          e.element = "valueInteger";
          e.value = numberText(v.get<double>());
          break;
        }
        case PW_INPUT_NUMBER: {
          const Json& v = value(in, answer, at, "valueDecimal", "a number");
          if (!v.is_number()) recordError(PW_ERR_FHIR, r_, at + "/valueDecimal", "is not a number");
          guarded(at, [&] { staged_.setNumber(index, v.get<double>()); });
          e.element = "valueDecimal";
          e.value = numberText(v.get<double>());
          break;
        }
        case PW_INPUT_QUANTITY: {
          const Json& q = value(in, answer, at, "valueQuantity", "a quantity");
          const std::string qat = at + "/valueQuantity";
          if (!q.is_object()) recordError(PW_ERR_FHIR, r_, qat, "is not a Quantity");
          auto v = q.find("value");
          if (v == q.end() || !v->is_number()) recordError(PW_ERR_FHIR, r_, qat + "/value", "is missing or not a number");
          std::string unit;
          auto code = q.find("code");
          auto system = q.find("system");
          if (code != q.end() && code->is_string() && system != q.end() && *system == kUcum) {
            unit = code->get<std::string>();
          } else if (auto u = q.find("unit"); u != q.end() && u->is_string()) {
            unit = u->get<std::string>();
          }
          if (unit.empty()) {
            recordError(PW_ERR_UNIT, r_, qat, fmt::format("has no unit; input '{}' is in {}", in.name, in.unit));
          }
          const units::Unit* from = unitFromFhir(unit);
          if (!from || from->dimension != in.dimension) {
            recordError(PW_ERR_UNIT, r_, qat,
                        fmt::format("unit '{}' cannot be converted to {} (input '{}')", unit, in.unit, in.name));
          }
          guarded(at, [&] { staged_.setQuantity(index, v->get<double>(), from->canonical); });
          e.element = "valueQuantity";
          e.value = numberText(v->get<double>()) + " " + unit;
          break;
        }
        case PW_INPUT_ENUM: {
          const Json& c = value(in, answer, at, "valueCoding", "an enum");
          const std::string cat = at + "/valueCoding";
          if (!c.is_object()) recordError(PW_ERR_FHIR, r_, cat, "is not a Coding");
          auto system = c.find("system");
          const std::string ours = enumSystem(schema_, in.enumName);
          if (system != c.end() && *system != ours) {
            recordError(PW_ERR_FHIR, r_, cat + "/system",
                        fmt::format("{} is not the code system of input '{}' ({})", system->dump(), in.name, ours));
          }
          auto code = c.find("code");
          if (code == c.end() || !code->is_string()) recordError(PW_ERR_FHIR, r_, cat + "/code", "is missing or not a string");
          guarded(at, [&] { staged_.setEnum(index, code->get<std::string>()); });
          e.element = "valueCoding";
          e.value = code->get<std::string>();
          break;
        }
      }
    e.element = at + "/" + e.element;
    table_[index] = std::move(e);
  }

  const Schema& schema_;
  const Record& r_;
  pw_input& staged_;
  EvidenceTable& table_;
  std::string authored_;
  std::vector<uint32_t> answered_;
};

}  // namespace

void applyResponses(const Schema& schema, std::vector<Record> responses, double now, pw_input& staged,
                    EvidenceTable& table) {
  struct Dated {
    Record record;
    std::optional<Stamp> authored;
  };
  std::vector<Dated> counted;
  for (Record& r : responses) {
    static const std::vector<std::string_view> kStatuses = {"in-progress", "completed", "amended", "entered-in-error",
                                                            "stopped"};
    const std::string status = requiredStatus(r, kStatuses, "a QuestionnaireResponse");
    if (status != "completed" && status != "amended") continue;
    if (r.id.empty()) recordError(PW_ERR_FHIR, r, "", "a QuestionnaireResponse has no id; evidence must name it");
    auto authored = timeOf(r, {"authored"});
    if (authored && authored->seconds > now) continue;  // not yet known at the evaluation time
    counted.push_back({std::move(r), std::move(authored)});
  }
  // The earliest first, so that a later response's answers overwrite; an
  // undated one is the oldest; equal times: the greater id last.
  std::stable_sort(counted.begin(), counted.end(), [](const Dated& x, const Dated& y) {
    double tx = x.authored ? x.authored->seconds : -INFINITY, ty = y.authored ? y.authored->seconds : -INFINITY;
    return tx != ty ? tx < ty : x.record.id < y.record.id;
  });
  for (const Dated& d : counted) {
    ResponseReader reader(schema, d.record, staged, table, d.authored ? d.authored->text : "");
    if (auto list = d.record.json->find("item"); list != d.record.json->end()) reader.items(*list, "item");
  }
}

}  // namespace pathway::runtime::fhir
