// One patient's evaluation: a pw_result and the library it belongs to.
#ifndef PATHWAY_PYTHON_RESULT_H
#define PATHWAY_PYTHON_RESULT_H

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "Library.h"

namespace pathway::python {

class Result {
 public:
  // Evaluates the patient given as a JSON object (pw_input_set_json), traced
  // when the library has the trace entry point. Releases nothing itself: the
  // caller decides about the GIL.
  Result(std::shared_ptr<const Library> library, const std::string& json);
  ~Result();
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;

  const Library& library() const { return *library_; }
  bool traced() const { return traced_; }

  pw_rec_status status(uint32_t recommendation) const;
  pw_tri condition(uint32_t recommendation) const;
  std::vector<uint32_t> missing(uint32_t recommendation) const;
  std::vector<uint32_t> supersededBy(uint32_t recommendation) const;
  pw_tri finding(uint32_t finding) const;
  std::pair<pw_tri, double> definition(uint32_t definition) const;
  // pw_result_explain; `recommendation` may be PW_EXPLAIN_ALL.
  std::string explain(uint32_t recommendation, bool json) const;
  std::string toJson() const;

 private:
  std::shared_ptr<const Library> library_;
  pw_result* result_ = nullptr;
  bool traced_ = false;
};

}  // namespace pathway::python

#endif  // PATHWAY_PYTHON_RESULT_H
