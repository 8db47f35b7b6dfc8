#include "serve/AuditLog.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <fmt/format.h>
#include <openssl/evp.h>

namespace pathway::serve {

AuditLog::AuditLog(std::string path, uint64_t maxBytes, unsigned keep)
    : path_(std::move(path)), maxBytes_(maxBytes), keep_(keep) {
  if (!path_.empty()) open();
}

AuditLog::~AuditLog() {
  if (fd_ >= 0) ::close(fd_);
}

void AuditLog::open() {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0) throw std::runtime_error(fmt::format("cannot open the audit log '{}': {}", path_, std::strerror(errno)));
  struct stat st{};
  size_ = ::fstat(fd_, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

void AuditLog::rotate() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  for (unsigned i = keep_; i > 1; --i) {
    std::string from = fmt::format("{}.{}", path_, i - 1), to = fmt::format("{}.{}", path_, i);
    ::rename(from.c_str(), to.c_str());  // a missing older file is no error
  }
  const bool moved = keep_ > 0 ? ::rename(path_.c_str(), (path_ + ".1").c_str()) == 0 : ::unlink(path_.c_str()) == 0;
  open();
  // A file that could not be moved keeps growing rather than being rotated
  // again on every line.
  if (!moved) maxBytes_ = 0;
}

bool AuditLog::append(const nlohmann::json& line) {
  if (path_.empty()) return true;
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    if (fd_ < 0) {
      open();  // a rotation that could not reopen: try again, renaming nothing
    } else if (maxBytes_ > 0 && size_ > 0 && size_ + text.size() > maxBytes_) {
      rotate();
    }
  } catch (const std::exception&) {
    return false;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  size_ += text.size();
  return true;
}

std::string hashedId(const std::string& salt, const std::string& id) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  std::string input = salt + id;
  EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha256(), nullptr);
  std::string out;
  for (unsigned i = 0; i < length; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

std::string utcNow() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t seconds = system_clock::to_time_t(now);
  auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
}

}  // namespace pathway::serve
