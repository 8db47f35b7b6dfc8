// The C API for explanations: a traced evaluation records the value of every
// node of the pathway's condition graph, and pw_result_explain renders the
// same text and JSON as `pathwayc explain` (common/explain).
#include <string>

#include <fmt/format.h>

#include "Error.h"
#include "Input.h"
#include "Result.h"
#include "explain/Explain.h"

using namespace pathway::runtime;
using pathway::explain::Status;

namespace {

// One traced evaluation, seen as common/explain reads it.
class TracedEvaluation final : public pathway::explain::Evaluation {
 public:
  explicit TracedEvaluation(const pw_result& result)
      : result_(result), schema_(result.library->schema) {}

  const pathway::explain::Graph& graph() const override { return *schema_.explain; }
  std::string pathwayName() const override { return schema_.name; }
  std::string pathwayVersion() const override { return schema_.version; }
  uint32_t recommendationCount() const override {
    return static_cast<uint32_t>(schema_.recommendations.size());
  }

  pathway::explain::Recommendation recommendation(uint32_t index) const override {
    const RecommendationSchema& rec = schema_.recommendations[index];
    pathway::explain::Recommendation out{rec.name, rec.label, rec.category, rec.urgency, {},
                                         rec.supersededBy};
    for (size_t c = 0; c < rec.citations.paragraphs.size(); ++c) {
      out.citations.push_back({rec.citations.sources[c], rec.citations.paragraphs[c]});
    }
    return out;
  }

  std::string inputName(uint32_t input) const override { return schema_.inputs[input].name; }

  std::string inputValue(uint32_t input) const override {
    using pathway::explain::ValueKind;
    if (!result_.inputKnown[input]) return "unknown";
    const InputSchema& in = schema_.inputs[input];
    ValueKind kind = ValueKind::Number;
    switch (in.kind) {
      case PW_INPUT_BOOL: kind = ValueKind::Bool; break;
      case PW_INPUT_ENUM: kind = ValueKind::Enum; break;
      case PW_INPUT_QUANTITY: kind = ValueKind::Quantity; break;
      case PW_INPUT_INT:
      case PW_INPUT_NUMBER: break;
    }
    std::string text = pathway::explain::valueText(kind, result_.inputValues[input], in.unit, in.labels);
    // The record behind the value, beside it: "32 mm/h [Observation/esr-1, 2026-11-20T09:00:00Z]".
    if (result_.evidence && (*result_.evidence)[input]) {
      const pathway::runtime::Evidence& e = *(*result_.evidence)[input];
      text += e.resource.empty() ? " [" + e.value + "]"
                                 : " [" + e.resource + (e.effective.empty() ? "" : ", " + e.effective) + "]";
    }
    return text;
  }

  Status status(uint32_t rec) const override {
    switch (result_.status(rec)) {
      case PW_FIRE: return Status::Fire;
      case PW_NO: return Status::No;
      case PW_UNDETERMINED: return Status::Undetermined;
    }
    return Status::Undetermined;
  }

  uint8_t node(uint32_t graphNode) const override { return result_.trace[graphNode]; }

  std::vector<uint32_t> missing(uint32_t rec) const override {
    std::vector<uint32_t> out;
    result_.forEachMissing(rec, [&](uint32_t input) { out.push_back(input); });
    return out;
  }

 private:
  const pw_result& result_;
  const Schema& schema_;
};

pw_eval_trace_fn requireTrace(const pw_library& library) {
  pw_eval_trace_fn trace = traceEntryPoint(library);
  if (trace == nullptr) {
    throw Error(PW_ERR_STATE,
                fmt::format("pathway '{}' has no trace entry point, so it cannot be explained; "
                            "recompile it with this version of pathwayc",
                            library.schema.name));
  }
  return trace;
}

std::string explanation(const pw_result& result, uint32_t recommendation, pw_explain_format format) {
  if (format != PW_EXPLAIN_TEXT && format != PW_EXPLAIN_JSON) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("unknown explanation format {}", static_cast<int>(format)));
  }
  if (!result.traced) {
    throw Error(PW_ERR_STATE, "the result was not evaluated with pw_evaluate_traced, so it holds "
                              "nothing to explain");
  }
  const TracedEvaluation evaluation(result);
  const bool json = format == PW_EXPLAIN_JSON;
  if (recommendation == PW_EXPLAIN_ALL) {
    return json ? pathway::explain::json(evaluation, false).dump(-1, ' ', false,
                                                                 nlohmann::ordered_json::error_handler_t::replace)
                : pathway::explain::text(evaluation, false);
  }
  if (recommendation >= evaluation.recommendationCount()) {
    throw Error(PW_ERR_ARGUMENT, fmt::format("recommendation index {} is out of range (the pathway "
                                             "has {})",
                                             recommendation, evaluation.recommendationCount()));
  }
  const pathway::explain::Explanation e = pathway::explain::explain(evaluation, recommendation);
  return json ? pathway::explain::json(evaluation, e).dump(-1, ' ', false,
                                                           nlohmann::ordered_json::error_handler_t::replace)
              : pathway::explain::text(evaluation, e);
}

}  // namespace

extern "C" {

pw_status pw_evaluate_traced(const pw_library* library, const pw_input* input, pw_result* result) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(input, "input");
    requireNonNull(result, "result");
    if (input->library != library || result->library != library) {
      throw Error(PW_ERR_ARGUMENT, "the input and result must be created from the library "
                                   "they are evaluated with");
    }
    pw_eval_trace_fn trace = requireTrace(*library);
    trace(input->values.data(), input->known.data(), result->state.data(), result->numbers.data(),
          result->maskBuffer(), result->trace.data());
    std::copy(input->values.begin(), input->values.end(), result->inputValues.begin());
    std::copy(input->known.begin(), input->known.end(), result->inputKnown.begin());
    result->evidence = input->evidence;
    result->masksWritten();
    result->evaluated = true;
    result->traced = true;
  });
}

pw_status pw_result_explain(const pw_result* result, uint32_t recommendation,
                            pw_explain_format format, char* buffer, size_t capacity,
                            size_t* length) {
  return guard([&] {
    requireNonNull(result, "result");
    requireNonNull(length, "length");
    writeText(explanation(*result, recommendation, format), buffer, capacity, length,
              "the explanation");
  });
}

}  // extern "C"
