// The C API for libraries: open, close, introspection, lookups.
#include <memory>

#include <fmt/format.h>

#include "Error.h"
#include "InfoStruct.h"
#include "Library.h"

using namespace pathway::runtime;

namespace {

template <typename Item>
const Item& itemAt(const std::vector<Item>& items, uint32_t index, const char* what) {
  if (index >= items.size()) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("{} index {} is out of range (the pathway has {})",
                                             what, index, items.size()));
  }
  return items[index];
}

uint32_t count(size_t n) { return static_cast<uint32_t>(n); }

pw_status find(const pw_library* library, const char* name, uint32_t* index,
               const std::vector<std::string>& (*names)(const Schema&), const char* what) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(name, "name");
    requireNonNull(index, "index");
    *index = findByName(names(library->schema), name, what);
  });
}

}  // namespace

extern "C" {

pw_status pw_library_open(const char* path, pw_library** out) {
  return guard([&] {
    requireNonNull(path, "path");
    requireNonNull(out, "out");
    auto library = std::make_unique<pw_library>();
    openLibrary(path, *library);
    *out = library.release();
  });
}

pw_status pw_library_from_descriptor(const pw_descriptor* descriptor, pw_library** out) {
  return guard([&] {
    requireNonNull(descriptor, "descriptor");
    requireNonNull(out, "out");
    auto library = std::make_unique<pw_library>();
    openDescriptor(*descriptor, *library);
    *out = library.release();
  });
}

void pw_library_close(pw_library* library) { delete library; }

pw_status pw_library_get_info(const pw_library* library, pw_library_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const Schema& schema = library->schema;
    const pw_descriptor& d = *library->descriptor;
    pw_library_info full{};
    full.abi_version = d.abi_version;
    full.path = library->path.c_str();
    full.name = schema.name.c_str();
    full.title = schema.title.c_str();
    full.version = schema.version.c_str();
    full.content_hash = d.content_hash;
    full.n_inputs = d.n_inputs;
    full.n_recommendations = d.n_recommendations;
    full.n_findings = d.n_findings;
    full.n_definitions = d.n_definitions;
    full.n_sources = count(schema.sources.size());
    full.n_authors = count(schema.authors.size());
    full.authors = schema.authorView.data();
    full.n_slots = d.n_slots;
    full.mask_words = d.mask_words;
    full.metadata_json = d.metadata_json;
    full.metadata_size = d.metadata_size;
    fillInfo(info, full);
  });
}

pw_status pw_library_get_source(const pw_library* library, uint32_t index,
                                pw_source_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const SourceSchema& source = itemAt(library->schema.sources, index, "source");
    pw_source_info full{};
    full.n_paragraphs = count(source.paragraphs.size());
    full.name = source.name.c_str();
    full.title = source.title.c_str();
    full.paragraphs = source.paragraphView.data();
    fillInfo(info, full);
  });
}

pw_status pw_library_get_input(const pw_library* library, uint32_t index, pw_input_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const InputSchema& in = itemAt(library->schema.inputs, index, "input");
    pw_input_info full{};
    full.kind = in.kind;
    full.name = in.name.c_str();
    full.unit = in.unit.c_str();
    full.dimension = in.dimension.c_str();
    full.has_min = in.min.has_value();
    full.has_max = in.max.has_value();
    full.min = in.min.value_or(0.0);
    full.max = in.max.value_or(0.0);
    full.enum_name = in.enumName.c_str();
    full.n_labels = count(in.labels.size());
    full.labels = in.labelView.data();
    full.description = in.description.c_str();
    fillInfo(info, full);
  });
}

pw_status pw_library_get_finding(const pw_library* library, uint32_t index,
                                 pw_finding_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const FindingSchema& finding = itemAt(library->schema.findings, index, "finding");
    pw_finding_info full{};
    full.n_citations = count(finding.citations.view.size());
    full.name = finding.name.c_str();
    full.label = finding.label.c_str();
    full.citations = finding.citations.view.data();
    fillInfo(info, full);
  });
}

pw_status pw_library_get_definition(const pw_library* library, uint32_t index,
                                    pw_definition_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const DefinitionSchema& def = itemAt(library->schema.definitions, index, "definition");
    pw_definition_info full{};
    full.type = def.type;
    full.name = def.name.c_str();
    fillInfo(info, full);
  });
}

pw_status pw_library_get_recommendation(const pw_library* library, uint32_t index,
                                        pw_recommendation_info* info) {
  return guard([&] {
    requireNonNull(library, "library");
    const RecommendationSchema& rec =
        itemAt(library->schema.recommendations, index, "recommendation");
    pw_recommendation_info full{};
    full.n_citations = count(rec.citations.view.size());
    full.name = rec.name.c_str();
    full.label = rec.label.c_str();
    full.category = rec.category.c_str();
    full.urgency = rec.urgency.c_str();
    full.rationale = rec.rationale.c_str();
    full.citations = rec.citations.view.data();
    full.n_supersedes = count(rec.supersedes.size());
    full.supersedes = rec.supersedes.data();
    fillInfo(info, full);
  });
}

pw_status pw_library_find_input(const pw_library* library, const char* name, uint32_t* index) {
  return find(library, name, index, [](const Schema& s) -> const auto& { return s.inputNames; },
              "input");
}

pw_status pw_library_find_finding(const pw_library* library, const char* name,
                                  uint32_t* index) {
  return find(library, name, index,
              [](const Schema& s) -> const auto& { return s.findingNames; }, "finding");
}

pw_status pw_library_find_definition(const pw_library* library, const char* name,
                                     uint32_t* index) {
  return find(library, name, index,
              [](const Schema& s) -> const auto& { return s.definitionNames; }, "definition");
}

pw_status pw_library_find_recommendation(const pw_library* library, const char* name,
                                         uint32_t* index) {
  return find(library, name, index,
              [](const Schema& s) -> const auto& { return s.recommendationNames; },
              "recommendation");
}

}  // extern "C"
