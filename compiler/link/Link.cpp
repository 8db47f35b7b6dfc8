#include "link/Link.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lld/Common/CommonLinkerContext.h>
#include <lld/Common/Driver.h>
#include <llvm/Support/raw_ostream.h>

#include "pathway/abi.h"

namespace pathway::link {
namespace {

namespace fs = std::filesystem;

std::mutex& lldMutex() {
  static std::mutex mutex;
  return mutex;
}

// A file created from a mkstemp pattern and removed again unless released.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    closeFile();
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  // Creates `<prefix>XXXXXX<suffix>`; returns false with errno set.
  bool create(const std::string& prefix, const std::string& suffix) {
    std::string pattern = prefix + "XXXXXX" + suffix;
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    const int fd = ::mkstemps(buffer.data(), static_cast<int>(suffix.size()));
    if (fd < 0) return false;
    fd_ = fd;
    path_ = buffer.data();
    return true;
  }

  // Writes all of `bytes` and closes the file; returns false with errno set.
  bool writeAndClose(std::span<const char> bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      done += static_cast<size_t>(n);
    }
    return closeFile();
  }

  bool closeFile() {
    const int fd = fd_;
    fd_ = -1;
    return fd < 0 || ::close(fd) == 0;
  }

  void release() { path_.clear(); }
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

std::string errnoText() { return std::strerror(errno); }

enum class Flavor { Elf, Wasm };

// The linker's command line for `objects` -> `outputPath`.
std::vector<std::string> lldArguments(Flavor flavor, const std::vector<std::unique_ptr<TempFile>>& objects,
                                      const std::string& outputPath, const std::string& soname) {
  std::vector<std::string> args;
  if (flavor == Flavor::Elf) {
    // --no-mmap-output-file: LLD writes the output with write(2), so a full
    // disk is an error it reports, not a SIGBUS on a page of a mapped file.
    args = {"ld.lld", "-shared", "--build-id", "-soname", soname, "-z", "relro", "-z", "now",
            "--hash-style=gnu", "--no-mmap-output-file"};
  } else {
    // A module without an entry point that exports the descriptor, the
    // function table its entry points are called through, its memory and
    // where a host may put its buffers. Undefined symbols stay errors, so
    // the module imports nothing. The stack comes first: an overflow traps
    // at address 0 instead of running into the data. 1 MiB holds the
    // scratch of a split evaluation (EntryPoints.cpp: per exported node 9
    // bytes and 8 per mask word) for tens of thousands of nodes.
    args = {"wasm-ld", "--no-entry", std::string("--export=") + PW_DESCRIPTOR_SYMBOL, "--export=__heap_base",
            "--export-table", "--stack-first", "-z", "stack-size=1048576", "--strip-all"};
    // wasm-ld has no --no-mmap-output-file: it maps its output, so a full
    // temporary disk kills it with SIGBUS (modules are small: 62 KB for the
    // PT pathway).
  }
  args.push_back("-o");
  args.push_back(outputPath);
  for (const auto& object : objects) args.push_back(object->path());
  return args;
}

// Links `objects` into `outputPath`; messages name the output `shownPath`.
bool runLld(Flavor flavor, const std::vector<std::unique_ptr<TempFile>>& objects, const std::string& outputPath,
            const std::string& shownPath, const std::string& soname, std::string& error) {
  const std::vector<std::string> strings = lldArguments(flavor, objects, outputPath, soname);
  std::vector<const char*> args;
  for (const std::string& arg : strings) args.push_back(arg.c_str());
  std::string messages;
  llvm::raw_string_ostream out(messages);
  llvm::raw_string_ostream err(messages);
  bool ok = false;
  {
    std::lock_guard<std::mutex> lock(lldMutex());
    ok = flavor == Flavor::Elf
             ? lld::elf::link(args, out, err, /*exitEarly=*/false, /*disableOutput=*/false)
             : lld::wasm::link(args, out, err, /*exitEarly=*/false, /*disableOutput=*/false);
    lld::CommonLinkerContext::destroy();
  }
  if (!ok) {
    out.flush();
    err.flush();
    error = "linking '" + shownPath + "' failed: " + messages;
  }
  return ok;
}

}  // namespace

bool linkSharedLibrary(std::span<const char> object, const std::string& outputPath,
                       std::string& error) {
  return linkSharedLibrary(std::vector<std::vector<char>>{{object.begin(), object.end()}}, outputPath, error);
}

namespace {

bool linkOutput(Flavor flavor, const std::vector<std::vector<char>>& objects, const std::string& outputPath,
                std::string& error) {
  const fs::path output(outputPath);
  if (output.filename().empty()) {
    error = "cannot write '" + outputPath + "': not a file name";
    return false;
  }
  const fs::path directory = output.has_parent_path() ? output.parent_path() : fs::path(".");

  std::error_code ec;
  const fs::path tempDirectory = fs::temp_directory_path(ec);
  std::vector<std::unique_ptr<TempFile>> objectFiles;
  for (const std::vector<char>& object : objects) {
    objectFiles.push_back(std::make_unique<TempFile>());
    TempFile& file = *objectFiles.back();
    if (ec || !file.create((tempDirectory / "pathway-").string(), ".o")) {
      error = "cannot create a temporary object file: " + (ec ? ec.message() : errnoText());
      return false;
    }
    if (!file.writeAndClose(object)) {
      error = "cannot write '" + file.path() + "': " + errnoText();
      return false;
    }
  }

  // LLD writes the library into the temporary directory (LLD cannot report
  // a full disk: mapped, it dies of SIGBUS; unmapped, of a fatal LLVM error).
  // It is then copied under a temporary name beside its final place with
  // checked writes, so a full output disk is an error, and renamed, so a
  // failure leaves nothing half-written.
  TempFile library;
  if (!library.create((directory / ("." + output.filename().string() + ".")).string(), ".tmp")) {
    error = "cannot write '" + outputPath + "': " + errnoText();
    return false;
  }
  TempFile linked;
  if (ec || !linked.create((tempDirectory / "pathway-").string(), flavor == Flavor::Elf ? ".so" : ".wasm")) {
    error = "cannot create a temporary library file: " + (ec ? ec.message() : errnoText());
    return false;
  }
  linked.closeFile();
  if (!runLld(flavor, objectFiles, linked.path(), outputPath, output.filename().string(), error)) return false;
  std::ifstream in(linked.path(), std::ios::binary);
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    error = "cannot read the linked library '" + linked.path() + "'";
    return false;
  }
  if (!library.writeAndClose(bytes)) {
    error = "cannot write '" + outputPath + "': " + errnoText();
    return false;
  }
  // mkstemp created the file 0600; a library gets the usual 0755, a module
  // (data, not a program) 0644.
  ::chmod(library.path().c_str(), flavor == Flavor::Elf ? 0755 : 0644);
  if (std::rename(library.path().c_str(), outputPath.c_str()) != 0) {
    error = "cannot write '" + outputPath + "': " + errnoText();
    return false;
  }
  library.release();
  return true;
}

}  // namespace

bool linkSharedLibrary(const std::vector<std::vector<char>>& objects, const std::string& outputPath,
                       std::string& error) {
  return linkOutput(Flavor::Elf, objects, outputPath, error);
}

bool linkWasmModule(const std::vector<std::vector<char>>& objects, const std::string& outputPath,
                    std::string& error) {
  return linkOutput(Flavor::Wasm, objects, outputPath, error);
}

}  // namespace pathway::link
