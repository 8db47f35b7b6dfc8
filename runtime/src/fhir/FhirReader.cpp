#include "fhir/FhirReader.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "Error.h"
#include "Input.h"
#include "Schema.h"
#include "fhir/FhirTime.h"
#include "fhir/Questionnaire.h"
#include "fhir/Record.h"

namespace pathway::runtime::fhir {
namespace {

namespace model = pathway::fhir;

constexpr std::string_view kClinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
constexpr std::string_view kVerification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

// ------------------------------------------------------------ metadata

[[noreturn]] void corrupt(const std::string& message) {
  throw Error(PW_ERR_CORRUPT, "metadata fhir: " + message);
}

const Json& member(const Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) corrupt(std::string("missing \"") + key + "\"");
  return *it;
}

std::string str(const Json& object, const char* key) {
  const Json& v = member(object, key);
  if (!v.is_string()) corrupt(std::string("\"") + key + "\" is not a string");
  return v.get<std::string>();
}

}  // namespace

BindingIndex parseBindings(const Json& fhir, const std::vector<InputSchema>& inputs) {
  BindingIndex index;
  if (!fhir.is_object()) corrupt("not an object");
  const Json& codesets = member(fhir, "codesets");
  if (!codesets.is_array()) corrupt("\"codesets\" is not an array");
  std::unordered_map<std::string, uint32_t> setNames;
  for (const Json& set : codesets) {
    if (!set.is_object()) corrupt("a code set is not an object");
    model::Codeset c;
    c.name = str(set, "name");
    c.description = str(set, "description");
    const Json& codes = member(set, "codes");
    if (!codes.is_array()) corrupt("code set '" + c.name + "': \"codes\" is not an array");
    for (const Json& code : codes) {
      if (!code.is_object()) corrupt("code set '" + c.name + "': a code is not an object");
      c.codes.push_back({str(code, "system"), str(code, "code")});
    }
    auto id = static_cast<uint32_t>(index.model.codesets.size());
    if (!setNames.emplace(c.name, id).second) corrupt("code set '" + c.name + "' is listed twice");
    for (const model::Code& code : c.codes) index.codesets[code.system + "|" + code.code].push_back(id);
    index.model.codesets.push_back(std::move(c));
  }
  const Json& bindings = member(fhir, "bindings");
  if (!bindings.is_array()) corrupt("\"bindings\" is not an array");
  std::vector<bool> bound(inputs.size(), false);
  for (const Json& item : bindings) {
    if (!item.is_object()) corrupt("a binding is not an object");
    model::Binding b;
    std::string name = str(item, "input");
    auto input = std::find_if(inputs.begin(), inputs.end(), [&](const InputSchema& in) { return in.name == name; });
    if (input == inputs.end()) corrupt("a binding names no input ('" + name + "')");
    b.input = static_cast<uint32_t>(input - inputs.begin());
    if (bound[b.input]) corrupt("input '" + name + "' is bound twice");
    bound[b.input] = true;
    const std::string where = "binding of '" + name + "'";
    std::string resource = str(item, "resource");
    if (resource == "Observation") b.resource = model::Resource::Observation;
    else if (resource == "Condition") b.resource = model::Resource::Condition;
    else if (resource == "Procedure") b.resource = model::Resource::Procedure;
    else corrupt(where + ": unknown resource '" + resource + "'");
    std::string value = str(item, "value");
    bool found = false;
    for (auto v : {model::Value::Quantity, model::Value::Integer, model::Value::Boolean, model::Value::Codeable,
                   model::Value::Interpretation, model::Value::Code, model::Value::Presence, model::Value::Onset,
                   model::Value::Span}) {
      if (value == model::valueName(v)) {
        b.value = v;
        found = true;
      }
    }
    if (!found) corrupt(where + ": unknown value '" + value + "'");
    // A mapped value: a label of the input's enum, or a bool.
    auto mapped = [&](const Json& v) -> int32_t {
      if (input->kind == PW_INPUT_BOOL && v.is_boolean()) return v.get<bool>() ? 1 : 0;
      if (input->kind == PW_INPUT_ENUM && v.is_string()) {
        auto label = std::find(input->labels.begin(), input->labels.end(), v.get<std::string>());
        if (label != input->labels.end()) return static_cast<int32_t>(label - input->labels.begin());
      }
      corrupt(where + ": a mapped value is not a value of the input");
    };
    auto mappings = [&](const Json& list, bool withValues) {
      if (!list.is_array()) corrupt(where + ": a code list is not an array");
      std::vector<model::Mapping> out;
      for (const Json& m : list) {
        if (!m.is_object()) corrupt(where + ": a code list entry is not an object");
        auto set = setNames.find(str(m, "codeset"));
        if (set == setNames.end()) corrupt(where + ": unknown code set");
        out.push_back({set->second, withValues ? mapped(member(m, "value")) : 0});
      }
      return out;
    };
    b.codes = mappings(member(item, "codes"), b.value == model::Value::Code);
    if (auto map = item.find("map"); map != item.end()) b.valueMap = mappings(*map, true);
    if ((b.value == model::Value::Codeable || b.value == model::Value::Interpretation) == b.valueMap.empty()) {
      corrupt(where + ": a value map is missing or unexpected");
    }
    if (auto w = item.find("within_days"); w != item.end()) {
      if (!w->is_number() || !std::isfinite(w->get<double>()) || w->get<double>() <= 0) {
        corrupt(where + ": \"within_days\" is not a positive number");
      }
      b.withinDays = w->get<double>();
    }
    if (auto s = item.find("scope"); s != item.end()) {
      if (*s == "history") b.scope = model::ConditionScope::History;
      else if (*s != "active") corrupt(where + ": unknown scope");
    }
    if (auto s = item.find("select"); s != item.end()) {
      if (*s == "highest") b.select = model::Select::Highest;
      else if (*s != "latest") corrupt(where + ": unknown select");
    }
    if (auto a = item.find("absent"); a != item.end()) b.absent = mapped(*a);
    // The value a binding gives must fit the input's kind.
    bool fits = false;
    switch (b.value) {
      case model::Value::Quantity: fits = input->kind == PW_INPUT_QUANTITY; break;
      case model::Value::Integer: fits = input->kind == PW_INPUT_INT || input->kind == PW_INPUT_NUMBER; break;
      case model::Value::Boolean:
      case model::Value::Presence: fits = input->kind == PW_INPUT_BOOL; break;
      case model::Value::Codeable:
      case model::Value::Interpretation:
      case model::Value::Code: fits = input->kind == PW_INPUT_BOOL || input->kind == PW_INPUT_ENUM; break;
      case model::Value::Onset:
      case model::Value::Span: fits = input->kind == PW_INPUT_QUANTITY && input->dimension == "time"; break;
    }
    if (!fits) corrupt(where + ": value '" + value + "' does not fit the input's type");
    index.model.bindings.push_back(std::move(b));
  }
  return index;
}

