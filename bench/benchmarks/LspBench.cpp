// The language server's latency, in-process (compiler/lsp's Server, the
// same object `pathwayc lsp` runs; the JSON-RPC framing over stdio is not
// included), for the PT pathway (size 0) and a generated pathway of about
// 10,000 lines (size 10000):
//   BM_Lsp_ChangeToDiagnostics  didChange (a one-character edit) -> the
//                               publishDiagnostics notification built; the
//                               debounce delay (150 ms by default) comes on top
//   BM_Lsp_Hover                hover on a name in the last condition
//   BM_Lsp_Completion           completion of names in that condition
//   BM_Lsp_ChangeThenHover      a change then a hover (the hover recompiles)
//   BM_Lsp_Stdio_*              the same through a `pathwayc lsp --debounce-ms 0`
//                               process and pipes (framing, JSON both ways):
//                               what an editor waits for, minus the debounce
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "lsp/Server.h"
#include "support/PathwayGenerator.h"

namespace pathway::bench {
namespace {

using lsp::json;

const std::string& source(int64_t size) {
  static std::map<int64_t, std::string> texts;
  auto it = texts.find(size);
  if (it != texts.end()) return it->second;
  std::string text;
  if (size == 0) {
    std::ifstream in(PATHWAY_PT_FAILURE_SOURCE);
    std::stringstream s;
    s << in.rdbuf();
    text = s.str();
  } else {
    // The smallest generated pathway with at least `size` lines.
    for (uint32_t recs = 50;; recs += 50) {
      text = generatePathway(recs);
      if (std::count(text.begin(), text.end(), '\n') >= size) break;
    }
  }
  return texts[size] = text;
}

json position(const std::string& text, size_t offset) {
  size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  size_t start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  size_t character = start == std::string::npos ? offset : offset - start - 1;
  return {{"line", line}, {"character", character}};
}

struct Session {
  explicit Session(const std::string& text)
      : text(text), server([this](const json& m) { last = m; ++messages; }) {
    server.handle({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"},
                   {"params", {{"capabilities", json::object()}, {"initializationOptions", {{"debounceMs", 0}}}}}});
    json item = {{"uri", uri}, {"languageId", "pathway"}, {"version", 1}, {"text", text}};
    json params = {{"textDocument", item}};
    server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {"params", params}});
    // A name in the last condition: after the last "when ".
    size_t when = text.rfind("when ") + 5;
    at = position(text, when + 1);
  }

