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
  return {{"name", rec.name},
          {"label", rec.label},
          {"category", rec.category},
          {"urgency", rec.urgency},
          {"rationale", rec.rationale},
          {"citations", citationsJson(rec.citations)},
          {"supersedes", std::move(supersedes)}};
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
  return out.dump();
}

uint64_t contentHash(const Program& program) {
  uint64_t hash = 0xcbf29ce484222325ull;
  fnv1a(hash, dump(program));
  fnv1a(hash, metadataJson(program));
  return hash;
}

}  // namespace pathway::ir