namespace {

struct Candidate {
  Record record;
  std::optional<Stamp> time;
  double value = 0;  // the input's value (in its unit; 0/1; label index)
  bool hasValue = true;
  Evidence evidence;
  int rank = 0;  // Condition presence: 2 true, 1 false
};

class Reader {
 public:
  Reader(pw_input& input, const BindingIndex& index, double now) : input_(input), index_(index), now_(now) {}

  // `alone`: the record is the whole document.
  void add(Record r, bool alone) {
    if (r.type != "QuestionnaireResponse") {
      records_.push_back(std::move(r));
    } else if (answersOurs(input_.library->schema, r, alone)) {
      responses_.push_back(std::move(r));
    }
  }

  bool anyResponse() const { return !responses_.empty(); }

  void run() {
    pw_input staged = input_;
    auto table = std::make_shared<EvidenceTable>(input_.evidence ? *input_.evidence
                                                                 : EvidenceTable(input_.values.size()));
    for (const model::Binding& b : index_.model.bindings) apply(b, staged, *table);
    // The Questionnaire asks only what no binding gives, so the two never
    // fill the same input.
    applyResponses(input_.library->schema, std::move(responses_), now_, staged, *table);
    std::copy(staged.values.begin(), staged.values.end(), input_.values.begin());
    std::copy(staged.known.begin(), staged.known.end(), input_.known.begin());
    bool any = std::any_of(table->begin(), table->end(), [](const auto& e) { return e.has_value(); });
    input_.evidence = any ? std::move(table) : nullptr;
  }

 private:
  const InputSchema& schema(const model::Binding& b) const { return input_.library->schema.inputs[b.input]; }

