// Shared by the fuzz targets: compiles a small fixed pathway in-process (the
// whole toolchain: front end, codegen, in-process LLD) into a temporary
// directory once per fuzzing process.
#ifndef PATHWAY_TESTS_FUZZ_FUZZSUPPORT_H
#define PATHWAY_TESTS_FUZZ_FUZZSUPPORT_H

#include <string>
#include <vector>

namespace pathway::fuzz {

// The fixed pathway's source text: every input kind, a range, units, an
// enum, findings, definitions and a supersedes.
const char* fixedPathwaySource();

// Path of the compiled fixed pathway (built on first call; aborts on failure).
const std::string& fixedLibraryPath();

// A temporary directory for this process (created on first call).
const std::string& scratchDirectory();

std::vector<char> readFile(const std::string& path);
void writeFile(const std::string& path, const void* data, size_t size);

}  // namespace pathway::fuzz

#endif  // PATHWAY_TESTS_FUZZ_FUZZSUPPORT_H
