// A structural check of a file before dlopen maps it: dlopen trusts the
// program headers, and a truncated library can crash the process (SIGBUS)
// instead of failing cleanly.
#ifndef PATHWAY_RUNTIME_ELFCHECK_H
#define PATHWAY_RUNTIME_ELFCHECK_H

#include <string>

namespace pathway::runtime {

// Throws Error(PW_ERR_LOAD) with a message naming `path` unless the file is
// a complete ELF shared object of this machine's class.
void checkSharedObject(const std::string& path);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_ELFCHECK_H
