#include "driver/Files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace pathway::driver {

bool writeFileAtomically(const std::string& path, std::string_view data, std::string& error) {
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    return false;
  }
  size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = "cannot write '" + path + "': " + std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return false;
    }
    written += static_cast<size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::close(fd) != 0 || std::rename(temp.c_str(), path.c_str()) != 0) {
    error = "cannot write '" + path + "': " + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

bool sameFile(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool outputSparesInput(const char* option, const std::string& path, const std::string& input) {
  if (path.empty() || path == "-" || input.empty() || input == "-" || !sameFile(path, input)) return true;
  std::fprintf(stderr, "pathwayc: error: %s '%s' is the input file '%s': refusing to overwrite it\n", option,
               path.c_str(), input.c_str());
  return false;
}

void writeStdout(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

std::optional<std::string> readWholeFile(const std::string& path, std::string& error) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      error = "cannot read '" + path + "': is a directory";
      return std::nullopt;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      error = "cannot read '" + path + "': " + std::strerror(errno);
      return std::nullopt;
    }
    in = &file;
  }
  // Through the stream buffer in blocks: regular files, pipes and standard
  // input alike.
  std::string text;
  switch (readBounded(*in, kMaxInputFileBytes, text)) {
    case ReadStatus::Ok: return text;
    case ReadStatus::TooLarge:
      error = "cannot read '" + path + "': larger than the limit of " + std::to_string(kMaxInputFileBytes) +
              " bytes";
      return std::nullopt;
    case ReadStatus::Error: break;
  }
  error = "cannot read '" + path + "': read error";
  return std::nullopt;
}

ReadStatus readBounded(std::istream& in, size_t limit, std::string& out) {
  out.clear();
  char block[1 << 16];
  while (in) {
    in.read(block, sizeof block);
    const size_t n = static_cast<size_t>(in.gcount());
    if (out.size() + n > limit) return ReadStatus::TooLarge;
    out.append(block, n);
  }
  return in.bad() ? ReadStatus::Error : ReadStatus::Ok;
}

LineReader::~LineReader() {
  if (ownsFile_) std::fclose(file_);
}

bool LineReader::open(const std::string& path, std::string& error) {
  path_ = path;
  buffer_.resize(1 << 20);
  if (path == "-") {
    file_ = stdin;
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot read '" + path + "': is a directory";
    return false;
  }
  file_ = std::fopen(path.c_str(), "rb");
  if (file_ == nullptr) {
    error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  ownsFile_ = true;
  return true;
}

bool LineReader::next(std::string_view& line, std::string& error) {
  tooLong_ = false;
  while (true) {
    const char* start = buffer_.data() + begin_;
    if (const void* newline = std::memchr(start, '\n', end_ - begin_)) {
      const auto length = static_cast<size_t>(static_cast<const char*>(newline) - start);
      line = skipping_ ? std::string_view() : std::string_view(start, length);
      tooLong_ = skipping_ || length > maxLine_;
      if (tooLong_) line = {};
      skipping_ = false;
      begin_ += length + 1;
      return true;
    }
    if (atEnd_) {
      if (begin_ == end_ && !skipping_) return false;
      tooLong_ = skipping_ || end_ - begin_ > maxLine_;
      line = tooLong_ ? std::string_view() : std::string_view(start, end_ - begin_);  // no final newline
      skipping_ = false;
      begin_ = end_;
      return true;
    }
    // A line past the limit: drop what is held of it and read on to its end.
    if (skipping_ || end_ - begin_ > maxLine_) {
      skipping_ = true;
      begin_ = end_;
    }
    if (!fill(error)) return false;
  }
}

// Moves the unread bytes to the front, doubles the buffer when one line
// fills it, and reads more.
bool LineReader::fill(std::string& error) {
  std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
  end_ -= begin_;
  begin_ = 0;
  if (end_ == buffer_.size()) buffer_.resize(2 * buffer_.size());
  const size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  end_ += n;
  if (n == 0 && std::ferror(file_)) {
    const std::string what = path_ == "-" ? "standard input" : "'" + path_ + "'";
    error = "cannot read " + what + ": " + std::strerror(errno);
    return false;
  }
  atEnd_ = n == 0;
  return true;
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/pathwayc-XXXXXX";
  if (::mkdtemp(pattern.data())) path_ = pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace pathway::driver
