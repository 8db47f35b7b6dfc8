// The compact result line of `pathwayc run --ndjson`: what varies between
// patients (statuses, missing inputs, supersedes, finding and definition
// values) without the per-recommendation text that `describe` already gives
// once. Written by hand: it is the hot path of population runs.
//   {"pathway":"p","version":"1.0.0",
//    "status":{"code":"fire|no|undetermined",...},
//    "missing":{"code":["input",...]},        (undetermined only)
//    "superseded_by":{"code":["code",...]},   (superseded only)
//    "findings":{"name":true|false|null},
//    "definitions":{"name":value|null}}
#ifndef PATHWAY_DRIVER_BRIEFRESULT_H
#define PATHWAY_DRIVER_BRIEFRESULT_H

#include <array>
#include <pathway/pathway.hpp>
#include <string>
#include <vector>

namespace pathway::driver {

class BriefWriter {
 public:
  explicit BriefWriter(const Library& library);
  // Appends one line (without the newline) to `out`.
  void write(const Result& result, std::string& out);

 private:
  void writeStatuses(const pw_result* result, std::string& out);
  void writeMissing(const pw_result* result, std::string& out);
  void writeSupersededBy(const pw_result* result, std::string& out);
  void writeFindings(const pw_result* result, std::string& out) const;
  void appendBits(std::string& out, bool& first, const std::string& name,
                  const std::vector<std::string>& names, const uint64_t* words, size_t count);
  void writeDefinitions(const pw_result* result, std::string& out) const;

  std::string prefix_;  // {"pathway":...,"version":...,
  std::vector<std::string> recs_, inputs_, definitions_;  // quoted names
  // Whole members, with the comma before all but the first:
  // statusMembers_[rec][status] is "code":"fire" etc., findingMembers_[f][tri]
  // "name":true|false|null.
  std::vector<std::array<std::string, 3>> statusMembers_, findingMembers_;
  std::vector<bool> boolDefinition_;
  std::vector<bool> superseded_;  // some recommendation supersedes this one
  bool anySuperseded_ = false;
  size_t maskWords_ = 1;
  // Of the result being written, from the bulk accessors.
  std::vector<uint8_t> statuses_;
  std::vector<uint64_t> masks_, supersededMasks_;
  std::vector<uint32_t> scratch_;
};

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_BRIEFRESULT_H
