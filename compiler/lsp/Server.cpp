#include "lsp/Server.h"

#include <algorithm>

#include "lsp/Features.h"
#include "lsp/Protocol.h"

#ifndef PATHWAY_VERSION
#define PATHWAY_VERSION "unknown"
#endif

namespace pathway::lsp {
namespace {

using Handler = json (*)(Document&, const json&);

const std::map<std::string, Handler>& documentHandlers() {
  static const std::map<std::string, Handler> kHandlers = {
      {"textDocument/hover", hover},
      {"textDocument/definition", definition},
      {"textDocument/references", references},
      {"textDocument/documentHighlight", documentHighlight},
      {"textDocument/prepareRename", prepareRename},
      {"textDocument/rename", rename},
      {"textDocument/documentSymbol", documentSymbols},
      {"textDocument/completion", completion},
      {"textDocument/formatting", formatting},
      {"textDocument/codeAction", codeActions},
      {"textDocument/semanticTokens/full", semanticTokens},
  };
  return kHandlers;
}

bool validId(const json& id) { return id.is_number_integer() || id.is_string(); }

}  // namespace

Server::Server(Send send, ServerOptions options) : send_(std::move(send)), options_(options) {}

void Server::respond(const json& id, json result) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::error(const json& id, int code, const std::string& message) {
  send_({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::log(const std::string& message) {
  send_({{"jsonrpc", "2.0"}, {"method", "window/logMessage"}, {"params", {{"type", 1}, {"message", message}}}});
}

void Server::malformed(int code, const std::string& message) { error(nullptr, code, message); }

void Server::handle(const json& message) {
  if (!message.is_object()) return error(nullptr, kInvalidRequest, "a message must be a JSON object");
  json id = message.contains("id") ? message["id"] : json();
  bool hasId = message.contains("id");
  if (hasId && !validId(id)) return error(nullptr, kInvalidRequest, "'id' must be an integer or a string");
  if (message.value("jsonrpc", json()) != "2.0") {
    return error(hasId ? id : json(), kInvalidRequest, "'jsonrpc' must be \"2.0\"");
  }
  if (!message.contains("method")) {
    // A response to a request of ours (the server sends none): nothing to do.
    if (hasId && (message.contains("result") || message.contains("error"))) return;
    return error(hasId ? id : json(), kInvalidRequest, "a request needs a 'method'");
  }
  if (!message["method"].is_string()) return error(hasId ? id : json(), kInvalidRequest, "'method' must be a string");
  const std::string& method = message["method"].get_ref<const std::string&>();
  json params = message.contains("params") ? message["params"] : json::object();
  if (!params.is_object() && !params.is_array()) {
    if (hasId) return error(id, kInvalidParams, "'params' must be an object or an array");
    return;
  }
  if (hasId) {
    request(id, method, params);
  } else {
    notification(method, params);
  }
}

void Server::request(const json& id, const std::string& method, const json& params) {
  if (cancelled_ && cancelled_(id)) return error(id, kRequestCancelled, "request cancelled");
  if (state_ == State::Uninitialized && method != "initialize") {
    return error(id, kServerNotInitialized, "the server is not initialized");
  }
  if (state_ == State::ShutDown) return error(id, kInvalidRequest, "the server is shut down");
  try {
    if (method == "initialize") {
      if (state_ != State::Uninitialized) return error(id, kInvalidRequest, "the server is already initialized");
      return respond(id, initialize(params));
    }
    if (method == "shutdown") {
      state_ = State::ShutDown;
      return respond(id, nullptr);
    }
    if (documentHandlers().count(method)) return respond(id, documentRequest(method, params));
    return error(id, kMethodNotFound, "unknown method '" + method + "'");
  } catch (const RequestError& e) {
    return error(id, e.code, e.what());
  } catch (const json::exception& e) {
    return error(id, kInvalidParams, std::string("invalid params: ") + e.what());
  } catch (const std::exception& e) {
    return error(id, kInternalError, std::string("internal error: ") + e.what());
  }
}

json Server::documentRequest(const std::string& method, const json& params) {
  Document& doc = document(params);
  return documentHandlers().at(method)(doc, params);
}

Document& Server::document(const json& params) {
  const std::string& uri = params.at("textDocument").at("uri").get_ref<const std::string&>();
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw RequestError(kRequestFailed, "document is not open: " + uri);
  return *it->second;
}

json Server::initialize(const json& params) {
  json encodings = params.value("capabilities", json::object())
                       .value("general", json::object())
                       .value("positionEncodings", json::array());
  encoding_ = Encoding::Utf16;
  for (const json& e : encodings) {
    if (e == "utf-8") encoding_ = Encoding::Utf8;
  }
  json init = params.value("initializationOptions", json::object());
  if (init.is_object() && init.contains("debounceMs") && init["debounceMs"].is_number_integer()) {
    options_.debounceMs = std::clamp(init["debounceMs"].get<int>(), 0, 10000);
  }
  state_ = State::Running;
  json capabilities = {
      {"positionEncoding", encoding_ == Encoding::Utf8 ? "utf-8" : "utf-16"},
      {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"referencesProvider", true},
      {"documentHighlightProvider", true},
      {"renameProvider", {{"prepareProvider", true}}},
      {"documentSymbolProvider", true},
      {"completionProvider", {{"triggerCharacters", {".", "{", ",", "(", " "}}}},
      {"documentFormattingProvider", true},
      {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
      {"semanticTokensProvider", {{"legend", semanticTokensLegend()}, {"full", true}}},
  };
  return {{"capabilities", capabilities}, {"serverInfo", {{"name", "pathwayc"}, {"version", PATHWAY_VERSION}}}};
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exitCode_ = state_ == State::ShutDown ? 0 : 1;
    state_ = State::Exited;
    return;
  }
  if (state_ != State::Running) return;  // dropped before initialize and after shutdown
  try {
    if (method == "textDocument/didOpen") {
      const json& item = params.at("textDocument");
      std::string uri = item.at("uri").get<std::string>();
      auto doc = std::make_unique<Document>(uri, uriToPath(uri), item.at("text").get<std::string>(),
                                            item.value("version", int64_t{0}), encoding_);
      Document& d = *doc;
      documents_[uri] = std::move(doc);
      pending_.erase(uri);
      publish(d);
    } else if (method == "textDocument/didChange") {
      Document& doc = document(params);
      for (const json& change : params.at("contentChanges")) doc.applyChange(change);
      doc.setVersion(params.at("textDocument").value("version", doc.version()));
      pending_[doc.uri()] = Clock::now() + std::chrono::milliseconds(options_.debounceMs);
    } else if (method == "textDocument/didSave") {
      Document& doc = document(params);
      pending_.erase(doc.uri());
      publish(doc);
    } else if (method == "textDocument/didClose") {
      Document& doc = document(params);
      std::string uri = doc.uri();
      pending_.erase(uri);
      documents_.erase(uri);
      send_({{"jsonrpc", "2.0"},
             {"method", "textDocument/publishDiagnostics"},
             {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
    }
    // Other notifications ($/cancelRequest handled by serve(), $/setTrace,
    // initialized, configuration changes) need nothing.
  } catch (const std::exception& e) {
    log(method + ": " + e.what());
  }
}

void Server::publish(Document& doc) {
  const Snapshot& s = doc.current();
  send_({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", publishDiagnostics(doc.uri(), s)}});
}

std::optional<Clock::time_point> Server::nextDeadline() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, due] : pending_) {
    if (!next || due < *next) next = due;
  }
  return next;
}

void Server::flush(Clock::time_point now) {
  for (auto it = pending_.begin(); it != pending_.end();) {
    if (it->second > now) {
      ++it;
      continue;
    }
    auto doc = documents_.find(it->first);
    it = pending_.erase(it);
    if (doc != documents_.end()) publish(*doc->second);
  }
}

}  // namespace pathway::lsp
