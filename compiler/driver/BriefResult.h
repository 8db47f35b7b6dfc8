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
  std::string prefix_;  // {"pathway":...,"version":...,
  std::vector<std::string> recs_, inputs_, findings_, definitions_;  // quoted names
  std::vector<bool> boolDefinition_;
  std::vector<uint32_t> scratch_;
};

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_BRIEFRESULT_H
