// Every way pw_library_open refuses a file, with its status and message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;

Failure open(const std::string& path) {
  pw_library* library = nullptr;
  const pw_status status = pw_library_open(path.c_str(), &library);
  EXPECT_EQ(library, nullptr);  // untouched on failure
  pw_library_close(library);
  return lastFailure(status);
}

std::string goodLibrary() {
  static const std::string path = [] {
    TestProgram p("good");
    p.recommendation("r", p.read(p.boolInput("x")));
    return compileLibrary(p.program());
  }();
  return path;
}

std::string writeFile(const std::string& name, const std::string& bytes) {
  const std::string path = tempDirectory() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(LoadErrorTest, ValidFakeLoads) {
  pw_library* library = nullptr;
  ASSERT_EQ(pw_library_open(FAKE_VALID, &library), PW_OK) << pw_last_error();
  pw_library_close(library);
}

TEST(LoadErrorTest, MissingFile) {
  const Failure f = open(tempDirectory() + "/no-such-library.so");
  EXPECT_EQ(f.status, PW_ERR_LOAD);
  EXPECT_THAT(f.message, HasSubstr("no-such-library.so': No such file or directory"));
}

TEST(LoadErrorTest, Directory) {
  const Failure f = open(tempDirectory());
  EXPECT_EQ(f.status, PW_ERR_LOAD);
  EXPECT_THAT(f.message, HasSubstr("it is a directory"));
}

TEST(LoadErrorTest, NotAnElfFile) {
  const Failure f = open(writeFile("notes.so", "this is a text file, not a library\n"));
  EXPECT_EQ(f.status, PW_ERR_LOAD);
  EXPECT_THAT(f.message, HasSubstr("notes.so': not a shared library (not an ELF file)"));
}

TEST(LoadErrorTest, EmptyFile) {
  const Failure f = open(writeFile("empty.so", ""));
  EXPECT_EQ(f.status, PW_ERR_LOAD);
  EXPECT_THAT(f.message, HasSubstr("not an ELF file"));
}

TEST(LoadErrorTest, ObjectFileIsNotASharedLibrary) {
  const Failure f = open(FAKE_OBJECT);
  EXPECT_EQ(f.status, PW_ERR_LOAD);
  EXPECT_THAT(f.message, HasSubstr("not a shared library (ELF file of another type)"));
}

TEST(LoadErrorTest, SystemLibraryIsNotAPathway) {
  Dl_info info{};
  ASSERT_NE(::dladdr(reinterpret_cast<void*>(static_cast<double (*)(double)>(&::cos)), &info), 0);
  const Failure f = open(info.dli_fname);
  EXPECT_EQ(f.status, PW_ERR_NOT_PATHWAY);
  EXPECT_THAT(f.message, HasSubstr("is not a Pathway library: it has no 'pathway_descriptor' "
                                   "symbol"));
}

TEST(LoadErrorTest, SharedObjectWithoutDescriptor) {
  const Failure f = open(FAKE_NO_DESCRIPTOR);
  EXPECT_EQ(f.status, PW_ERR_NOT_PATHWAY);
  EXPECT_THAT(f.message, HasSubstr("is not a Pathway library"));
}

TEST(LoadErrorTest, TruncatedCopies) {
  const std::string bytes = readFile(goodLibrary());
  ASSERT_GT(bytes.size(), 1000u);
  for (size_t size : {size_t{10}, size_t{40}, size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
    SCOPED_TRACE(size);
    const Failure f = open(writeFile("truncated.so", bytes.substr(0, size)));
    EXPECT_EQ(f.status, PW_ERR_LOAD);
    EXPECT_THAT(f.message, HasSubstr("truncated.so'"));
  }
  EXPECT_THAT(open(writeFile("truncated.so", bytes.substr(0, 40))).message,
              HasSubstr("the file is truncated (incomplete ELF header)"));
  EXPECT_THAT(open(writeFile("truncated.so", bytes.substr(0, bytes.size() - 1))).message,
              HasSubstr("the file is truncated or corrupt"));
}

TEST(LoadErrorTest, BadMagic) {
  const Failure f = open(FAKE_BAD_MAGIC);
  EXPECT_EQ(f.status, PW_ERR_ABI);
  EXPECT_THAT(f.message, HasSubstr("is not a Pathway library: its descriptor has magic "
                                   "0x12345678, expected 0x59445750"));
}

TEST(LoadErrorTest, AbiVersionMismatchNamesBothVersions) {
  const Failure f = open(FAKE_BAD_ABI_VERSION);
  EXPECT_EQ(f.status, PW_ERR_ABI);
  EXPECT_THAT(f.message, HasSubstr("was built for Pathway ABI version 2, but this runtime "
                                   "supports ABI version 1"));
}

TEST(LoadErrorTest, DescriptorSizeMismatch) {
  const Failure f = open(FAKE_BAD_SIZE);
  EXPECT_EQ(f.status, PW_ERR_ABI);
  EXPECT_THAT(f.message, HasSubstr("has a descriptor of 64 bytes, but ABI version 1 "
                                   "descriptors are 96 bytes"));
}

TEST(LoadErrorTest, MetadataThatDoesNotParse) {
  const Failure f = open(FAKE_BAD_JSON);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("corrupt descriptor in '"));
  EXPECT_THAT(f.message, HasSubstr("metadata JSON does not parse"));
}

TEST(LoadErrorTest, MetadataCountsDisagree) {
  const Failure f = open(FAKE_COUNT_MISMATCH);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("the metadata lists 1 inputs, but the descriptor says 0"));
}

TEST(LoadErrorTest, MetadataNamesAnotherPathway) {
  const Failure f = open(FAKE_NAME_MISMATCH);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("it names pathway 'other' 0.0.1, but the metadata names "
                                   "'fake' 0.0.1"));
}

TEST(LoadErrorTest, SlotCountDisagrees) {
  const Failure f = open(FAKE_BAD_SLOTS);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("n_slots is 3, but the counts give 0"));
}

TEST(LoadErrorTest, MetadataWithAnUnknownInputType) {
  const Failure f = open(FAKE_BAD_SCHEMA);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("metadata input 'x' has unknown type \"float\""));
}

TEST(LoadErrorTest, NullArguments) {
  pw_library* library = nullptr;
  EXPECT_EQ(pw_library_open(nullptr, &library), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "path is NULL");
  EXPECT_EQ(pw_library_open(FAKE_VALID, nullptr), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "out is NULL");
}

TEST(LoadErrorTest, CppWrapperThrows) {
  try {
    Library library(tempDirectory() + "/missing.so");
    FAIL() << "opened a missing file";
  } catch (const Error& error) {
    EXPECT_EQ(error.status(), PW_ERR_LOAD);
    EXPECT_THAT(error.what(), HasSubstr("missing.so"));
  }
}

}  // namespace
}  // namespace pathway::test
