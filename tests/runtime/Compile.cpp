#include "Compile.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "codegen/Codegen.h"
#include "link/Link.h"

namespace pathway::test {
namespace {

struct TempDirectory {
  std::string path;
  TempDirectory() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "pathway-runtime-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

}  // namespace

const std::string& tempDirectory() {
  static TempDirectory directory;
  return directory.path;
}

std::string compileLibrary(const ir::Program& program, int optLevel, bool columns) {
  static std::atomic<int> counter{0};
  codegen::CodegenOptions options;
  options.optLevel = optLevel;
  options.columns = columns;
  codegen::CodegenResult result;
  std::string error;
  if (!codegen::generate(program, options, result, error)) throw std::runtime_error(error);
  const std::string path = tempDirectory() + "/lib" + program.meta.name + "-" +
                           std::to_string(counter++) + ".so";
  if (!link::linkSharedLibrary(result.objects, path, error)) throw std::runtime_error(error);
  return path;
}

}  // namespace pathway::test
