#include "serve/Jwt.h"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace pathway::serve {

using Json = nlohmann::json;

bool base64UrlDecode(const std::string& in, std::string& out) {
  out.clear();
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    int v;
    if (c >= 'A' && c <= 'Z') v = c - 'A';
    else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
    else if (c >= '0' && c <= '9') v = c - '0' + 52;
    else if (c == '-') v = 62;
    else if (c == '_') v = 63;
    else return false;
    buffer = (buffer << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return bits < 6 && (buffer & ((1u << bits) - 1)) == 0;  // no stray bits
}

struct JwtVerifier::Key {
  std::string alg;  // ES384 or RS384
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

namespace {

std::string member(const Json& jwk, const char* name, const std::string& kid) {
  auto it = jwk.find(name);
  std::string out;
  if (it == jwk.end() || !it->is_string() || !base64UrlDecode(it->get<std::string>(), out) || out.empty()) {
    throw std::runtime_error(fmt::format("JWKS key '{}': \"{}\" is missing or not base64url", kid, name));
  }
  return out;
}

EVP_PKEY* fromParams(const char* type, OSSL_PARAM_BLD* build, const std::string& kid) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(build);
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  EVP_PKEY* pkey = nullptr;
  bool ok = params && ctx && EVP_PKEY_fromdata_init(ctx) == 1 &&
            EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) == 1;
  EVP_PKEY_CTX_free(ctx);
  OSSL_PARAM_free(params);
  if (!ok) throw std::runtime_error(fmt::format("JWKS key '{}' is not a valid public key", kid));
  return pkey;
}

EVP_PKEY* ecKey(const Json& jwk, const std::string& kid) {
  if (jwk.value("crv", "") != "P-384") throw std::runtime_error(fmt::format("JWKS key '{}': ES384 needs crv P-384", kid));
  std::string x = member(jwk, "x", kid), y = member(jwk, "y", kid);
  if (x.size() != 48 || y.size() != 48) throw std::runtime_error(fmt::format("JWKS key '{}': x and y must be 48 bytes", kid));
  std::string point = "\x04" + x + y;
  OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(build, OSSL_PKEY_PARAM_GROUP_NAME, "secp384r1", 0);
  OSSL_PARAM_BLD_push_octet_string(build, OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size());
  EVP_PKEY* pkey = fromParams("EC", build, kid);
  OSSL_PARAM_BLD_free(build);
  return pkey;
}

EVP_PKEY* rsaKey(const Json& jwk, const std::string& kid) {
  std::string n = member(jwk, "n", kid), e = member(jwk, "e", kid);
  if (n.size() < 256) throw std::runtime_error(fmt::format("JWKS key '{}': an RSA key needs at least 2048 bits", kid));
  BIGNUM* bn = BN_bin2bn(reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr);
  BIGNUM* be = BN_bin2bn(reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr);
  OSSL_PARAM_BLD* build = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_N, bn);
  OSSL_PARAM_BLD_push_BN(build, OSSL_PKEY_PARAM_RSA_E, be);
  EVP_PKEY* pkey = nullptr;
  try {
    pkey = fromParams("RSA", build, kid);
  } catch (...) {
    OSSL_PARAM_BLD_free(build);
    BN_free(bn);
    BN_free(be);
    throw;
  }
  OSSL_PARAM_BLD_free(build);
  BN_free(bn);
  BN_free(be);
  return pkey;
}

// JWS ES384 signatures are r || s (48 bytes each); OpenSSL verifies DER.
std::string derSignature(const std::string& raw) {
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()), 48, nullptr);
  BIGNUM* s = BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.data()) + 48, 48, nullptr);
  ECDSA_SIG_set0(sig, r, s);
  unsigned char* der = nullptr;
  int length = i2d_ECDSA_SIG(sig, &der);
  std::string out = length > 0 ? std::string(reinterpret_cast<char*>(der), static_cast<size_t>(length)) : "";
  OPENSSL_free(der);
  ECDSA_SIG_free(sig);
  return out;
}

bool verifySignature(EVP_PKEY* pkey, const std::string& alg, const std::string& signingInput,
                     const std::string& signature) {
  std::string sig = signature;
  if (alg == "ES384") {
    if (signature.size() != 96) return false;
    sig = derSignature(signature);
    if (sig.empty()) return false;
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  bool ok = ctx && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha384(), nullptr, pkey) == 1 &&
            EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                             reinterpret_cast<const unsigned char*>(signingInput.data()), signingInput.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

}  // namespace

