// Objects -> shared library or WebAssembly module, linked in-process by LLD.
// No LLVM type appears in this header.
#ifndef PATHWAY_LINK_LINK_H
#define PATHWAY_LINK_LINK_H

#include <span>
#include <string>
#include <vector>

namespace pathway::link {

// Links the relocatable ELF `objects` into the shared library `outputPath`.
// The library is written under a temporary name in the output directory and
// renamed into place, so `outputPath` is either the complete new library or
// untouched. Thread-safe (links are serialised: LLD has global state).
// Returns false with `error` set when the output cannot be written or LLD
// reports an error.
bool linkSharedLibrary(const std::vector<std::vector<char>>& objects, const std::string& outputPath,
                       std::string& error);
// Links the WebAssembly `objects` into the module `outputPath` (written as
// above): no entry point, no imports, the exports pathway/abi.h lists for
// wasm32.
bool linkWasmModule(const std::vector<std::vector<char>>& objects, const std::string& outputPath,
                    std::string& error);

// The same for one object.
bool linkSharedLibrary(std::span<const char> object, const std::string& outputPath,
                       std::string& error);

}  // namespace pathway::link

#endif  // PATHWAY_LINK_LINK_H
