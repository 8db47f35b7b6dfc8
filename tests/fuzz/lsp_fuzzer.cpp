// Any bytes -> the language server's input stream (pathwayc lsp after
// `initialize`): framing, JSON-RPC, every request and notification on any
// text. No crash, hang or leak, and every message the server writes is
// well-formed JSON-RPC (a response has exactly one of result and error).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "lsp/Server.h"
#include "lsp/Transport.h"

namespace {

void check(const nlohmann::json& m) {
  bool ok = m.is_object() && m.value("jsonrpc", "") == "2.0";
  if (ok && m.contains("id")) ok = m.contains("result") != m.contains("error");
  if (ok && !m.contains("id")) ok = m.contains("method") && m["method"].is_string();
  if (!ok) {
    std::fprintf(stderr, "malformed output: %s\n", m.dump().c_str());
    std::abort();
  }
  (void)m.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // serialisable
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pathway::lsp;
  if (size == 0) return 0;
  std::FILE* in = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (!in) return 0;
  Transport transport(in, nullptr);  // reading only: the server's output goes to check()
  Server server(check, ServerOptions{0});
  server.handle({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
                 {"params", {{"capabilities", {{"general", {{"positionEncodings", {"utf-16"}}}}}}}}});
  for (;;) {
    Incoming m = transport.read();
    if (m.status == Incoming::Status::Eof) break;
    if (m.status == Incoming::Status::Malformed) {
      server.malformed(m.errorCode, m.error);
    } else {
      server.handle(m.message);
    }
    server.flush(Clock::now() + std::chrono::hours(1));
    if (server.exited()) break;
  }
  std::fclose(in);
  return 0;
}