JwtVerifier::JwtVerifier(const Json& jwks, std::vector<std::string> issuers, int64_t leewaySeconds)
    : issuers_(std::move(issuers)), leeway_(leewaySeconds) {
  auto list = jwks.find("keys");
  if (!jwks.is_object() || list == jwks.end() || !list->is_array()) {
    throw std::runtime_error("the JWKS is not an object with a \"keys\" array");
  }
  for (const Json& jwk : *list) {
    if (!jwk.is_object()) throw std::runtime_error("a JWKS key is not an object");
    const std::string kid = jwk.value("kid", "");
    if (kid.empty()) throw std::runtime_error("a JWKS key has no \"kid\"");
    if (keys_.count(kid)) throw std::runtime_error(fmt::format("JWKS key id '{}' is listed twice", kid));
    auto key = std::make_unique<Key>();
    const std::string kty = jwk.value("kty", "");
    if (kty == "EC") {
      key->alg = "ES384";
      key->pkey = ecKey(jwk, kid);
    } else if (kty == "RSA") {
      key->alg = "RS384";
      key->pkey = rsaKey(jwk, kid);
    } else {
      throw std::runtime_error(fmt::format("JWKS key '{}': kty '{}' is neither EC nor RSA", kid, kty));
    }
    if (jwk.contains("alg") && jwk["alg"] != key->alg) {
      throw std::runtime_error(fmt::format("JWKS key '{}': alg {} is not {}", kid, jwk["alg"].dump(), key->alg));
    }
    keys_[kid] = std::move(key);
  }
  if (keys_.empty()) throw std::runtime_error("the JWKS has no keys");
  if (issuers_.empty()) throw std::runtime_error("no trusted issuer (--issuer)");
}

JwtVerifier::~JwtVerifier() = default;

std::string JwtVerifier::verify(const std::string& authorization, const std::string& audience, int64_t now) {
  static const std::string kBearer = "Bearer ";
  if (authorization.compare(0, kBearer.size(), kBearer) != 0) return "no bearer token";
  const std::string token = authorization.substr(kBearer.size());
  const size_t dot1 = token.find('.'), dot2 = dot1 == std::string::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string::npos || token.find('.', dot2 + 1) != std::string::npos) return "the token is not a JWS";
  std::string headerText, payloadText, signature;
  if (!base64UrlDecode(token.substr(0, dot1), headerText) ||
      !base64UrlDecode(token.substr(dot1 + 1, dot2 - dot1 - 1), payloadText) ||
      !base64UrlDecode(token.substr(dot2 + 1), signature)) {
    return "the token is not base64url";
  }
  Json header = Json::parse(headerText, nullptr, false), payload = Json::parse(payloadText, nullptr, false);
  if (!header.is_object() || !payload.is_object()) return "the token's header or claims are not JSON objects";
  auto text = [](const Json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const std::string alg = text(header, "alg");
  if (alg != "ES384" && alg != "RS384") return fmt::format("alg '{}' is not accepted (ES384 or RS384)", alg);
  auto key = keys_.find(text(header, "kid"));
  if (key == keys_.end()) return "unknown key id";
  if (key->second->alg != alg) return fmt::format("key '{}' is not an {} key", key->first, alg);
  if (!verifySignature(key->second->pkey, alg, token.substr(0, dot2), signature)) return "bad signature";
  // The claims.
  auto str = [&](const char* name) {
    auto it = payload.find(name);
    return it != payload.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  // Seconds since the epoch, whole and between 0 and 2^40 (year 36812):
  // no overflow in the arithmetic below, whatever a token says.
  auto num = [&](const char* name, int64_t& out) {
    auto it = payload.find(name);
    if (it == payload.end() || !it->is_number()) return false;
    const double v = it->get<double>();
    if (!(v >= 0 && v <= 1099511627776.0) || v != static_cast<double>(static_cast<int64_t>(v))) return false;
    out = static_cast<int64_t>(v);
    return true;
  };
  const std::string iss = str("iss");
  if (std::find(issuers_.begin(), issuers_.end(), iss) == issuers_.end()) {
    return iss.empty() ? "no issuer (iss)" : fmt::format("issuer '{}' is not trusted", iss);
  }
  bool audOk = false;
  if (auto aud = payload.find("aud"); aud != payload.end()) {
    if (aud->is_string()) audOk = *aud == audience;
    if (aud->is_array()) audOk = std::find(aud->begin(), aud->end(), audience) != aud->end();
  }
  if (!audOk) return fmt::format("aud is not this service ({})", audience);
  int64_t exp = 0, iat = 0;
  if (!num("exp", exp)) return "no expiry (exp) in whole seconds";
  if (exp + leeway_ < now) return "the token has expired";
  if (!num("iat", iat)) return "no issue time (iat) in whole seconds";
  if (iat > now + leeway_) return "the token is issued in the future";
  if (exp > iat + 3600) return "the token lives longer than an hour";
  const std::string jti = str("jti");
  if (jti.empty()) return "no token id (jti)";
  std::lock_guard<std::mutex> lock(mutex_);
  while (!expiries_.empty() && expiries_.begin()->first + leeway_ < now) {
    seen_.erase(expiries_.begin()->second);
    expiries_.erase(expiries_.begin());
  }
  const std::string id = iss + "|" + jti;
  if (!seen_.emplace(id, exp).second) return "the token was already used (jti replayed)";
  expiries_.emplace(exp, id);
  return "";
}

}  // namespace pathway::serve
