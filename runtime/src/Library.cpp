#include "Library.h"

#include <dlfcn.h>

#include <fmt/format.h>

#include "ElfCheck.h"
#include "Error.h"

pw_library::~pw_library() {
  if (handle != nullptr) ::dlclose(handle);
}

namespace pathway::runtime {
namespace {

// How an in-memory descriptor is named in messages.
constexpr const char* kInMemory = "<in-memory descriptor>";

void checkDescriptor(const std::string& path, const pw_descriptor& d, bool needEntryPoints) {
  if (d.magic != PW_DESCRIPTOR_MAGIC) {
    throw Error(PW_ERR_ABI, fmt::format("'{}' is not a Pathway library: its descriptor has "
                                        "magic {:#010x}, expected {:#010x}",
                                        path, d.magic, PW_DESCRIPTOR_MAGIC));
  }
  if (d.abi_version != PW_ABI_VERSION) {
    throw Error(PW_ERR_ABI,
                fmt::format("'{}' was built for Pathway ABI version {}, but this runtime "
                            "supports ABI version {}; recompile it with a matching pathwayc",
                            path, d.abi_version, PW_ABI_VERSION));
  }
  // Version 1 descriptors end after evaluate_batch or, newer, after
  // evaluate_columns or n_trace_nodes (pathway/abi.h).
  if (d.descriptor_size != PW_DESCRIPTOR_SIZE_ROWS &&
      d.descriptor_size != PW_DESCRIPTOR_SIZE_COLUMNS &&
      d.descriptor_size != PW_DESCRIPTOR_SIZE_TRACE) {
    throw Error(PW_ERR_ABI,
                fmt::format("'{}' has a descriptor of {} bytes, but ABI version {} "
                            "descriptors are {} bytes, {} with the column entry point or {} "
                            "with the trace entry point",
                            path, d.descriptor_size, PW_ABI_VERSION, PW_DESCRIPTOR_SIZE_ROWS,
                            PW_DESCRIPTOR_SIZE_COLUMNS, PW_DESCRIPTOR_SIZE_TRACE));
  }
  auto corrupt = [&](const std::string& why) {
    throw Error(PW_ERR_CORRUPT, fmt::format("corrupt descriptor in '{}': {}", path, why));
  };
  if (d.name == nullptr || d.version == nullptr || d.metadata_json == nullptr ||
      (needEntryPoints && (d.evaluate == nullptr || d.evaluate_batch == nullptr))) {
    corrupt(needEntryPoints ? "a name, metadata or entry point pointer is null"
                            : "a name, version or metadata pointer is null");
  }
  const uint64_t slots =
      2 * uint64_t{d.n_recommendations} + uint64_t{d.n_findings} + d.n_definitions;
  if (d.n_slots != slots) {
    corrupt(fmt::format("n_slots is {}, but the counts give {}", d.n_slots, slots));
  }
  const uint32_t words = d.n_inputs == 0 ? 1 : (d.n_inputs + 63) / 64;
  if (d.mask_words != words) {
    corrupt(fmt::format("mask_words is {}, but {} inputs need {}", d.mask_words, d.n_inputs,
                        words));
  }
}

// Last of the checks (each earlier one names its own problem): the
// metadata is the one the compiler wrote.
void checkChecksum(const std::string& path, const pw_descriptor& d) {
  const uint32_t actual = pw_descriptor_checksum(&d);
  if (d.metadata_checksum != actual) {
    throw Error(PW_ERR_CORRUPT,
                fmt::format("corrupt descriptor in '{}': its metadata checksum is {:#010x}, but its "
                            "content hash, name, version and metadata give {:#010x}; the library was modified or "
                            "damaged after it was built: rebuild it",
                            path, d.metadata_checksum, actual));
  }
}

void checkCount(const std::string& path, const char* what, size_t metadata, uint32_t descriptor) {
  if (metadata != descriptor) {
    throw Error(PW_ERR_CORRUPT,
                fmt::format("corrupt descriptor in '{}': the metadata lists {} {}, but the "
                            "descriptor says {}",
                            path, metadata, what, descriptor));
  }
}

// The trace entry point writes one byte per node of the metadata's condition
// graph: the two must agree.
void checkTrace(const std::string& path, const pw_descriptor& d, const Schema& schema) {
  if (d.descriptor_size < PW_DESCRIPTOR_SIZE_TRACE) return;
  if (d.evaluate_trace != nullptr && !schema.explain) {
    throw Error(PW_ERR_CORRUPT, fmt::format("corrupt descriptor in '{}': it has a trace entry "
                                            "point but its metadata has no condition graph",
                                            path));
  }
  const uint64_t nodes = schema.explain ? schema.explain->nodes.size() : 0;
  if (d.n_trace_nodes != nodes) {
    throw Error(PW_ERR_CORRUPT, fmt::format("corrupt descriptor in '{}': n_trace_nodes is {}, "
                                            "but the metadata's condition graph has {} nodes",
                                            path, d.n_trace_nodes, nodes));
  }
}

// Checks `descriptor` and its metadata (`path` names it in messages), then
// makes it the library's.
void adopt(const std::string& path, const pw_descriptor& descriptor, bool needEntryPoints,
           pw_library& library) {
  checkDescriptor(path, descriptor, needEntryPoints);
  try {
    library.schema = Schema::parse({descriptor.metadata_json, descriptor.metadata_size});
  } catch (const Error& error) {
    throw Error(error.status(),
                fmt::format("corrupt descriptor in '{}': {}", path, error.what()));
  }
  const Schema& schema = library.schema;
  checkCount(path, "inputs", schema.inputs.size(), descriptor.n_inputs);
  checkCount(path, "recommendations", schema.recommendations.size(),
             descriptor.n_recommendations);
  checkCount(path, "findings", schema.findings.size(), descriptor.n_findings);
  checkCount(path, "definitions", schema.definitions.size(), descriptor.n_definitions);
  if (schema.name != descriptor.name || schema.version != descriptor.version) {
    throw Error(PW_ERR_CORRUPT,
                fmt::format("corrupt descriptor in '{}': it names pathway '{}' {}, but the "
                            "metadata names '{}' {}",
                            path, descriptor.name, descriptor.version, schema.name,
                            schema.version));
  }
  checkTrace(path, descriptor, schema);
  checkChecksum(path, descriptor);
  library.descriptor = &descriptor;
}

}  // namespace

void openLibrary(const std::string& path, pw_library& library) {
  library.path = path;
  checkSharedObject(path);
  // A name without a slash would be searched for on the library path.
  const std::string loadPath = path.find('/') == std::string::npos ? "./" + path : path;
  library.handle = ::dlopen(loadPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library.handle == nullptr) {
    const char* why = ::dlerror();
    throw Error(PW_ERR_LOAD, fmt::format("cannot load '{}': {}", path, why ? why : "dlopen failed"));
  }
  ::dlerror();
  void* symbol = ::dlsym(library.handle, PW_DESCRIPTOR_SYMBOL);
  if (symbol == nullptr) {
    throw Error(PW_ERR_NOT_PATHWAY,
                fmt::format("'{}' is not a Pathway library: it has no '{}' symbol", path,
                            PW_DESCRIPTOR_SYMBOL));
  }
  adopt(path, *static_cast<const pw_descriptor*>(symbol), true, library);
}

void openDescriptor(const pw_descriptor& descriptor, pw_library& library) {
  library.path.clear();
  adopt(kInMemory, descriptor, false, library);
}

pw_eval_trace_fn traceEntryPoint(const pw_library& library) {
  const pw_descriptor& d = *library.descriptor;
  return d.descriptor_size >= PW_DESCRIPTOR_SIZE_TRACE ? d.evaluate_trace : nullptr;
}

void requireEntryPoint(const pw_library& library, bool batch) {
  const pw_descriptor& d = *library.descriptor;
  if (batch ? d.evaluate_batch != nullptr : d.evaluate != nullptr) return;
  throw Error(PW_ERR_STATE,
              fmt::format("pathway '{}' was opened from a descriptor without an '{}' entry "
                          "point, so the runtime cannot evaluate it; evaluate it elsewhere "
                          "and load the rows with pw_result_load",
                          library.schema.name, batch ? "evaluate_batch" : "evaluate"));
}

}  // namespace pathway::runtime
