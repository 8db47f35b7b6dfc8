#include "driver/BriefResult.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace pathway::driver {
namespace {

std::string quoted(const char* s) { return nlohmann::json(std::string(s)).dump(); }

}  // namespace

BriefWriter::BriefWriter(const Library& library) {
  pw_library_info info = library.info();
  prefix_ = "{\"pathway\":" + quoted(info.name) + ",\"version\":" + quoted(info.version) + ",";
  for (uint32_t r = 0; r < info.n_recommendations; ++r) recs_.push_back(quoted(library.recommendation(r).name));
  for (uint32_t i = 0; i < info.n_inputs; ++i) inputs_.push_back(quoted(library.input(i).name));
  for (uint32_t f = 0; f < info.n_findings; ++f) findings_.push_back(quoted(library.finding(f).name));
  for (uint32_t d = 0; d < info.n_definitions; ++d) {
    pw_definition_info def = library.definition(d);
    definitions_.push_back(quoted(def.name));
    boolDefinition_.push_back(def.type == PW_TYPE_BOOL);
  }
  scratch_.resize(std::max<size_t>(info.n_inputs, info.n_recommendations) + 1);
}

void BriefWriter::write(const Result& result, std::string& out) {
  const pw_result* r = result.get();
  auto capacity = static_cast<uint32_t>(scratch_.size());
  out += prefix_;
  out += "\"status\":{";
  for (uint32_t i = 0; i < recs_.size(); ++i) {
    pw_rec_status s;
    pw_result_status(r, i, &s);
    out += i ? "," : "";
    out += recs_[i];
    out += s == PW_FIRE ? ":\"fire\"" : s == PW_NO ? ":\"no\"" : ":\"undetermined\"";
  }
  out += "},\"missing\":{";
  bool first = true;
  for (uint32_t i = 0; i < recs_.size(); ++i) {
    uint32_t count = 0;
    pw_result_missing(r, i, scratch_.data(), capacity, &count);
    if (count == 0) continue;
    out += first ? "" : ",";
    first = false;
    out += recs_[i] + ":[";
    for (uint32_t k = 0; k < count; ++k) out += (k ? "," : "") + inputs_[scratch_[k]];
    out += "]";
  }
  out += "},\"superseded_by\":{";
  first = true;
  for (uint32_t i = 0; i < recs_.size(); ++i) {
    uint32_t count = 0;
    pw_result_superseded_by(r, i, scratch_.data(), capacity, &count);
    if (count == 0) continue;
    out += first ? "" : ",";
    first = false;
    out += recs_[i] + ":[";
    for (uint32_t k = 0; k < count; ++k) out += (k ? "," : "") + recs_[scratch_[k]];
    out += "]";
  }
  out += "},\"findings\":{";
  for (uint32_t f = 0; f < findings_.size(); ++f) {
    pw_tri v;
    pw_result_finding(r, f, &v);
    out += f ? "," : "";
    out += findings_[f];
    out += v == PW_TRUE ? ":true" : v == PW_FALSE ? ":false" : ":null";
  }
  out += "},\"definitions\":{";
  for (uint32_t d = 0; d < definitions_.size(); ++d) {
    pw_tri v;
    double number = 0;
    pw_result_definition(r, d, &v, &number);
    out += d ? "," : "";
    out += definitions_[d];
    if (v == PW_UNKNOWN) {
      out += ":null";
    } else if (boolDefinition_[d]) {
      out += v == PW_TRUE ? ":true" : ":false";
    } else {
      out += ":";
      out += fmt::format("{}", number);
    }
  }
  out += "}}";
}

}  // namespace pathway::driver
