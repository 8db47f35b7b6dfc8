// The language server: lifecycle (initialize, shutdown, exit per LSP 3.17),
// open documents, debounced diagnostics, and dispatch of requests to the
// features (Features.h). Single-threaded: serve() (Serve.cpp) feeds it
// messages read on another thread; tests and benchmarks call handle()
// directly.
#ifndef PATHWAY_LSP_SERVER_H
#define PATHWAY_LSP_SERVER_H

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "lsp/Document.h"

namespace pathway::lsp {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

struct ServerOptions {
  // Quiet time after a change before its diagnostics are computed and
  // published (initializationOptions.debounceMs overrides it).
  int debounceMs = 150;
};

class Server {
 public:
  using Send = std::function<void(const json&)>;
  using Cancelled = std::function<bool(const json& id)>;

  Server(Send send, ServerOptions options = {});

  // One incoming message (any JSON value). Never throws.
  void handle(const json& message);
  // A message that could not be read (framing, size, JSON syntax).
  void malformed(int code, const std::string& error);

  // Requests found cancelled here are answered with RequestCancelled
  // instead of being run.
  void setCancelled(Cancelled cancelled) { cancelled_ = std::move(cancelled); }

  // When the next debounced diagnostics are due, if any are pending.
  std::optional<Clock::time_point> nextDeadline() const;
  // Publishes the diagnostics due at `now`.
  void flush(Clock::time_point now);

  bool exited() const { return state_ == State::Exited; }
  // 0 after shutdown then exit, 1 for exit without shutdown (or end of input).
  int exitCode() const { return exitCode_; }

 private:
  enum class State { Uninitialized, Running, ShutDown, Exited };

  void request(const json& id, const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  json initialize(const json& params);
  json documentRequest(const std::string& method, const json& params);
  Document& document(const json& params);
  void publish(Document& doc);
  void respond(const json& id, json result);
  void error(const json& id, int code, const std::string& message);
  void log(const std::string& message);

  Send send_;
  ServerOptions options_;
  Cancelled cancelled_;
  State state_ = State::Uninitialized;
  int exitCode_ = 1;
  Encoding encoding_ = Encoding::Utf16;
  std::map<std::string, std::unique_ptr<Document>> documents_;
  std::map<std::string, Clock::time_point> pending_;  // uri -> when its diagnostics are due
};

// Runs the server over stdio-like streams until `exit` or end of input;
// returns the process exit code.
int serve(std::FILE* in, std::FILE* out, ServerOptions options = {});

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_SERVER_H
