// File helpers for the driver: whole-file and line-by-line reads, atomic
// writes.
#ifndef PATHWAY_DRIVER_FILES_H
#define PATHWAY_DRIVER_FILES_H

#include <cstdio>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace pathway::driver {

// Writes under a temporary name beside `path`, then renames: `path` is
// either the complete new file or untouched.
bool writeFileAtomically(const std::string& path, std::string_view data, std::string& error);

// True when `a` and `b` name one existing file (same st_dev and st_ino:
// through any spelling of the path, hard link or symlink).
bool sameFile(const std::string& a, const std::string& b);

// False, with the error printed, when the output `path` given with
// `option` is the file `input` (read by this command): writing it would
// replace what is being read.
bool outputSparesInput(const char* option, const std::string& path, const std::string& input);

// Writes all of `text` to standard output, NUL bytes included (fputs
// would stop at the first one); errors surface in main's final check.
void writeStdout(std::string_view text);

// The whole file, or "-" for standard input; nullopt with `error` set.
std::optional<std::string> readWholeFile(const std::string& path, std::string& error);

// Every file pathwayc reads whole (sources, patients, scenarios) is refused
// past this size, whatever it is: a regular file, a pipe or a device.
inline constexpr size_t kMaxInputFileBytes = size_t{64} << 20;

enum class ReadStatus { Ok, TooLarge, Error };
// Reads all of `in` into `out`, in blocks, stopping after `limit` bytes.
ReadStatus readBounded(std::istream& in, size_t limit, std::string& out);

// A file, or "-" for standard input, line by line through one buffer: a
// population file of any size streams. A line longer than `maxLine` bytes
// (a patient is one line, held to the whole-file limit) is skipped without
// being stored: next() then gives an empty line and tooLong() is true.
class LineReader {
 public:
  explicit LineReader(size_t maxLine = kMaxInputFileBytes) : maxLine_(maxLine) {}
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // False with `error` set, worded as by readWholeFile.
  bool open(const std::string& path, std::string& error);
  // The next line without its '\n', valid until the next call; false at the
  // end, or on a read error with `error` set.
  bool next(std::string_view& line, std::string& error);
  // Whether the line next() gave last was too long (and skipped).
  bool tooLong() const { return tooLong_; }
  size_t maxLine() const { return maxLine_; }

 private:
  bool fill(std::string& error);

  size_t maxLine_;
  bool skipping_ = false;  // inside a line past maxLine_
  bool tooLong_ = false;
  std::string path_;
  std::FILE* file_ = nullptr;
  bool ownsFile_ = false;
  bool atEnd_ = false;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;  // the bytes read but not yet returned
};

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
