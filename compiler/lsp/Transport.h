// JSON-RPC 2.0 over a byte stream with LSP base-protocol framing:
// "Content-Length: N\r\n" headers, a blank line, then N bytes of JSON.
#ifndef PATHWAY_LSP_TRANSPORT_H
#define PATHWAY_LSP_TRANSPORT_H

#include <nlohmann/json.hpp>

#include <cstdio>
#include <mutex>
#include <string>

namespace pathway::lsp {

using json = nlohmann::json;

// The largest message body the server reads (docs/editor.md#limits). A
// longer one is skipped unread and answered with an Invalid Request error.
inline constexpr size_t kMaxMessageBytes = 96u << 20;  // 96 MiB: a 64 MiB file, escaped
// A header line longer than this, or more header lines than kMaxHeaderLines,
// is a framing error.
inline constexpr size_t kMaxHeaderLine = 4096;
inline constexpr size_t kMaxHeaderLines = 32;

struct Incoming {
  enum class Status { Message, Malformed, Eof };
  Status status = Status::Eof;
  json message;       // Message: the parsed JSON (any JSON value)
  int errorCode = 0;  // Malformed: the JSON-RPC error code to answer with
  std::string error;  // Malformed: what was wrong
};

class Transport {
 public:
  Transport(std::FILE* in, std::FILE* out) : in_(in), out_(out) {}

  // Blocks for the next message. Never throws: bad framing, a body over the
  // limit or invalid JSON come back as Malformed, and reading goes on with
  // the next message.
  Incoming read();

  // Writes one message (thread-safe).
  void write(const json& message);

 private:
  bool readLine(std::string& line, bool& tooLong);

  std::FILE* in_;
  std::FILE* out_;
  std::mutex writeMutex_;
};

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_TRANSPORT_H
