#include "fhir/Record.h"

#include <algorithm>

#include <fmt/format.h>

#include "Error.h"
#include "fhir/FhirTime.h"

namespace pathway::runtime::fhir {

Record recordAt(const Json& resource, std::string pointer) {
  Record r;
  r.json = &resource;
  r.pointer = std::move(pointer);
  if (!resource.is_object()) {
    throw Error(PW_ERR_FHIR, fmt::format("{} is not a FHIR resource (not a JSON object)", r.pointer));
  }
  auto type = resource.find("resourceType");
  if (type == resource.end() || !type->is_string()) {
    throw Error(PW_ERR_FHIR, fmt::format("{} has no resourceType", r.pointer.empty() ? "the document" : r.pointer));
  }
  r.type = type->get<std::string>();
  if (auto id = resource.find("id"); id != resource.end()) {
    if (!id->is_string() || id->get<std::string>().empty()) {
      throw Error(PW_ERR_FHIR, fmt::format("{} ({}/id): the id is not a non-empty string", r.type, r.pointer));
    }
    r.id = id->get<std::string>();
  }
  return r;
}

void recordError(pw_status status, const Record& r, std::string_view element, const std::string& what) {
  std::string where = r.pointer + (element.empty() ? "" : "/" + std::string(element));
  throw Error(status, fmt::format("{} ({}): {}", r.id.empty() ? r.type : r.ref(), where.empty() ? "/" : where, what));
}

Stamp stampOf(const Record& r, const std::string& element, const Json& value) {
  if (!value.is_string()) recordError(PW_ERR_FHIR, r, element, "is not a string");
  std::string why;
  auto instant = parseDateTime(value.get<std::string>(), why);
  if (!instant) recordError(PW_ERR_FHIR, r, element, fmt::format("'{}': {}", value.get<std::string>(), why));
  return Stamp{instant->seconds, value.get<std::string>(), element};
}

std::optional<Stamp> timeOf(const Record& r, std::initializer_list<const char*> choices) {
  for (const char* key : choices) {
    auto it = r.json->find(key);
    if (it == r.json->end()) continue;
    std::string k = key;
    if (k.size() > 6 && k.compare(k.size() - 6, 6, "Period") == 0) {
      if (!it->is_object()) recordError(PW_ERR_FHIR, r, k, "is not a Period");
      if (auto end = it->find("end"); end != it->end()) return stampOf(r, k + "/end", *end);
      if (auto start = it->find("start"); start != it->end()) return stampOf(r, k + "/start", *start);
      recordError(PW_ERR_FHIR, r, k, "has neither start nor end");
    }
    return stampOf(r, k, *it);
  }
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> codings(const Record& r, const std::string& element, const Json& cc) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!cc.is_object()) recordError(PW_ERR_FHIR, r, element, "is not a CodeableConcept");
  auto list = cc.find("coding");
  if (list == cc.end()) return out;
  if (!list->is_array()) recordError(PW_ERR_FHIR, r, element + "/coding", "is not an array");
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& c = (*list)[i];
    std::string at = fmt::format("{}/coding/{}", element, i);
    if (!c.is_object()) recordError(PW_ERR_FHIR, r, at, "is not a Coding");
    auto system = c.find("system");
    auto code = c.find("code");
    if (system != c.end() && !system->is_string()) recordError(PW_ERR_FHIR, r, at + "/system", "is not a string");
    if (code != c.end() && !code->is_string()) recordError(PW_ERR_FHIR, r, at + "/code", "is not a string");
    if (system == c.end() || code == c.end()) continue;  // a coding without a system is no code of ours
    out.emplace_back(system->get<std::string>(), code->get<std::string>());
  }
  return out;
}

std::optional<std::string> statusCode(const Record& r, const char* element, std::string_view system) {
  auto it = r.json->find(element);
  if (it == r.json->end()) return std::nullopt;
  for (const auto& [s, code] : codings(r, element, *it)) {
    if (s == system) return code;
  }
  return std::nullopt;
}

std::string requiredStatus(const Record& r, const std::vector<std::string_view>& codes, const char* what) {
  auto status = r.json->find("status");
  if (status == r.json->end() || !status->is_string()) recordError(PW_ERR_FHIR, r, "status", "is missing or not a string");
  std::string s = status->get<std::string>();
  if (std::find(codes.begin(), codes.end(), s) == codes.end()) {
    recordError(PW_ERR_FHIR, r, "status", "'" + s + "' is not " + what + " status");
  }
  return s;
}

std::string numberText(double v) { return fmt::format("{}", v); }

namespace {
// UCUM codes of the units of ours that have one.
constexpr std::pair<std::string_view, std::string_view> kUcumUnits[] = {
    {"mm/h", "mm/h"}, {"mg/L", "mg/L"}, {"mg/dL", "mg/dL"}, {"g/L", "g/L"}, {"%", "%"},
    {"d", "days"},    {"wk", "weeks"},  {"mo", "months"},   {"a", "years"}};
}  // namespace

const units::Unit* unitFromFhir(std::string_view code) {
  for (const auto& [ucum, ours] : kUcumUnits) {
    if (code == ucum) return units::find(ours);
  }
  return units::find(code);
}

std::string_view ucumCode(const units::Unit& unit) {
  for (const auto& [ucum, ours] : kUcumUnits) {
    if (unit.canonical == ours) return ucum;
  }
  return {};
}

bool unity(std::string_view code) {
  if (code.empty() || code == "1") return true;
  size_t at = 0;
  while (at < code.size()) {
    if (code[at] != '{') return false;
    size_t close = code.find('}', at);
    if (close == std::string_view::npos) return false;
    at = close + 1;
  }
  return true;
}

}  // namespace pathway::runtime::fhir
