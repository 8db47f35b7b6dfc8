#include "ResultJson.h"

#include <nlohmann/json.hpp>

namespace pathway::runtime {
namespace {

using Json = nlohmann::ordered_json;

const char* statusName(pw_rec_status status) {
  switch (status) {
    case PW_FIRE: return "fire";
    case PW_NO: return "no";
    case PW_UNDETERMINED: return "undetermined";
  }
  return "undetermined";
}

Json triJson(pw_tri value) {
  if (value == PW_UNKNOWN) return nullptr;
  return value == PW_TRUE;
}

Json recommendationJson(const pw_result& result, uint32_t index) {
  const Schema& schema = result.library->schema;
  const RecommendationSchema& rec = schema.recommendations[index];
  const pw_rec_status status = result.status(index);
  Json citations = Json::array();
  for (const std::string& paragraph : rec.citations.paragraphs) citations.push_back(paragraph);
  Json out = {{"code", rec.name},           {"label", rec.label},
              {"category", rec.category},   {"status", statusName(status)},
              {"urgency", rec.urgency},     {"rationale", rec.rationale},
              {"citations", std::move(citations)}};
  if (status == PW_UNDETERMINED) {
    Json missing = Json::array();
    result.forEachMissing(index, [&](uint32_t input) {
      missing.push_back(schema.inputs[input].name);
    });
    out["missing"] = std::move(missing);
  }
  Json supersededBy = Json::array();
  result.forEachSupersededBy(index, [&](uint32_t other) {
    supersededBy.push_back(schema.recommendations[other].name);
  });
  if (!supersededBy.empty()) out["superseded_by"] = std::move(supersededBy);
  return out;
}

}  // namespace

std::string resultToJson(const pw_result& result) {
  const Schema& schema = result.library->schema;
  Json recommendations = Json::array();
  for (uint32_t i = 0; i < schema.recommendations.size(); ++i) {
    recommendations.push_back(recommendationJson(result, i));
  }
  Json findings = Json::object();
  for (uint32_t i = 0; i < schema.findings.size(); ++i) {
    findings[schema.findings[i].name] = triJson(result.finding(i));
  }
  Json definitions = Json::object();
  for (uint32_t i = 0; i < schema.definitions.size(); ++i) {
    pw_tri value = PW_UNKNOWN;
    double number = 0;
    result.definition(i, value, number);
    if (value == PW_UNKNOWN) {
      definitions[schema.definitions[i].name] = nullptr;
    } else if (schema.definitions[i].type == PW_TYPE_NUMBER) {
      definitions[schema.definitions[i].name] = number;
    } else {
      definitions[schema.definitions[i].name] = value == PW_TRUE;
    }
  }
  Json out = {{"pathway", schema.name},
              {"version", schema.version},
              {"recommendations", std::move(recommendations)},
              {"findings", std::move(findings)},
              {"definitions", std::move(definitions)}};
  // Which record gave each input filled from FHIR (pw_input_set_fhir).
  if (result.evidence) {
    Json evidence = Json::object();
    for (uint32_t i = 0; i < schema.inputs.size(); ++i) {
      const auto& e = (*result.evidence)[i];
      if (!e) continue;
      Json item = Json::object();
      if (!e->resource.empty()) item["resource"] = e->resource;
      if (!e->element.empty()) item["element"] = e->element;
      if (!e->effective.empty()) item["effective"] = e->effective;
      item["value"] = e->value;
      evidence[schema.inputs[i].name] = std::move(item);
    }
    out["evidence"] = std::move(evidence);
  }
  return out.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pathway::runtime