  // The mapping value of the first coding in one of `maps`' code sets, if any.
  std::optional<int32_t> mappedValue(const std::vector<std::pair<std::string, std::string>>& codes,
                                     const std::vector<model::Mapping>& maps, std::string* matched) const {
    for (const auto& [system, code] : codes) {
      auto hit = index_.codesets.find(system + "|" + code);
      if (hit == index_.codesets.end()) continue;
      for (const model::Mapping& m : maps) {
        if (std::find(hit->second.begin(), hit->second.end(), m.codeset) != hit->second.end()) {
          if (matched) *matched = system + "|" + code;
          return m.value;
        }
      }
    }
    return std::nullopt;
  }

  bool inWindow(const model::Binding& b, const std::optional<Stamp>& t) const {
    if (!t) return !b.withinDays;  // an undated record counts only without a window
    if (t->seconds > now_) return false;  // not yet known at the evaluation time
    return !b.withinDays || t->seconds >= now_ - *b.withinDays * kSecondsPerDay;
  }

  std::string valueLabel(const model::Binding& b, int32_t v) const {
    const InputSchema& in = schema(b);
    if (in.kind == PW_INPUT_ENUM) return in.labels.at(static_cast<size_t>(v));
    return v ? "true" : "false";
  }

  void apply(const model::Binding& b, pw_input& staged, EvidenceTable& table) {
    std::vector<Candidate> candidates;
    for (const Record& r : records_) {
      if (r.type != model::resourceName(b.resource)) continue;
      auto code = r.json->find("code");
      if (code == r.json->end()) continue;
      std::string matched;
      auto codeValue = mappedValue(codings(r, "code", *code), b.codes, &matched);
      if (!codeValue) continue;
      if (r.id.empty()) recordError(PW_ERR_FHIR, r, "", "a matching record has no id; evidence must name it");
      std::optional<Candidate> c;
      switch (b.resource) {
        case model::Resource::Observation: c = observation(b, r, *codeValue); break;
        case model::Resource::Condition: c = condition(b, r, *codeValue); break;
        case model::Resource::Procedure: c = procedure(b, r, *codeValue); break;
      }
      if (c) candidates.push_back(std::move(*c));
    }
    const InputSchema& in = schema(b);
    if (candidates.empty()) {
      if (b.absent) {
        setValue(staged, b, static_cast<double>(*b.absent), nullptr);
        table[b.input] = Evidence{"", "", "", "no matching record (absent means " + valueLabel(b, *b.absent) + ")"};
      }
      return;  // no record decides: the input keeps its value
    }
    if (b.value == model::Value::Span) return span(b, staged, table, candidates);
    // Latest (ties: the greater id), or the highest label.
    auto later = [](const Candidate& x, const Candidate& y) {
      double tx = x.time ? x.time->seconds : -INFINITY, ty = y.time ? y.time->seconds : -INFINITY;
      return tx != ty ? tx < ty : x.record.id < y.record.id;
    };
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      if (!best) {
        best = &c;
      } else if (b.value == model::Value::Presence) {
        if (c.rank != best->rank ? c.rank > best->rank : later(*best, c)) best = &c;
      } else if (b.select == model::Select::Highest && in.kind == PW_INPUT_ENUM) {
        if (c.value != best->value ? c.value > best->value : later(*best, c)) best = &c;
      } else if (later(*best, c)) {
        best = &c;
      }
    }
    setValue(staged, b, best->value, &best->record);
    table[b.input] = best->evidence;
  }

  void setValue(pw_input& staged, const model::Binding& b, double value, const Record* from) {
    try {
      const InputSchema& in = schema(b);
      switch (in.kind) {
        case PW_INPUT_BOOL: staged.setBool(b.input, value != 0); break;
        case PW_INPUT_ENUM: staged.setEnumIndex(b.input, static_cast<uint32_t>(value)); break;
        default: staged.setNumber(b.input, value); break;
      }
    } catch (const Error& e) {
      if (!from) throw;
      recordError(e.status(), *from, "", e.what());
    }
  }

