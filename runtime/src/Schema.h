// The library's metadata, parsed from the descriptor's JSON and checked, with
// the C views (pw_*_info) built once so the API hands out stable pointers.
#ifndef PATHWAY_RUNTIME_SCHEMA_H
#define PATHWAY_RUNTIME_SCHEMA_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "NameTable.h"
#include "fhir/FhirReader.h"
#include "explain/Explain.h"
#include "pathway/pathway.h"
#include "units/Units.h"

namespace pathway::runtime {

struct CitationList {
  std::vector<std::string> sources, paragraphs;
  std::vector<pw_citation> view;
};

struct SourceSchema {
  std::string name, title;
  std::vector<std::string> paragraphs;
  std::vector<const char*> paragraphView;
};

struct InputSchema {
  std::string name;
  pw_input_kind kind = PW_INPUT_BOOL;
  std::string unit, dimension;            // quantity
  const units::Unit* unitEntry = nullptr; // quantity: the declared unit
  std::optional<double> min, max;
  std::string enumName;                   // enum
  std::vector<std::string> labels;        // enum
  std::vector<const char*> labelView;
  std::string description;
};

struct FindingSchema {
  std::string name, label;
  CitationList citations;
};

struct DefinitionSchema {
  std::string name;
  pw_value_type type = PW_TYPE_BOOL;
};

struct RecommendationSchema {
  std::string name, label, category, urgency, rationale;
  CitationList citations;
  std::vector<uint32_t> supersedes;    // indices this one supersedes
  std::vector<uint32_t> supersededBy;  // indices that supersede this one
};

struct Schema {
  std::string name, title, version;
  std::vector<std::string> authors;
  std::vector<const char*> authorView;
  std::vector<SourceSchema> sources;
  std::vector<InputSchema> inputs;
  std::vector<DefinitionSchema> definitions;
  std::vector<FindingSchema> findings;
  std::vector<RecommendationSchema> recommendations;
  // The condition graph explanations are built from; absent in libraries
  // compiled before explanations existed.
  std::optional<explain::Graph> explain;
  // Names in index order, for lookups and suggestions.
  std::vector<std::string> inputNames, definitionNames, findingNames, recommendationNames;
  NameTable inputTable;  // inputNames, for pw_input_set_json
  // The FHIR bindings; absent in pathways that declare none.
  std::optional<fhir::BindingIndex> fhir;

  // Parses and checks the metadata; throws Error(PW_ERR_CORRUPT) with a
  // message (without the library's path) when it is not a valid schema.
  static Schema parse(std::string_view json);
};

// The index of `name` in `names`, or throws Error(PW_ERR_NOT_FOUND) naming
// `what` ("input", ...) and the closest name.
uint32_t findByName(const std::vector<std::string>& names, std::string_view name,
                    const char* what);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_SCHEMA_H
