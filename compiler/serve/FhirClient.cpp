#include "serve/FhirClient.h"

#include <regex>
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

// "http://host:8080/fhir" -> {"http://host:8080", "/fhir"}
bool splitBase(const std::string& url, std::string& origin, std::string& path) {
  static const std::regex form(R"(^(https?://[^/?#]+)(/[^?#]*)?$)");
  std::smatch m;
  if (!std::regex_match(url, m, form)) return false;
  origin = m[1];
  path = m[2];
  while (!path.empty() && path.back() == '/') path.pop_back();
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
  bool allowed = false;
  for (const std::string& prefix : options.allowed) allowed = allowed || fhirServer.rfind(prefix, 0) == 0;
  if (!allowed) throw std::runtime_error(fmt::format("fhirServer {} is not one this service may query", fhirServer));
  std::string origin, base;
  if (!splitBase(fhirServer, origin, base)) throw std::runtime_error("fhirServer is not an http(s) URL");
  httplib::Client client(origin);
  client.set_connection_timeout(options.connectTimeoutSeconds, 0);
  client.set_read_timeout(options.readTimeoutSeconds, 0);
  client.set_follow_location(false);
  httplib::Headers headers = {{"Accept", "application/fhir+json"}};
  if (authorization.is_object()) {
    const std::string token = authorization.value("access_token", "");
    if (token.empty()) throw std::runtime_error("fhirAuthorization has no access_token");
    headers.emplace("Authorization", "Bearer " + token);
  }
  Json merged;
  std::string path = base + "/" + query;
  for (int page = 0; page < options.maxPages && !path.empty(); ++page) {
    size_t received = 0;
    std::string body;
    auto res = client.Get(path.c_str(), headers, [&](const char* data, size_t length) {
      received += length;
      if (received > options.maxBytes) return false;
      body.append(data, length);
      return true;
    });
    if (!res) {
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
        if (link.value("relation", "") != "next" || !link.contains("url") || !link["url"].is_string()) continue;
        const std::string next = link["url"];
        if (next.rfind(fhirServer, 0) != 0) {
          throw std::runtime_error(fmt::format("GET {}: the next page {} is on another server", query, next));
        }
        path = base + next.substr(fhirServer.size());
      }
    }
  }
  if (!path.empty()) throw std::runtime_error(fmt::format("GET {}: more than {} pages", query, options.maxPages));
  return merged;
}

}  // namespace pathway::serve