  std::optional<Candidate> observation(const model::Binding& b, const Record& r, int32_t codeValue) {
    static const std::vector<std::string_view> kStatuses = {"registered", "preliminary", "final", "amended",
                                                            "corrected", "cancelled", "entered-in-error", "unknown"};
    const std::string s = requiredStatus(r, kStatuses, "an Observation");
    if (s != "final" && s != "amended" && s != "corrected") return std::nullopt;
    auto time = timeOf(r, {"effectiveDateTime", "effectiveInstant", "effectivePeriod"});
    if (!time) {
      recordError(PW_ERR_FHIR, r, "", "has no effective[x]; a pathway cannot tell whether it is current");
    }
    if (!inWindow(b, time)) return std::nullopt;
    Candidate c;
    c.record = r;
    c.time = time;
    c.evidence.resource = r.ref();
    c.evidence.effective = time->text;
    const InputSchema& in = schema(b);
    switch (b.value) {
      case model::Value::Quantity:
      case model::Value::Integer: {
        auto q = r.json->find("valueQuantity");
        auto i = r.json->find("valueInteger");
        if (b.value == model::Value::Integer && i != r.json->end()) {
          if (!i->is_number_integer()) recordError(PW_ERR_FHIR, r, "valueInteger", "is not an integer");
          c.value = i->get<double>();
          c.evidence.element = "valueInteger";
          c.evidence.value = numberText(c.value);
          break;
        }
        if (q == r.json->end()) {
          if (hasOtherValue(r)) recordError(PW_ERR_TYPE, r, "", "the value is not a Quantity; input '" + in.name + "' needs one");
          return std::nullopt;  // no value (dataAbsentReason): the record decides nothing
        }
        if (!q->is_object()) recordError(PW_ERR_FHIR, r, "valueQuantity", "is not a Quantity");
        auto v = q->find("value");
        if (v == q->end() || !v->is_number()) recordError(PW_ERR_FHIR, r, "valueQuantity/value", "is missing or not a number");
        double value = v->get<double>();
        std::string unit, element = "valueQuantity/unit";
        auto system = q->find("system");
        auto code = q->find("code");
        if (code != q->end() && code->is_string() && system != q->end() && *system == kUcum) {
          unit = code->get<std::string>();
          element = "valueQuantity/code";
        } else if (auto u = q->find("unit"); u != q->end() && u->is_string()) {
          unit = u->get<std::string>();
        } else if (code != q->end() && code->is_string()) {
          unit = code->get<std::string>();
          element = "valueQuantity/code";
        }
        c.evidence.element = "valueQuantity";
        c.evidence.value = unit.empty() ? numberText(value) : numberText(value) + " " + unit;
        if (b.value == model::Value::Integer) {
          if (!unity(unit)) {
            recordError(PW_ERR_UNIT, r, element, fmt::format("unit '{}' is not a pure number; input '{}' is {}", unit,
                                                             in.name, in.kind == PW_INPUT_INT ? "an int" : "a number"));
          }
          c.value = value;
          break;
        }
        if (unit.empty()) {
          recordError(PW_ERR_UNIT, r, "valueQuantity", fmt::format("has no unit; input '{}' is in {}", in.name, in.unit));
        }
        const units::Unit* from = unitFromFhir(unit);
        if (!from || from->dimension != in.dimension) {
          recordError(PW_ERR_UNIT, r, element,
                      fmt::format("unit '{}' cannot be converted to {} (input '{}')", unit, in.unit, in.name));
        }
        c.value = units::convert(value, *from, *in.unitEntry);
        break;
      }
      case model::Value::Boolean: {
        auto v = r.json->find("valueBoolean");
        if (v == r.json->end()) {
          if (hasOtherValue(r)) recordError(PW_ERR_TYPE, r, "", "the value is not a boolean; input '" + in.name + "' needs one");
          return std::nullopt;
        }
        if (!v->is_boolean()) recordError(PW_ERR_FHIR, r, "valueBoolean", "is not a boolean");
        c.value = v->get<bool>();
        c.evidence.element = "valueBoolean";
        c.evidence.value = v->get<bool>() ? "true" : "false";
        break;
      }
      case model::Value::Codeable:
      case model::Value::Interpretation: {
        const bool codeable = b.value == model::Value::Codeable;
        const char* element = codeable ? "valueCodeableConcept" : "interpretation";
        auto v = r.json->find(element);
        if (v == r.json->end()) return std::nullopt;
        std::vector<std::pair<std::string, std::string>> codes;
        if (codeable) {
          codes = codings(r, element, *v);
        } else {
          if (!v->is_array()) recordError(PW_ERR_FHIR, r, element, "is not an array");
          for (size_t k = 0; k < v->size(); ++k) {
            auto more = codings(r, fmt::format("interpretation/{}", k), (*v)[k]);
            codes.insert(codes.end(), more.begin(), more.end());
          }
        }
        std::string matched;
        auto value = mappedValue(codes, b.valueMap, &matched);
        if (!value) return std::nullopt;  // a coded value the pathway does not map
        c.value = *value;
        c.evidence.element = element;
        c.evidence.value = matched + " (" + valueLabel(b, *value) + ")";
        break;
      }
      case model::Value::Code:
        c.value = codeValue;
        c.evidence.element = "code";
        c.evidence.value = valueLabel(b, codeValue);
        break;
      default: return std::nullopt;
    }
    return c;
  }

