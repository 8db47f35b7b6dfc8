// CDS Hooks 2.0 client authentication: the bearer JWT of each request,
// signed ES384 or RS384 by a key of a trusted issuer (a JWKS file), with
// `aud` the service's URL, `exp`/`iat` current and `jti` never seen before.
// Verified with OpenSSL.
#ifndef PATHWAY_SERVE_JWT_H
#define PATHWAY_SERVE_JWT_H

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pathway::serve {

class JwtVerifier {
 public:
  // `jwks`: {"keys": [JWK...]} with EC P-384 and RSA public keys, each with
  // a "kid". Throws std::runtime_error naming a key it cannot use.
  JwtVerifier(const nlohmann::json& jwks, std::vector<std::string> issuers, int64_t leewaySeconds = 60);
  ~JwtVerifier();
  JwtVerifier(const JwtVerifier&) = delete;
  JwtVerifier& operator=(const JwtVerifier&) = delete;

  // "" when `authorization` ("Bearer TOKEN") is valid for `audience` at
  // `now` (seconds since the epoch); otherwise why not, for the 401.
  std::string verify(const std::string& authorization, const std::string& audience, int64_t now);

 private:
  struct Key;
  std::map<std::string, std::unique_ptr<Key>> keys_;  // by kid
  std::vector<std::string> issuers_;
  int64_t leeway_;
  std::mutex mutex_;
  // "iss|jti" of the tokens seen, until they expire (the replay check).
  std::map<std::string, int64_t> seen_;
  std::multimap<int64_t, std::string> expiries_;
};

// base64url without padding -> bytes; false when it is not base64url.
bool base64UrlDecode(const std::string& in, std::string& out);

}  // namespace pathway::serve

#endif  // PATHWAY_SERVE_JWT_H
