#include "serve/FhirClient.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <string_view>
#include <stdexcept>

#include <fmt/format.h>
#include <httplib.h>

namespace pathway::serve {

using Json = nlohmann::json;

namespace {

std::string urlEncode(const std::string& in) {
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

struct Url {
  std::string scheme, host, path;  // path without a trailing slash
  int port = 0;
  std::string origin() const { return fmt::format("{}://{}:{}", scheme, host, port); }
};

// scheme://host[:port][/path], no userinfo, query or fragment; host a name
// or an IPv4 address (letters, digits, '.', '-').
// (No std::regex: GCC 12 warns inside it under the sanitizers.)
bool parseUrl(const std::string& url, Url& out) {
  size_t at;
  if (url.rfind("http://", 0) == 0) {
    out.scheme = "http";
    at = 7;
  } else if (url.rfind("https://", 0) == 0) {
    out.scheme = "https";
    at = 8;
  } else {
    return false;
  }
  size_t hostEnd = at;
  while (hostEnd < url.size() && (std::isalnum(static_cast<unsigned char>(url[hostEnd])) || url[hostEnd] == '.' ||
                                  url[hostEnd] == '-')) {
    ++hostEnd;
  }
  if (hostEnd == at) return false;
  out.host = url.substr(at, hostEnd - at);
  std::transform(out.host.begin(), out.host.end(), out.host.begin(), [](unsigned char c) { return std::tolower(c); });
  at = hostEnd;
  out.port = out.scheme == "https" ? 443 : 80;
  if (at < url.size() && url[at] == ':') {
    size_t digits = ++at;
    while (at < url.size() && std::isdigit(static_cast<unsigned char>(url[at]))) ++at;
    if (at == digits || at - digits > 5) return false;
    out.port = std::stoi(url.substr(digits, at - digits));
  }
  if (at < url.size() && url[at] != '/') return false;  // userinfo, query, fragment or junk
  out.path = url.substr(at);
  if (out.path.find_first_of("?#@") != std::string::npos) return false;
  while (!out.path.empty() && out.path.back() == '/') out.path.pop_back();
  return out.port > 0 && out.port < 65536;
}

// The same scheme, host and port, and a path inside the allowed one (on a
// '/' boundary): https://fhir.example.org does not allow
// https://fhir.example.org.evil.com, nor /fhir allow /fhirx.
bool allowedBy(const Url& url, const std::string& prefix) {
  Url allowed;
  if (!parseUrl(prefix, allowed)) return false;
  if (url.scheme != allowed.scheme || url.host != allowed.host || url.port != allowed.port) return false;
  return url.path.compare(0, allowed.path.size(), allowed.path) == 0 &&
         (url.path.size() == allowed.path.size() || url.path[allowed.path.size()] == '/');
}

// RFC 6750 b64token: no control characters, spaces or separators that could
// split the request header.
bool bearerToken(const std::string& token) {
  size_t end = token.find_last_not_of('=');
  if (end == std::string::npos) return false;
  for (size_t i = 0; i <= end; ++i) {
    const char c = token[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("-._~+/").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool fillTemplate(const std::string& tmpl, const Json& context, std::string& query, std::string& error) {
  query.clear();
  size_t at = 0;
  while (true) {
    size_t open = tmpl.find("{{", at);
    if (open == std::string::npos) break;
    size_t close = tmpl.find("}}", open);
    if (close == std::string::npos) {
      error = "an unclosed token";
      return false;
    }
    query += tmpl.substr(at, open - at);
    std::string token = tmpl.substr(open + 2, close - open - 2);
    if (token.rfind("context.", 0) != 0) {
      error = "token {{" + token + "}} is not a context field";
      return false;
    }
    auto field = context.find(token.substr(8));
    if (field == context.end() || field->is_structured() || field->is_null()) {
      error = "context has no primitive field for {{" + token + "}}";
      return false;
    }
    query += urlEncode(field->is_string() ? field->get<std::string>() : field->dump());
    at = close + 2;
  }
  query += tmpl.substr(at);
  return true;
}

Json fetchPrefetch(const std::string& fhirServer, const Json& authorization, const std::string& query,
                   const FhirFetchOptions& options) {
  Url server;
  if (!parseUrl(fhirServer, server)) throw std::runtime_error("fhirServer is not an http(s) URL of a host");
  bool allowed = false;
  for (const std::string& prefix : options.allowed) allowed = allowed || allowedBy(server, prefix);
  if (!allowed) throw std::runtime_error(fmt::format("fhirServer {} is not one this service may query", fhirServer));
  const std::string& base = server.path;
  const std::string serverPrefix = fhirServer.substr(0, fhirServer.find_last_not_of('/') + 1);
  httplib::Client client(server.origin());
  client.set_connection_timeout(options.connectTimeoutSeconds, 0);
  client.set_read_timeout(options.readTimeoutSeconds, 0);
  client.set_follow_location(false);
  httplib::Headers headers = {{"Accept", "application/fhir+json"}};
  if (authorization.is_object()) {
    auto t = authorization.find("access_token");
    if (t == authorization.end() || !t->is_string()) throw std::runtime_error("fhirAuthorization has no access_token");
    const std::string token = *t;
    if (!bearerToken(token)) throw std::runtime_error("fhirAuthorization's access_token is not a bearer token");
    headers.emplace("Authorization", "Bearer " + token);
  }
  Json merged;
  std::string path = base + "/" + query;
  // One budget of bytes and time for every page of the query.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.totalSeconds);
  size_t received = 0;
  bool late = false;
  for (int page = 0; page < options.maxPages && !path.empty(); ++page) {
    std::string body;
    auto res = client.Get(path.c_str(), headers, [&](const char* data, size_t length) {
      received += length;
      late = std::chrono::steady_clock::now() > deadline;
      if (received > options.maxBytes || late) return false;
      body.append(data, length);
      return true;
    });
    if (!res) {
      if (late) throw std::runtime_error(fmt::format("GET {}: slower than {} s", path, options.totalSeconds));
      if (received > options.maxBytes) throw std::runtime_error(fmt::format("GET {}: larger than {} bytes", path, options.maxBytes));
      throw std::runtime_error(fmt::format("GET {}: {}", path, httplib::to_string(res.error())));
    }
    if (res->status != 200) throw std::runtime_error(fmt::format("GET {}: HTTP {}", path, res->status));
    Json doc = Json::parse(body, nullptr, false);
    if (!doc.is_object() || !doc.contains("resourceType")) {
      throw std::runtime_error(fmt::format("GET {}: the answer is not a FHIR resource", path));
    }
    if (doc["resourceType"] != "Bundle") return doc;  // a read
    if (merged.is_null()) {
      merged = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", Json::array()}};
    }
    if (auto entries = doc.find("entry"); entries != doc.end() && entries->is_array()) {
      for (Json& e : *entries) merged["entry"].push_back(std::move(e));
    }
    // The next page, only on the same server.
    path.clear();
    if (auto links = doc.find("link"); links != doc.end() && links->is_array()) {
      for (const Json& link : *links) {
        if (!link.is_object() || !link.contains("relation") || link["relation"] != "next") continue;
        if (!link.contains("url") || !link["url"].is_string()) continue;
        const std::string next = link["url"];
        // On the same server, below its base: serverPrefix + "/..." or "?...".
        const std::string rest = next.rfind(serverPrefix, 0) == 0 ? next.substr(serverPrefix.size()) : "";
        if (rest.empty() || (rest[0] != '/' && rest[0] != '?')) {
          throw std::runtime_error(fmt::format("GET {}: the next page {} is not on the same server", query, next));
        }
        path = base + rest;
      }
    }
  }
  if (!path.empty()) throw std::runtime_error(fmt::format("GET {}: more than {} pages", query, options.maxPages));
  return merged;
}

}  // namespace pathway::serve
