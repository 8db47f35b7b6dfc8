// The prefetch a CDS client did not send, read from its FHIR server
// (`fhirServer`, `fhirAuthorization`) with a real HTTP client: the template
// with its tokens filled, bounded in time and size, searchset pages
// followed on the same server only. Only servers the operator allowed
// (--allow-fhir-server: same scheme, host and port, path inside) are
// queried: the URL comes from the request.
#ifndef PATHWAY_SERVE_FHIRCLIENT_H
#define PATHWAY_SERVE_FHIRCLIENT_H

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pathway::serve {

struct FhirFetchOptions {
  std::vector<std::string> allowed;   // URL prefixes of the servers that may be queried
  int connectTimeoutSeconds = 2;
  int readTimeoutSeconds = 5;
  size_t maxBytes = 16u << 20;        // all pages of one query together
  int maxPages = 10;                  // searchset pages per query
  int totalSeconds = 10;              // all pages of one query together
};

// `tmpl` ("Observation?patient={{context.patientId}}&code=...") with every
// {{context.X}} token replaced by the (URL-encoded) primitive context field
// X; false with `error` for a token it cannot fill.
bool fillTemplate(const std::string& tmpl, const nlohmann::json& context, std::string& query, std::string& error);

// GET fhirServer/query: the resource, or a searchset Bundle holding every
// page's entries. Throws std::runtime_error saying what failed (not allowed,
// unreachable, timed out, HTTP status, too large, not FHIR JSON).
nlohmann::json fetchPrefetch(const std::string& fhirServer, const nlohmann::json& authorization,
                             const std::string& query, const FhirFetchOptions& options);

}  // namespace pathway::serve

#endif  // PATHWAY_SERVE_FHIRCLIENT_H
