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
#include <benchmark/benchmark.h>

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

BENCHMARK(BM_Lsp_ChangeToDiagnostics)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_Hover)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_Completion)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Lsp_ChangeThenHover)->Arg(0)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathway::bench
