#include "ElfCheck.h"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <elf.h>
#include <sys/stat.h>

#include "Error.h"

namespace pathway::runtime {
namespace {

using Header = Elf64_Ehdr;
using ProgramHeader = Elf64_Phdr;

[[noreturn]] void reject(const std::string& path, const std::string& why) {
  throw Error(PW_ERR_LOAD, "cannot load '" + path + "': " + why);
}

bool fits(uint64_t offset, uint64_t size, uint64_t fileSize) {
  return offset <= fileSize && size <= fileSize - offset;
}

}  // namespace

void checkSharedObject(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) reject(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) reject(path, "it is a directory");
  if (!S_ISREG(info.st_mode)) reject(path, "not a regular file");
  const uint64_t fileSize = static_cast<uint64_t>(info.st_size);

  std::ifstream file(path, std::ios::binary);
  if (!file) reject(path, std::strerror(errno));
  Header header{};
  file.read(reinterpret_cast<char*>(&header), sizeof header);
  const auto got = static_cast<uint64_t>(file.gcount());
  if (got < EI_NIDENT || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) {
    reject(path, "not a shared library (not an ELF file)");
  }
  if (header.e_ident[EI_CLASS] != ELFCLASS64) {
    reject(path, "not a shared library for this machine (not 64-bit ELF)");
  }
  if (got < sizeof header) reject(path, "the file is truncated (incomplete ELF header)");
  if (header.e_type != ET_DYN) reject(path, "not a shared library (ELF file of another type)");
  if (header.e_phentsize != sizeof(ProgramHeader) ||
      !fits(header.e_phoff, uint64_t{header.e_phnum} * sizeof(ProgramHeader), fileSize)) {
    reject(path, "the file is truncated or corrupt (program headers out of bounds)");
  }
  if (header.e_shoff != 0 &&
      !fits(header.e_shoff, uint64_t{header.e_shnum} * header.e_shentsize, fileSize)) {
    reject(path, "the file is truncated or corrupt (section headers out of bounds)");
  }
  file.seekg(static_cast<std::streamoff>(header.e_phoff));
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    ProgramHeader segment{};
    file.read(reinterpret_cast<char*>(&segment), sizeof segment);
    if (!file) reject(path, "the file is truncated or corrupt (unreadable program header)");
    if (segment.p_type == PT_LOAD && !fits(segment.p_offset, segment.p_filesz, fileSize)) {
      reject(path, "the file is truncated or corrupt (a segment extends past the end)");
    }
  }
}

}  // namespace pathway::runtime
