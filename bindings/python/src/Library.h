// A loaded pathway library and its schema, read once through the C API.
#ifndef PATHWAY_PYTHON_LIBRARY_H
#define PATHWAY_PYTHON_LIBRARY_H

#include <memory>
#include <string>
#include <vector>

#include <pathway/pathway.h>

namespace pathway::python {

class Library {
 public:
  explicit Library(const std::string& path);
  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  const pw_library* get() const { return library_; }
  const pw_library_info& info() const { return info_; }
  const std::vector<pw_input_info>& inputs() const { return inputs_; }
  const std::vector<pw_recommendation_info>& recommendations() const { return recommendations_; }
  const std::vector<pw_finding_info>& findings() const { return findings_; }
  const std::vector<pw_definition_info>& definitions() const { return definitions_; }
  const std::vector<pw_source_info>& sources() const { return sources_; }

  // The library has the column entry point (built with --columns).
  bool hasColumns() const { return hasColumns_; }
  // The library has the trace entry point (explanations).
  bool hasTrace() const { return hasTrace_; }

  uint32_t slotOfFinding(uint32_t f) const { return 2 * info_.n_recommendations + f; }
  uint32_t slotOfDefinition(uint32_t d) const {
    return 2 * info_.n_recommendations + info_.n_findings + d;
  }

 private:
  pw_library* library_ = nullptr;
  pw_library_info info_ = pw_library_info_init();
  std::vector<pw_input_info> inputs_;
  std::vector<pw_recommendation_info> recommendations_;
  std::vector<pw_finding_info> findings_;
  std::vector<pw_definition_info> definitions_;
  std::vector<pw_source_info> sources_;
  bool hasColumns_ = false;
  bool hasTrace_ = false;
};

}  // namespace pathway::python

#endif  // PATHWAY_PYTHON_LIBRARY_H
