#include "ir/Metadata.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "ir/Dump.h"
#include "ir/ExplainGraph.h"

namespace pathway::ir {
namespace {

// Keys keep their insertion order so the text (and the hash) is stable.
using Json = nlohmann::ordered_json;

const char* typeName(Type type) { return type == Type::Bool ? "bool" : "number"; }

Json citationsJson(const std::vector<Citation>& citations) {
  Json out = Json::array();
  for (const Citation& citation : citations) {
    out.push_back({{"source", citation.source}, {"paragraph", citation.paragraph}});
  }
  return out;
}

Json inputJson(const Input& input) {
  Json out = {{"name", input.name}, {"type", inputKindName(input.kind)}};
  if (input.kind == InputKind::Quantity) {
    out["unit"] = input.unit;
    out["dimension"] = input.dimension;
  }
  if (input.min) out["min"] = *input.min;
  if (input.max) out["max"] = *input.max;
  if (input.kind == InputKind::Enum) {
    out["enum"] = input.enumName;
    out["labels"] = input.labels;
  }
  out["description"] = input.description;
  return out;
}

Json recommendationJson(const Program& program, const Recommendation& rec) {
  Json supersedes = Json::array();
  for (uint32_t index : rec.supersedes) {
    supersedes.push_back(program.recommendations.at(index).name);
  }
  Json out = {{"name", rec.name},
              {"label", rec.label},
              {"category", rec.category},
              {"urgency", rec.urgency},
              {"rationale", rec.rationale},
              {"citations", citationsJson(rec.citations)},
              {"supersedes", std::move(supersedes)}};
  // Only when it has some: pathways without orders keep their metadata (and hash).
  if (!rec.orders.empty()) {
    Json orders = Json::array();
    for (uint32_t set : rec.orders) orders.push_back(program.fhir.codesets.at(set).name);
    out["orders"] = std::move(orders);
  }
  return out;
}

// {"codesets":[{"name","description","codes":[{"system","code"}]}],
//  "bindings":[{"input","resource","codes":[{"codeset","value"?}],"value",
//               "map"?:[..],"within_days"?,"scope"?,"select"?,"absent"?}]}
// Mapped values are label names (enum inputs) or true/false (bool inputs).
Json fhirJson(const Program& program) {
  const fhir::Bindings& f = program.fhir;
  Json codesets = Json::array();
  for (const fhir::Codeset& set : f.codesets) {
    Json codes = Json::array();
    for (const fhir::Code& c : set.codes) codes.push_back({{"system", c.system}, {"code", c.code}});
    codesets.push_back({{"name", set.name}, {"description", set.description}, {"codes", std::move(codes)}});
  }
  Json bindings = Json::array();
  for (const fhir::Binding& b : f.bindings) {
    const Input& input = program.inputs.at(b.input);
    auto valueJson = [&](int32_t v) -> Json {
      if (input.kind == InputKind::Enum) return input.labels.at(static_cast<size_t>(v));
      return v != 0;
    };
    auto mappings = [&](const std::vector<fhir::Mapping>& list, bool withValues) {
      Json out = Json::array();
      for (const fhir::Mapping& m : list) {
        Json item = {{"codeset", f.codesets.at(m.codeset).name}};
        if (withValues) item["value"] = valueJson(m.value);
        out.push_back(std::move(item));
      }
      return out;
    };
    Json item = {{"input", input.name},
                 {"resource", fhir::resourceName(b.resource)},
                 {"codes", mappings(b.codes, b.value == fhir::Value::Code)},
                 {"value", fhir::valueName(b.value)}};
    if (!b.valueMap.empty()) item["map"] = mappings(b.valueMap, true);
    if (b.withinDays) item["within_days"] = *b.withinDays;
    if (b.resource == fhir::Resource::Condition &&
        (b.value == fhir::Value::Presence || b.value == fhir::Value::Code)) {
      item["scope"] = b.scope == fhir::ConditionScope::Active ? "active" : "history";
    }
    if (input.kind == InputKind::Enum) item["select"] = b.select == fhir::Select::Latest ? "latest" : "highest";
    if (b.absent) item["absent"] = valueJson(*b.absent);
    bindings.push_back(std::move(item));
  }
  return {{"codesets", std::move(codesets)}, {"bindings", std::move(bindings)}};
}

void fnv1a(uint64_t& hash, std::string_view bytes) {
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  }
}

}  // namespace

std::string metadataJson(const Program& program) {
  const Metadata& meta = program.meta;
  Json sources = Json::array();
  for (const Source& source : meta.sources) {
    sources.push_back({{"name", source.name},
                       {"title", source.title},
                       {"paragraphs", source.paragraphs}});
  }
  Json inputs = Json::array();
  for (const Input& input : program.inputs) inputs.push_back(inputJson(input));
  Json definitions = Json::array();
  for (const Definition& def : program.definitions) {
    definitions.push_back({{"name", def.name}, {"type", typeName(def.type)}});
  }
  Json findings = Json::array();
  for (const Finding& finding : program.findings) {
    findings.push_back({{"name", finding.name},
                        {"label", finding.label},
                        {"citations", citationsJson(finding.citations)}});
  }
  Json recommendations = Json::array();
  for (const Recommendation& rec : program.recommendations) {
    recommendations.push_back(recommendationJson(program, rec));
  }
  Json out = {{"name", meta.name},
              {"title", meta.title},
              {"version", meta.version},
              {"authors", meta.authors},
              {"sources", std::move(sources)},
              {"inputs", std::move(inputs)},
              {"definitions", std::move(definitions)},
              {"findings", std::move(findings)},
              {"recommendations", std::move(recommendations)},
              {"explain", explain::graphJson(explainGraph(program).graph)}};
  // Only pathways with bindings carry the key: the metadata (and content
  // hash) of every other library is what it was.
  if (!program.fhir.empty()) out["fhir"] = fhirJson(program);
  return out.dump();
}

uint64_t contentHash(const Program& program) {
  uint64_t hash = 0xcbf29ce484222325ull;
  fnv1a(hash, dump(program));
  fnv1a(hash, metadataJson(program));
  return hash;
}

}  // namespace pathway::ir
