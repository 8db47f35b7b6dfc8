// pathwayc serve: compiled pathways as CDS Hooks 2.0 services over HTTP
// (cpp-httplib; the only folder that knows HTTP). One service per library,
// id = the pathway's name. docs/cds-hooks.md has the endpoints and limits.
#ifndef PATHWAY_SERVE_SERVICE_H
#define PATHWAY_SERVE_SERVICE_H

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <pathway/pathway.hpp>

namespace pathway::serve {

struct ServiceOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port
  size_t maxBodyBytes = 8u << 20;        // larger requests get 413
  int maxJsonDepth = 64;                 // deeper documents get 400
  unsigned threads = 0;                  // requests computed at once; 0: the number of cores
  unsigned maxConnections = 128;         // connections served at once (one thread each); more wait
  int readTimeoutSeconds = 5;            // per read of a request (a stalled client is dropped)
  int writeTimeoutSeconds = 5;
  std::string auditLog;                  // JSON lines; empty: none
  uint64_t auditMaxBytes = 64u << 20;    // rotate past this size
  unsigned auditKeep = 5;                // rotated files kept
  bool hashPatientIds = false;           // log a salted SHA-256 instead of the id
  std::string patientIdSalt;
  std::string now;                       // evaluate as of this time (tests, replays); empty: the clock
  std::string jwksFile;                  // CDS Hooks JWT authentication: the trusted keys
  std::vector<std::string> issuers;      //   and issuers; without a JWKS no authentication
  std::string publicUrl;                 // the base clients call (JWT aud, links); default http(s)://HOST
  std::string tlsCert, tlsKey;           // PEM files: serve HTTPS (OpenSSL through cpp-httplib)
  std::vector<std::string> fhirServers;  // URL prefixes of the fhirServers that may be queried
};

class Service {
 public:
  // One service per library; their names must differ.
  Service(std::vector<std::shared_ptr<const Library>> libraries, ServiceOptions options);
  ~Service();
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  // Binds the listening socket; returns the port, or -1 (with `error`).
  int bind(std::string& error);
  // Serves until stop(); requests in flight are finished first.
  void run();
  // Safe from any thread (the signal thread of pathwayc serve).
  void stop();
  // Serves `libraries` from now on; requests in flight finish with the ones
  // they started with. Returns "id: old -> new content hash" for each
  // change (also an audit line per service); throws std::runtime_error, and
  // changes nothing, when two libraries share a name.
  std::vector<std::string> reload(std::vector<std::shared_ptr<const Library>> libraries);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pathway::serve

#endif  // PATHWAY_SERVE_SERVICE_H
