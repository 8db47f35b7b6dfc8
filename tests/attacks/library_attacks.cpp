// Compiled libraries damaged after the build: every bit of the descriptor's
// header and of the metadata flipped, and the file cut at every section
// boundary. Each must be refused with a message; none may load, crash or
// hang.
#include <elf.h>
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <pathway/abi.h>
#include <pathway/pathway.h>
#include <string>
#include <vector>

#include "support/Cli.h"

namespace pathway::test {
namespace {

class LibraryAttack : public Cli {
 protected:
  void SetUp() override {
    Cli::SetUp();
    const std::string so = (dir_ / "libdemo.so").string();
    Outcome build = run("build " + std::string(PATHWAY_SOURCE_DIR) + "/tests/scenarios/demo.pw -o " + so);
    ASSERT_EQ(build.exit, 0) << build.output;
    image_ = slurp(so);
    ASSERT_GT(image_.size(), sizeof(Elf64_Ehdr));
  }

  // Writes `bytes` as a new library file and opens it: the status, and the
  // message when refused.
  std::pair<pw_status, std::string> open(const std::string& bytes) {
    const std::string path = (dir_ / ("variant" + std::to_string(variant_++) + ".so")).string();
    std::ofstream(path, std::ios::binary) << bytes;
    pw_library* library = nullptr;
    const pw_status status = pw_library_open(path.c_str(), &library);
    std::string message = status == PW_OK ? "" : pw_last_error();
    pw_library_close(library);
    std::filesystem::remove(path);
    return {status, message};
  }

  // Flips one bit of each byte in [begin, end) in turn; every variant must be
  // refused. Returns how many were.
  size_t flipEach(size_t begin, size_t end, const char* what) {
    size_t refused = 0;
    for (size_t at = begin; at < end; ++at) {
      std::string bytes = image_;
      bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
      auto [status, message] = open(bytes);
      EXPECT_NE(status, PW_OK) << what << " byte " << (at - begin) << " flipped was accepted";
      EXPECT_FALSE(message.empty());
      refused += status != PW_OK;
    }
    return refused;
  }

  std::string image_;
  int variant_ = 0;
};

// The descriptor's header fields (magic to content hash) and every byte of
// the metadata: ranges, labels, names, the explanation graph.
TEST_F(LibraryAttack, EveryFlippedBitOfTheDescriptorIsRefused) {
  const uint32_t magic = PW_DESCRIPTOR_MAGIC;
  const size_t descriptor = image_.find(std::string(reinterpret_cast<const char*>(&magic), 4));
  ASSERT_NE(descriptor, std::string::npos);
  const size_t header = offsetof(pw_descriptor, content_hash) + sizeof(uint64_t);
  EXPECT_EQ(flipEach(descriptor, descriptor + header, "descriptor header"), header);

  const size_t metadata = image_.find("{\"name\":\"demo\"");
  ASSERT_NE(metadata, std::string::npos);
  // The explanation graph's list of conditions closes it.
  const size_t end = image_.find("]}}", image_.find("\"conditions\":[", metadata));
  ASSERT_NE(end, std::string::npos);
  const size_t length = end + 3 - metadata;
  EXPECT_EQ(flipEach(metadata, metadata + length, "metadata"), length);
}

// The file cut at the start and the end of every section.
TEST_F(LibraryAttack, TruncatedAtEverySectionBoundaryIsRefused) {
  Elf64_Ehdr elf;
  std::memcpy(&elf, image_.data(), sizeof elf);
  ASSERT_EQ(std::memcmp(elf.e_ident, ELFMAG, SELFMAG), 0);
  std::vector<size_t> cuts = {0, 1, sizeof elf - 1, sizeof elf};
  for (uint16_t i = 0; i < elf.e_shnum; ++i) {
    Elf64_Shdr section;
    std::memcpy(&section, image_.data() + elf.e_shoff + i * sizeof section, sizeof section);
    cuts.push_back(section.sh_offset);
    if (section.sh_type != SHT_NOBITS) cuts.push_back(section.sh_offset + section.sh_size);
  }
  size_t tried = 0;
  for (size_t cut : cuts) {
    if (cut >= image_.size()) continue;
    auto [status, message] = open(image_.substr(0, cut));
    EXPECT_NE(status, PW_OK) << "cut at " << cut;
    EXPECT_FALSE(message.empty()) << "cut at " << cut;
    ++tried;
  }
  EXPECT_GT(tried, 20u);
}

}  // namespace
}  // namespace pathway::test
