// The service's audit log: one JSON object per line, appended with a single
// write(2) on an O_APPEND descriptor before the response is sent, so an
// acknowledged request's line survives a crash of the process. Rotated by
// size: FILE -> FILE.1 -> ... -> FILE.<keep>.
#ifndef PATHWAY_SERVE_AUDITLOG_H
#define PATHWAY_SERVE_AUDITLOG_H

#include <cstdint>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace pathway::serve {

class AuditLog {
 public:
  // An empty path: no log. Throws std::runtime_error when it cannot be opened.
  AuditLog(std::string path, uint64_t maxBytes, unsigned keep);
  ~AuditLog();
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Appends `line`; false when the write failed (the caller answers 500).
  bool append(const nlohmann::json& line);

 private:
  void open();
  void rotate();

  std::string path_;
  uint64_t maxBytes_;
  unsigned keep_;
  int fd_ = -1;
  uint64_t size_ = 0;
  std::mutex mutex_;
};

// The hex SHA-256 of salt + id (OpenSSL), for --hash-patient-ids.
std::string hashedId(const std::string& salt, const std::string& id);

// The current time as an RFC 3339 UTC timestamp with milliseconds.
std::string utcNow();

}  // namespace pathway::serve

#endif  // PATHWAY_SERVE_AUDITLOG_H
