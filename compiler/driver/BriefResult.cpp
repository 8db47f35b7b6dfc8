#include "driver/BriefResult.h"

#include <fmt/format.h>

#include <bit>
#include <iterator>
#include <nlohmann/json.hpp>

namespace pathway::driver {
namespace {

using namespace std::string_view_literals;

std::string quoted(const char* s) { return nlohmann::json(std::string(s)).dump(); }

// `"name":value` for each value, after a comma unless it is the first member.
std::array<std::string, 3> members(uint32_t index, const char* name,
                                   const std::array<const char*, 3>& values) {
  std::array<std::string, 3> out;
  for (size_t v = 0; v < values.size(); ++v) {
    out[v] = (index ? "," : "") + quoted(name) + ":" + values[v];
  }
  return out;
}

// Appends `"name":[item,...]` (quoted names), after a comma unless `first`.
void appendList(std::string& out, bool& first, const std::string& name,
                const std::vector<std::string>& names, const uint32_t* items, uint32_t count) {
  if (!first) out += ',';
  first = false;
  out += name;
  out += ":["sv;
  for (uint32_t k = 0; k < count; ++k) {
    if (k != 0) out += ',';
    out += names[items[k]];
  }
  out += ']';
}

}  // namespace

BriefWriter::BriefWriter(const Library& library) {
  pw_library_info info = library.info();
  prefix_ = "{\"pathway\":" + quoted(info.name) + ",\"version\":" + quoted(info.version) + ",";
  superseded_.resize(info.n_recommendations);
  std::array<const char*, 3> statusValues;
  statusValues[PW_FIRE] = "\"fire\"";
  statusValues[PW_NO] = "\"no\"";
  statusValues[PW_UNDETERMINED] = "\"undetermined\"";
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    pw_recommendation_info rec = library.recommendation(r);
    recs_.push_back(quoted(rec.name));
    statusMembers_.push_back(members(r, rec.name, statusValues));
    for (uint32_t s = 0; s < rec.n_supersedes; ++s) superseded_[rec.supersedes[s]] = true;
  }
  for (uint32_t i = 0; i < info.n_inputs; ++i) inputs_.push_back(quoted(library.input(i).name));
  std::array<const char*, 3> triValues;
  triValues[PW_FALSE] = "false";
  triValues[PW_TRUE] = "true";
  triValues[PW_UNKNOWN] = "null";
  for (uint32_t f = 0; f < info.n_findings; ++f) {
    findingMembers_.push_back(members(f, library.finding(f).name, triValues));
  }
  for (uint32_t d = 0; d < info.n_definitions; ++d) {
    pw_definition_info def = library.definition(d);
    definitions_.push_back(quoted(def.name));
    boolDefinition_.push_back(def.type == PW_TYPE_BOOL);
  }
  statuses_.resize(info.n_recommendations);
  maskWords_ = info.mask_words;
  masks_.resize(size_t{info.n_recommendations} * info.mask_words);
  supersededMasks_.resize(size_t{info.n_recommendations} * ((info.n_recommendations + 63) / 64));
  for (bool s : superseded_) anySuperseded_ = anySuperseded_ || s;
  scratch_.resize(std::max<size_t>(info.n_inputs, info.n_recommendations) + 1);
}

void BriefWriter::write(const Result& result, std::string& out) {
  const pw_result* r = result.get();
  out += prefix_;
  writeStatuses(r, out);
  writeMissing(r, out);
  writeSupersededBy(r, out);
  writeFindings(r, out);
  writeDefinitions(r, out);
  out += '}';
}

void BriefWriter::writeStatuses(const pw_result* result, std::string& out) {
  out += "\"status\":{"sv;
  uint32_t count = 0;
  pw_result_statuses(result, statuses_.data(), static_cast<uint32_t>(statuses_.size()), &count);
  for (uint32_t i = 0; i < recs_.size(); ++i) out += statusMembers_[i][statuses_[i]];
  out += '}';
}

// Appends `"name":[item,...]` for the set bits of `words` (quoted names in
// increasing index order), after a comma unless `first`.
void BriefWriter::appendBits(std::string& out, bool& first, const std::string& name,
                             const std::vector<std::string>& names, const uint64_t* words,
                             size_t count) {
  uint32_t n = 0;
  for (size_t w = 0; w < count; ++w) {
    for (uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
      scratch_[n++] = static_cast<uint32_t>(w * 64 + std::countr_zero(bits));
    }
  }
  if (n != 0) appendList(out, first, name, names, scratch_.data(), n);
}

// Only undetermined recommendations have missing inputs.
void BriefWriter::writeMissing(const pw_result* result, std::string& out) {
  out += ",\"missing\":{"sv;
  bool first = true;
  size_t count = 0;
  pw_result_missing_masks(result, masks_.data(), masks_.size(), &count);
  const size_t words = maskWords_;
  for (uint32_t i = 0; i < recs_.size(); ++i) {
    if (statuses_[i] != PW_UNDETERMINED) continue;
    appendBits(out, first, recs_[i], inputs_, &masks_[i * words], words);
  }
  out += '}';
}

void BriefWriter::writeSupersededBy(const pw_result* result, std::string& out) {
  out += ",\"superseded_by\":{"sv;
  bool first = true;
  if (anySuperseded_) {
    size_t count = 0;
    pw_result_superseded_masks(result, supersededMasks_.data(), supersededMasks_.size(), &count);
    const size_t words = (recs_.size() + 63) / 64;
    for (uint32_t i = 0; i < recs_.size(); ++i) {
      if (!superseded_[i]) continue;
      appendBits(out, first, recs_[i], recs_, &supersededMasks_[i * words], words);
    }
  }
  out += '}';
}

void BriefWriter::writeFindings(const pw_result* result, std::string& out) const {
  out += ",\"findings\":{"sv;
  for (uint32_t f = 0; f < findingMembers_.size(); ++f) {
    pw_tri v;
    pw_result_finding(result, f, &v);
    out += findingMembers_[f][v];
  }
  out += '}';
}

void BriefWriter::writeDefinitions(const pw_result* result, std::string& out) const {
  out += ",\"definitions\":{"sv;
  for (uint32_t d = 0; d < definitions_.size(); ++d) {
    pw_tri v;
    double number = 0;
    pw_result_definition(result, d, &v, &number);
    if (d != 0) out += ',';
    out += definitions_[d];
    if (v == PW_UNKNOWN) {
      out += ":null"sv;
    } else if (boolDefinition_[d]) {
      out += v == PW_TRUE ? ":true"sv : ":false"sv;
    } else {
      out += ':';
      fmt::format_to(std::back_inserter(out), "{}", number);
    }
  }
  out += '}';
}

}  // namespace pathway::driver