  static bool hasOtherValue(const Record& r) {
    for (const auto& [key, v] : r.json->items()) {
      if (key.rfind("value", 0) == 0) return true;
    }
    return false;
  }

  std::optional<Candidate> condition(const model::Binding& b, const Record& r, int32_t codeValue) {
    auto verification = statusCode(r, "verificationStatus", kVerification);
    if (verification == "entered-in-error") return std::nullopt;
    auto clinical = statusCode(r, "clinicalStatus", kClinical);
    static const char* kClinicalCodes[] = {"active", "recurrence", "relapse", "inactive", "remission", "resolved"};
    if (clinical && std::none_of(std::begin(kClinicalCodes), std::end(kClinicalCodes),
                                 [&](const char* k) { return *clinical == k; })) {
      recordError(PW_ERR_FHIR, r, "clinicalStatus", "'" + *clinical + "' is not a Condition clinical status");
    }
    const bool refuted = verification == "refuted";
    const bool active = clinical && (*clinical == "active" || *clinical == "recurrence" || *clinical == "relapse");
    if (!refuted && !clinical) return std::nullopt;  // neither current nor past can be told
    auto time = timeOf(r, {"onsetDateTime", "onsetPeriod", "recordedDate"});
    if (!inWindow(b, time)) return std::nullopt;
    Candidate c;
    c.record = r;
    c.time = time;
    c.evidence.resource = r.ref();
    c.evidence.effective = time ? time->text : "";
    std::string status = refuted ? "refuted" : *clinical;
    switch (b.value) {
      case model::Value::Presence: {
        bool counts = !refuted && (active || b.scope == model::ConditionScope::History);
        c.value = counts;
        c.rank = counts ? 2 : 1;
        c.evidence.element = refuted ? "verificationStatus" : "clinicalStatus";
        c.evidence.value = status;
        return c;
      }
      case model::Value::Code:
        if (refuted || (!active && b.scope == model::ConditionScope::Active)) return std::nullopt;
        c.value = codeValue;
        c.evidence.element = "code";
        c.evidence.value = valueLabel(b, codeValue) + " (" + status + ")";
        return c;
      case model::Value::Onset: {
        if (refuted || !active) return std::nullopt;
        auto onset = timeOf(r, {"onsetDateTime", "onsetPeriod"});
        if (!onset || onset->seconds > now_) return std::nullopt;
        const InputSchema& in = schema(b);
        double days = (now_ - onset->seconds) / kSecondsPerDay;
        c.time = onset;
        c.value = days / in.unitEntry->factor;
        c.evidence.element = onset->element;
        c.evidence.effective = onset->text;
        c.evidence.value = fmt::format("onset {} ({:.1f} {} before now)", onset->text, c.value, in.unit);
        return c;
      }
      default: return std::nullopt;
    }
  }

  std::optional<Candidate> procedure(const model::Binding& b, const Record& r, int32_t codeValue) {
    static const std::vector<std::string_view> kStatuses = {"preparation", "in-progress", "not-done", "on-hold",
                                                            "stopped", "completed", "entered-in-error", "unknown"};
    const std::string s = requiredStatus(r, kStatuses, "a Procedure");
    if (s != "completed" && s != "in-progress") return std::nullopt;
    auto time = timeOf(r, {"performedDateTime", "performedPeriod"});
    if (!time) recordError(PW_ERR_FHIR, r, "", "has no performed[x]; a pathway cannot tell when it was done");
    if (!inWindow(b, time)) return std::nullopt;
    Candidate c;
    c.record = r;
    c.time = time;
    c.evidence.resource = r.ref();
    c.evidence.effective = time->text;
    c.evidence.element = "code";
    c.value = b.value == model::Value::Code ? codeValue : 1;
    c.evidence.value = b.value == model::Value::Code ? valueLabel(b, codeValue) : s;
    return c;
  }

