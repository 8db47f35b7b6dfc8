#include "Schema.h"

#include <cmath>

#include <nlohmann/json.hpp>

#include "Error.h"
#include "Suggest.h"

namespace pathway::runtime {
namespace {

using Json = nlohmann::json;

[[noreturn]] void corrupt(const std::string& message) {
  throw Error(PW_ERR_CORRUPT, "metadata " + message);
}

const Json& field(const Json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) corrupt(where + " has no \"" + key + "\"");
  return *it;
}

std::string text(const Json& object, const char* key, const std::string& where) {
  const Json& value = field(object, key, where);
  if (!value.is_string()) corrupt(where + ": \"" + key + "\" is not a string");
  return value.get<std::string>();
}

const Json& array(const Json& object, const char* key, const std::string& where) {
  const Json& value = field(object, key, where);
  if (!value.is_array()) corrupt(where + ": \"" + key + "\" is not an array");
  return value;
}

std::vector<std::string> strings(const Json& object, const char* key, const std::string& where) {
  std::vector<std::string> out;
  for (const Json& item : array(object, key, where)) {
    if (!item.is_string()) corrupt(where + ": \"" + key + "\" holds a non-string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::optional<double> bound(const Json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_number() || !std::isfinite(it->get<double>())) {
    corrupt(where + ": \"" + key + "\" is not a finite number");
  }
  return it->get<double>();
}

CitationList citations(const Json& object, const std::string& where) {
  CitationList out;
  for (const Json& item : array(object, "citations", where)) {
    if (!item.is_object()) corrupt(where + ": a citation is not an object");
    out.sources.push_back(text(item, "source", where + " citation"));
    out.paragraphs.push_back(text(item, "paragraph", where + " citation"));
  }
  return out;
}

pw_input_kind inputKind(const std::string& type, const std::string& where) {
  if (type == "bool") return PW_INPUT_BOOL;
  if (type == "int") return PW_INPUT_INT;
  if (type == "number") return PW_INPUT_NUMBER;
  if (type == "enum") return PW_INPUT_ENUM;
  if (type == "quantity") return PW_INPUT_QUANTITY;
  corrupt(where + " has unknown type \"" + type + "\"");
}

InputSchema input(const Json& item, size_t index) {
  std::string where = "input " + std::to_string(index);
  if (!item.is_object()) corrupt(where + " is not an object");
  InputSchema in;
  in.name = text(item, "name", where);
  where = "input '" + in.name + "'";
  in.kind = inputKind(text(item, "type", where), where);
  in.min = bound(item, "min", where);
  in.max = bound(item, "max", where);
  in.description = text(item, "description", where);
  if (in.kind == PW_INPUT_QUANTITY) {
    in.unit = text(item, "unit", where);
    in.dimension = text(item, "dimension", where);
    in.unitEntry = units::find(in.unit);
    if (in.unitEntry == nullptr || in.unitEntry->dimension != in.dimension) {
      corrupt(where + " has unit '" + in.unit + "' unknown to this runtime for dimension '" +
              in.dimension + "'");
    }
  }
  if (in.kind == PW_INPUT_ENUM) {
    in.enumName = text(item, "enum", where);
    in.labels = strings(item, "labels", where);
    if (in.labels.empty()) corrupt(where + " is an enum without labels");
  }
  return in;
}

pw_value_type valueType(const std::string& type, const std::string& where) {
  if (type == "bool") return PW_TYPE_BOOL;
  if (type == "number") return PW_TYPE_NUMBER;
  corrupt(where + " has unknown type \"" + type + "\"");
}

void buildViews(Schema& schema) {
  auto cstrings = [](const std::vector<std::string>& from) {
    std::vector<const char*> out;
    for (const std::string& s : from) out.push_back(s.c_str());
    return out;
  };
  auto citationView = [](CitationList& list) {
    list.view.clear();
    for (size_t i = 0; i < list.sources.size(); ++i) {
      list.view.push_back({list.sources[i].c_str(), list.paragraphs[i].c_str()});
    }
  };
  schema.authorView = cstrings(schema.authors);
  for (SourceSchema& source : schema.sources) source.paragraphView = cstrings(source.paragraphs);
  for (InputSchema& in : schema.inputs) in.labelView = cstrings(in.labels);
  for (FindingSchema& finding : schema.findings) citationView(finding.citations);
  for (RecommendationSchema& rec : schema.recommendations) citationView(rec.citations);
}

void parseRecommendations(const Json& root, Schema& schema) {
  const Json& recs = array(root, "recommendations", "root");
  std::vector<std::vector<std::string>> supersedes;
  for (size_t i = 0; i < recs.size(); ++i) {
    std::string where = "recommendation " + std::to_string(i);
    if (!recs[i].is_object()) corrupt(where + " is not an object");
    RecommendationSchema rec;
    rec.name = text(recs[i], "name", where);
    where = "recommendation '" + rec.name + "'";
    rec.label = text(recs[i], "label", where);
    rec.category = text(recs[i], "category", where);
    rec.urgency = text(recs[i], "urgency", where);
    rec.rationale = text(recs[i], "rationale", where);
    rec.citations = citations(recs[i], where);
    supersedes.push_back(strings(recs[i], "supersedes", where));
    schema.recommendationNames.push_back(rec.name);
    schema.recommendations.push_back(std::move(rec));
  }
  for (uint32_t i = 0; i < schema.recommendations.size(); ++i) {
    for (const std::string& name : supersedes[i]) {
      uint32_t other = 0;
      while (other < schema.recommendationNames.size() &&
             schema.recommendationNames[other] != name) {
        ++other;
      }
      if (other == schema.recommendationNames.size()) {
        corrupt("recommendation '" + schema.recommendationNames[i] +
                "' supersedes unknown recommendation '" + name + "'");
      }
      schema.recommendations[i].supersedes.push_back(other);
      schema.recommendations[other].supersededBy.push_back(i);
    }
  }
}

}  // namespace

Schema Schema::parse(std::string_view json) {
  Json root;
  try {
    root = Json::parse(json.begin(), json.end());
  } catch (const Json::parse_error& error) {
    corrupt(std::string("JSON does not parse: ") + error.what());
  }
  if (!root.is_object()) corrupt("JSON is not an object");
  Schema schema;
  schema.name = text(root, "name", "root");
  schema.title = text(root, "title", "root");
  schema.version = text(root, "version", "root");
  schema.authors = strings(root, "authors", "root");
  for (const Json& item : array(root, "sources", "root")) {
    if (!item.is_object()) corrupt("source is not an object");
    SourceSchema source;
    source.name = text(item, "name", "source");
    source.title = text(item, "title", "source '" + source.name + "'");
    source.paragraphs = strings(item, "paragraphs", "source '" + source.name + "'");
    schema.sources.push_back(std::move(source));
  }
  const Json& inputs = array(root, "inputs", "root");
  for (size_t i = 0; i < inputs.size(); ++i) {
    schema.inputs.push_back(input(inputs[i], i));
    schema.inputNames.push_back(schema.inputs.back().name);
  }
  schema.inputTable = NameTable(schema.inputNames);
  for (const Json& item : array(root, "definitions", "root")) {
    if (!item.is_object()) corrupt("definition is not an object");
    DefinitionSchema def;
    def.name = text(item, "name", "definition");
    def.type = valueType(text(item, "type", "definition '" + def.name + "'"),
                         "definition '" + def.name + "'");
    schema.definitionNames.push_back(def.name);
    schema.definitions.push_back(std::move(def));
  }
  for (const Json& item : array(root, "findings", "root")) {
    if (!item.is_object()) corrupt("finding is not an object");
    FindingSchema finding;
    finding.name = text(item, "name", "finding");
    finding.label = text(item, "label", "finding '" + finding.name + "'");
    finding.citations = citations(item, "finding '" + finding.name + "'");
    schema.findingNames.push_back(finding.name);
    schema.findings.push_back(std::move(finding));
  }
  parseRecommendations(root, schema);
  if (auto graph = root.find("explain"); graph != root.end()) {
    std::string error;
    schema.explain.emplace();
    if (!explain::parseGraph(*graph, static_cast<uint32_t>(schema.inputs.size()),
                             static_cast<uint32_t>(schema.recommendations.size()),
                             *schema.explain, error)) {
      corrupt(error);
    }
  }
  if (auto bindings = root.find("fhir"); bindings != root.end()) {
    schema.fhir = fhir::parseBindings(*bindings, schema.inputs);
  }
  // Moving the schema later moves its vectors' buffers, not their elements,
  // so these views stay valid.
  buildViews(schema);
  return schema;
}

uint32_t findByName(const std::vector<std::string>& names, std::string_view name,
                    const char* what) {
  for (uint32_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  throw Error(PW_ERR_NOT_FOUND,
              std::string("no ") + what + " named " + quoted(name) +
                  didYouMean(name, names));
}

}  // namespace pathway::runtime