  void change() {
    // Insert or remove a space at the start of the last condition.
    json pos = at;
    pos["character"] = pos["character"].get<size_t>() - 1;
    json end = pos;
    if (inserted) end["character"] = pos["character"].get<size_t>() + 1;
    json change = {{"range", {{"start", pos}, {"end", end}}}, {"text", inserted ? "" : " "}};
    inserted = !inserted;
    json params = {{"textDocument", {{"uri", uri}, {"version", ++version}}}, {"contentChanges", json::array({change})}};
    server.handle({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", params}});
  }

  void request(const char* method, json params) {
    params["textDocument"] = {{"uri", uri}};
    server.handle({{"jsonrpc", "2.0"}, {"id", ++id}, {"method", method}, {"params", std::move(params)}});
  }

  std::string text;
  std::string uri = "file:///bench.pw";
  lsp::Server server;
  json last;
  size_t messages = 0;
  json at;
  bool inserted = false;
  int64_t version = 1, id = 0;
};

void setLines(benchmark::State& state, const std::string& text) {
  state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
}

void BM_Lsp_ChangeToDiagnostics(benchmark::State& state) {
  Session s(source(state.range(0)));
  for (auto _ : state) {
    s.change();
    s.server.flush(lsp::Clock::now() + std::chrono::hours(1));
    if (s.last.value("method", "") != "textDocument/publishDiagnostics") state.SkipWithError("no diagnostics");
  }
  setLines(state, s.text);
}

void BM_Lsp_Hover(benchmark::State& state) {
  Session s(source(state.range(0)));
  for (auto _ : state) {
    s.request("textDocument/hover", {{"position", s.at}});
    if (!s.last.contains("result") || s.last["result"].is_null()) state.SkipWithError("no hover");
  }
  setLines(state, s.text);
}

void BM_Lsp_Completion(benchmark::State& state) {
  Session s(source(state.range(0)));
  for (auto _ : state) {
    s.request("textDocument/completion", {{"position", s.at}});
    if (!s.last.contains("result") || s.last["result"]["items"].empty()) state.SkipWithError("no completion");
  }
  setLines(state, s.text);
}

void BM_Lsp_ChangeThenHover(benchmark::State& state) {
  Session s(source(state.range(0)));
  for (auto _ : state) {
    s.change();
    s.request("textDocument/hover", {{"position", s.at}});
  }
  setLines(state, s.text);
}

// A `pathwayc lsp` child process with framed JSON-RPC over two pipes.
class StdioServer {
 public:
  StdioServer() {
    int toChild[2], fromChild[2];
    if (::pipe(toChild) != 0 || ::pipe(fromChild) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0);
    posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1);
    posix_spawn_file_actions_addclose(&actions, toChild[1]);
    posix_spawn_file_actions_addclose(&actions, fromChild[0]);
    const char* argv[] = {PATHWAYC, "lsp", "--debounce-ms", "0", nullptr};
    if (posix_spawn(&pid_, PATHWAYC, &actions, nullptr, const_cast<char**>(argv), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    ::close(toChild[0]);
    ::close(fromChild[1]);
    in_ = toChild[1];
    out_ = fromChild[0];
  }
  ~StdioServer() {
    send({{"jsonrpc", "2.0"}, {"id", 999999}, {"method", "shutdown"}});
    send({{"jsonrpc", "2.0"}, {"method", "exit"}});
    ::close(in_);
    ::close(out_);
    if (pid_ > 0) ::waitpid(pid_, nullptr, 0);
  }
  bool ok() const { return pid_ > 0; }

  // CPU seconds the server process has used so far (user + system, from
  // /proc: 10 ms resolution, so averaged over many iterations).
  double cpuSeconds() const {
    std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t close = stat.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    double ticks = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
      if (i == 14 || i == 15) ticks += std::stod(f);  // utime, stime
    }
    return ticks / static_cast<double>(::sysconf(_SC_CLK_TCK));
  }

  void send(const json& message) {
    std::string body = message.dump();
    std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    for (size_t done = 0; done < frame.size();) {
      ssize_t n = ::write(in_, frame.data() + done, frame.size() - done);
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }

  // The next message, or null at end of output.
  json receive() {
    for (;;) {
      size_t header = buffer_.find("\r\n\r\n");
      if (header != std::string::npos) {
        size_t length = std::stoul(buffer_.substr(buffer_.find(':') + 1, header));
        if (buffer_.size() >= header + 4 + length) {
          json m = json::parse(buffer_.substr(header + 4, length));
          buffer_.erase(0, header + 4 + length);
          return m;
        }
      }
      char chunk[1 << 16];
      ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) return nullptr;
      buffer_.append(chunk, static_cast<size_t>(n));
    }
  }

  // Reads until a message satisfies `done`.
  template <class F>
  bool until(F done) {
    for (json m = receive(); !m.is_null(); m = receive()) {
      if (done(m)) return true;
    }
    return false;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string buffer_;
};

struct StdioSession {
  explicit StdioSession(const std::string& text) : text(text) {
    server.send({{"jsonrpc", "2.0"}, {"id", 0}, {"method", "initialize"}, {"params", {{"capabilities", json::object()}}}});
    json item = {{"uri", uri}, {"languageId", "pathway"}, {"version", 1}, {"text", text}};
    server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {"params", {{"textDocument", item}}}});
    ready = server.until([](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics"; });
    size_t when = text.rfind("when ") + 5;
    at = position(text, when + 1);
  }
  bool change() {
    json pos = at;
    pos["character"] = pos["character"].get<size_t>() - 1;
    json end = pos;
    if (inserted) end["character"] = pos["character"].get<size_t>() + 1;
    json change = {{"range", {{"start", pos}, {"end", end}}}, {"text", inserted ? "" : " "}};
    inserted = !inserted;
    int64_t v = ++version;
    json params = {{"textDocument", {{"uri", uri}, {"version", v}}}, {"contentChanges", json::array({change})}};
    server.send({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", params}});
    return server.until([v](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"].value("version", 0) == v;
    });
  }
  bool request(const char* method) {
    int64_t i = ++id;
    server.send({{"jsonrpc", "2.0"}, {"id", i}, {"method", method},
                 {"params", {{"textDocument", {{"uri", uri}}}, {"position", at}}}});
    return server.until([i](const json& m) { return m.value("id", int64_t{-1}) == i; });
  }

  StdioServer server;
  std::string text;
  std::string uri = "file:///bench.pw";
  json at;
  bool ready = false, inserted = false;
  int64_t version = 1, id = 0;
};

void BM_Lsp_Stdio_ChangeToDiagnostics(benchmark::State& state) {
  StdioSession s(source(state.range(0)));
  if (!s.ready) return state.SkipWithError("pathwayc lsp did not start");
  double cpu = s.server.cpuSeconds();
  for (auto _ : state) {
    if (!s.change()) return state.SkipWithError("no diagnostics");
  }
  state.counters["server_cpu_ms"] = benchmark::Counter(
      (s.server.cpuSeconds() - cpu) * 1000 / static_cast<double>(state.iterations()));
  setLines(state, s.text);
}

void BM_Lsp_Stdio_Hover(benchmark::State& state) {
  StdioSession s(source(state.range(0)));
  if (!s.ready) return state.SkipWithError("pathwayc lsp did not start");
  double cpu = s.server.cpuSeconds();
  for (auto _ : state) {
    if (!s.request("textDocument/hover")) return state.SkipWithError("no answer");
  }
  state.counters["server_cpu_ms"] = benchmark::Counter(
      (s.server.cpuSeconds() - cpu) * 1000 / static_cast<double>(state.iterations()));
  setLines(state, s.text);
}

void BM_Lsp_Stdio_Completion(benchmark::State& state) {
  StdioSession s(source(state.range(0)));
  if (!s.ready) return state.SkipWithError("pathwayc lsp did not start");
  double cpu = s.server.cpuSeconds();
  for (auto _ : state) {
    if (!s.request("textDocument/completion")) return state.SkipWithError("no answer");
  }
  state.counters["server_cpu_ms"] = benchmark::Counter(
      (s.server.cpuSeconds() - cpu) * 1000 / static_cast<double>(state.iterations()));
  setLines(state, s.text);
}

BENCHMARK(BM_Lsp_ChangeToDiagnostics)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_Hover)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_Completion)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_ChangeThenHover)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
// Wall time: the server works in another process.
BENCHMARK(BM_Lsp_Stdio_ChangeToDiagnostics)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Lsp_Stdio_Hover)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Lsp_Stdio_Completion)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace pathway::bench