  // Weeks (or the input's unit) from the first procedure's start to the
  // last one's end.
  void span(const model::Binding& b, pw_input& staged, EvidenceTable& table, std::vector<Candidate>& list) {
    double first = INFINITY, last = -INFINITY;
    const Candidate *firstRec = nullptr, *lastRec = nullptr;
    for (const Candidate& c : list) {
      double start = c.time->seconds;
      if (auto p = c.record.json->find("performedPeriod"); p != c.record.json->end()) {
        if (auto st = p->find("start"); st != p->end()) start = stampOf(c.record, "performedPeriod/start", *st).seconds;
      }
      if (start < first) first = start, firstRec = &c;
      if (c.time->seconds > last) last = c.time->seconds, lastRec = &c;
    }
    const InputSchema& in = schema(b);
    double value = std::max(0.0, last - first) / kSecondsPerDay / in.unitEntry->factor;
    setValue(staged, b, value, &lastRec->record);
    Evidence e;
    e.resource = firstRec == lastRec ? firstRec->record.ref() : firstRec->record.ref() + " .. " + lastRec->record.ref();
    e.element = "performed[x]";
    e.effective = lastRec->time->text;
    e.value = fmt::format("{} procedures over {:.1f} {}", list.size(), value, in.unit);
    table[b.input] = e;
  }

  pw_input& input_;
  const BindingIndex& index_;
  double now_;
  std::vector<Record> records_, responses_;
};

}  // namespace

void setInputFromFhir(pw_input& input, std::string_view text, std::string_view now) {
  const Schema& schema = input.library->schema;
  std::string why;
  auto instant = parseDateTime(now, why);
  if (!instant || !instant->hasTime) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("the evaluation time '{}' is not a FHIR dateTime with a time and offset{}",
                                             now, instant ? "" : ": " + why));
  }
  Json root;
  try {
    root = Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    // A syntax error, or a number too large for a double (out_of_range 406).
    throw Error(PW_ERR_JSON, fmt::format("the FHIR document is not JSON: {}", e.what()));
  }
  static const BindingIndex kNoBindings;
  Reader reader(input, schema.fhir ? *schema.fhir : kNoBindings, instant->seconds);
  // A Bundle's entries are read wherever it is: the document, or an element
  // of an array (a CDS Hooks prefetch gives several searchset Bundles).
  auto addBundle = [&](const Json& bundle, const std::string& at) {
    auto entries = bundle.find("entry");
    if (entries == bundle.end()) return;
    if (!entries->is_array()) throw Error(PW_ERR_FHIR, fmt::format("Bundle ({}/entry): is not an array", at));
    for (size_t i = 0; i < entries->size(); ++i) {
      const Json& entry = (*entries)[i];
      if (!entry.is_object()) throw Error(PW_ERR_FHIR, fmt::format("Bundle ({}/entry/{}): is not an object", at, i));
      auto resource = entry.find("resource");
      if (resource == entry.end()) continue;  // an entry without a resource (a request) holds no record
      Record r = recordAt(*resource, fmt::format("{}/entry/{}/resource", at, i));
      if (r.type == "Bundle") throw Error(PW_ERR_FHIR, fmt::format("Bundle ({}): a Bundle inside a Bundle", r.pointer));
      reader.add(std::move(r), false);
    }
  };
  if (root.is_array()) {
    for (size_t i = 0; i < root.size(); ++i) {
      Record r = recordAt(root[i], fmt::format("/{}", i));
      if (r.type == "Bundle") addBundle(root[i], r.pointer);
      else reader.add(std::move(r), false);
    }
  } else if (root.is_object()) {
    Record top = recordAt(root, "");
    if (top.type == "Bundle") addBundle(root, "");
    else reader.add(std::move(top), true);
  } else {
    throw Error(PW_ERR_FHIR, "the FHIR document is neither a resource, a Bundle nor an array of resources");
  }
  if (!schema.fhir && !reader.anyResponse()) {
    throw Error(PW_ERR_STATE, fmt::format("pathway '{}' declares no FHIR bindings and the document holds no "
                                          "QuestionnaireResponse to {}|{}; give its inputs as JSON",
                                          schema.name, questionnaireUrl(schema), schema.version));
  }
  reader.run();
}

}  // namespace pathway::runtime::fhir
