// File helpers for the driver: whole-file reads and atomic writes.
#ifndef PATHWAY_DRIVER_FILES_H
#define PATHWAY_DRIVER_FILES_H

#include <optional>
#include <string>
#include <string_view>

namespace pathway::driver {

// Writes under a temporary name beside `path`, then renames: `path` is
// either the complete new file or untouched.
bool writeFileAtomically(const std::string& path, std::string_view data, std::string& error);

// The whole file, or "-" for standard input; nullopt with `error` set.
std::optional<std::string> readWholeFile(const std::string& path, std::string& error);

// A fresh private directory under $TMPDIR; removed by ~TempDir.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  bool ok() const { return !path_.empty(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_FILES_H
