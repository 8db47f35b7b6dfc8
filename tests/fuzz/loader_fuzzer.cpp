// Corrupted descriptors -> the library loader: it must fail cleanly (a
// status and a message) or succeed, and a library it accepts must survive
// a walk over its whole introspection API. The first byte picks a mode:
//   0  an in-memory descriptor (pw_library_from_descriptor): the valid
//      one's header fields patched by the next bytes, its metadata JSON
//      replaced by the rest of the input;
//   1  the valid .so with bytes of its descriptor and metadata JSON patched
//      in the file, then pw_library_open;
//   2  the valid .so truncated, then pw_library_open.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <pathway/abi.h>
#include <pathway/pathway.h>

#include "FuzzSupport.h"

namespace {

struct Fixture {
  std::vector<char> file;    // the valid library's bytes
  pw_descriptor descriptor;  // a copy of its descriptor (entry points kept)
  size_t descriptorOffset = 0;
  size_t metadataOffset = 0;
  size_t metadataSize = 0;
  std::string path;          // where corrupted copies are written
  pw_library* valid = nullptr;  // kept open: its strings back mode 0
};

size_t find(const std::vector<char>& haystack, const void* needle, size_t length) {
  for (size_t i = 0; i + length <= haystack.size(); ++i) {
    if (std::memcmp(&haystack[i], needle, length) == 0) return i;
  }
  std::abort();  // the fixture no longer looks like we expect
}

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture out;
    const std::string& path = pathway::fuzz::fixedLibraryPath();
    out.file = pathway::fuzz::readFile(path);
    pw_library* lib = nullptr;
    if (pw_library_open(path.c_str(), &lib) != PW_OK) std::abort();
    pw_library_info info = pw_library_info_init();
    pw_library_get_info(lib, &info);
    const uint32_t header[3] = {PW_DESCRIPTOR_MAGIC, PW_ABI_VERSION, sizeof(pw_descriptor)};
    out.descriptorOffset = find(out.file, header, sizeof header);
    out.metadataOffset = find(out.file, info.metadata_json, info.metadata_size);
    out.metadataSize = info.metadata_size;
    std::memcpy(&out.descriptor, &out.file[out.descriptorOffset], sizeof out.descriptor);
    out.valid = lib;
    out.path = pathway::fuzz::scratchDirectory() + "/libcorrupt.so";
    return out;
  }();
  return f;
}

// Everything an app might call on an opened library.
void walk(pw_library* lib) {
  pw_library_info info = pw_library_info_init();
  if (pw_library_get_info(lib, &info) != PW_OK) std::abort();
  for (uint32_t i = 0; i < info.n_sources + 1; ++i) {
    pw_source_info s = pw_source_info_init();
    pw_library_get_source(lib, i, &s);
  }
  for (uint32_t i = 0; i < info.n_inputs + 1; ++i) {
    pw_input_info in = pw_input_info_init();
    if (pw_library_get_input(lib, i, &in) == PW_OK) {
      uint32_t index = 0;
      pw_library_find_input(lib, in.name, &index);
    }
  }
  for (uint32_t i = 0; i < info.n_findings + 1; ++i) {
    pw_finding_info fi = pw_finding_info_init();
    pw_library_get_finding(lib, i, &fi);
  }
  for (uint32_t i = 0; i < info.n_definitions + 1; ++i) {
    pw_definition_info d = pw_definition_info_init();
    pw_library_get_definition(lib, i, &d);
  }
  for (uint32_t i = 0; i < info.n_recommendations + 1; ++i) {
    pw_recommendation_info r = pw_recommendation_info_init();
    pw_library_get_recommendation(lib, i, &r);
  }
  uint32_t index = 0;
  pw_library_find_input(lib, "pain", &index);
  pw_library_find_recommendation(lib, "urgentt", &index);
  pw_input* input = nullptr;
  pw_result* result = nullptr;
  if (pw_input_new(lib, &input) != PW_OK || pw_result_new(lib, &result) != PW_OK) std::abort();
  static const char kPatient[] =
      R"({"pain": 7, "quality": "sharp", "weeks_pt": "3 weeks", "fever": true, "crp": 12})";
  pw_input_set_json(input, kPatient, sizeof kPatient - 1);
  if (pw_evaluate(lib, input, result) == PW_OK) {
    size_t length = 0;
    pw_result_to_json(result, nullptr, 0, &length);
    std::vector<char> buffer(length + 1);
    pw_result_to_json(result, buffer.data(), buffer.size(), &length);
    for (uint32_t r = 0; r < info.n_recommendations; ++r) {
      uint32_t items[64], count = 0;
      pw_result_missing(result, r, items, 64, &count);
      pw_result_superseded_by(result, r, items, 64, &count);
    }
  }
  pw_result_free(result);
  pw_input_free(input);
}

void check(pw_status status, pw_library* lib) {
  if (status == PW_OK) {
    walk(lib);
    pw_library_close(lib);
  } else if (lib != nullptr || std::strlen(pw_last_error()) == 0) {
    std::abort();  // a failure leaves *out alone and says why
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Fixture& f = fixture();
  const uint8_t mode = data[0] % 3;
  ++data;
  --size;
  pw_library* lib = nullptr;
  if (mode == 0) {
    // Header fields (10 x uint32 after the magic... metadata_checksum) as
    // patches: pairs (field, byte) applied to the little-endian words, after
    // the checksum of the (fuzzed) metadata is set, so that the metadata's
    // own checks are reached.
    pw_descriptor d = f.descriptor;
    pw_library_info info = pw_library_info_init();
    pw_library_get_info(f.valid, &info);
    d.name = info.name;
    d.version = info.version;
    d.evaluate = nullptr;  // a corrupt schema must never reach compiled code
    d.evaluate_batch = nullptr;
    size_t patches = size >= 1 ? data[0] % 8 : 0;
    size_t at = 1;
    const size_t firstPatch = at;
    for (size_t i = 0; i < patches && at + 1 < size; ++i) at += 2;
    const size_t patchEnd = at;
    at = std::min(at, size);
    // The metadata: the rest of the input, in a buffer of exactly its size.
    std::vector<char> metadata(data + at, data + size);
    d.metadata_json = metadata.empty() ? "" : metadata.data();
    d.metadata_size = metadata.size();
    d.metadata_checksum = pw_descriptor_checksum(&d);
    auto* words = reinterpret_cast<uint8_t*>(&d);  // the ten uint32 fields
    for (size_t p = firstPatch; p + 1 < size && p < patchEnd; p += 2) words[data[p] % 40] = data[p + 1];
    check(pw_library_from_descriptor(&d, &lib), lib);
    return 0;
  }
  std::vector<char> file = f.file;
  if (mode == 1) {
    // Pairs (offset, byte): offsets below 40 patch the descriptor's header
    // fields, the others the metadata JSON.
    for (size_t at = 0; at + 2 < size; at += 3) {
      const size_t offset = (size_t{data[at]} << 8 | data[at + 1]) % (40 + f.metadataSize);
      const size_t where = offset < 40 ? f.descriptorOffset + offset : f.metadataOffset + offset - 40;
      file[where] = static_cast<char>(data[at + 2]);
    }
  } else {
    const size_t keep = size >= 2 ? (size_t{data[0]} << 8 | data[1]) * file.size() / 65536 : 0;
    file.resize(keep);
  }
  pathway::fuzz::writeFile(f.path, file.data(), file.size());
  check(pw_library_open(f.path.c_str(), &lib), lib);
  return 0;
}
