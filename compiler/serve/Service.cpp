#include "serve/Service.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <mutex>
#include <semaphore>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <httplib.h>

#include "serve/AuditLog.h"
#include "serve/Cards.h"
#include "serve/FhirClient.h"
#include "serve/Jwt.h"

namespace pathway::serve {
namespace {

constexpr const char* kJson = "application/json";

// A request error: HTTP status and a message for the client (never an
// internal path or a stack trace).
struct HttpError {
  int status;
  std::string message;
};

void sendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), kJson);
}

void sendError(httplib::Response& res, const HttpError& e) { sendJson(res, e.status, {{"error", e.message}}); }

// Parses a request body; rejects what is not a JSON object, and documents
// nested deeper than `maxDepth`.
Json parseBody(const httplib::Request& req, int maxDepth) {
  const std::string type = req.get_header_value("Content-Type");
  if (type.rfind(kJson, 0) != 0) {
    throw HttpError{415, fmt::format("the body must be application/json, not '{}'", type)};
  }
  Json body;
  try {
    body = Json::parse(req.body, [&](int depth, Json::parse_event_t, Json&) {
      if (depth > maxDepth) throw HttpError{400, fmt::format("the JSON body is nested deeper than {} levels", maxDepth)};
      return true;
    });
  } catch (const Json::exception& e) {
    throw HttpError{400, fmt::format("the body is not JSON: {}", e.what())};
  }
  if (!body.is_object()) throw HttpError{400, "the body must be a JSON object"};
  return body;
}

const Json& requireMember(const Json& object, const char* key, Json::value_t type, const char* what) {
  auto it = object.find(key);
  if (it == object.end() || it->type() != type) {
    throw HttpError{400, fmt::format("'{}' is missing or not {}", key, what)};
  }
  return *it;
}


// The requests computed at once (parsing, evaluation, cards): at most
// --threads, one per core by default; a connection thread waits here.
using ComputeSlots = std::counting_semaphore<1024>;
struct ComputeSlot {
  explicit ComputeSlot(ComputeSlots& slots) : slots(slots) { slots.acquire(); }
  ~ComputeSlot() { slots.release(); }
  ComputeSlot(const ComputeSlot&) = delete;
  ComputeSlot& operator=(const ComputeSlot&) = delete;
  ComputeSlots& slots;
};

unsigned computeThreads(const ServiceOptions& options) {
  unsigned n = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  return std::min(n, 1024u);
}

}  // namespace

std::unique_ptr<httplib::Server> makeServer(const ServiceOptions& options) {
  if (options.tlsCert.empty()) return std::make_unique<httplib::Server>();
  auto tls = std::make_unique<httplib::SSLServer>(options.tlsCert.c_str(), options.tlsKey.c_str());
  if (!tls->is_valid()) {
    throw std::runtime_error("cannot use the TLS certificate " + options.tlsCert + " with key " + options.tlsKey);
  }
  return tls;
}

struct Service::Impl {
  ServiceOptions options;
  // The libraries served; replaced whole on reload. A request holds the
  // snapshot it started with, so a reload never pulls a library from under it.
  // A library and what the service derives from its metadata once, not per
  // request: its prefetch templates and order codes.
  struct Entry {
    std::shared_ptr<const Library> library;
    Json templates;
    OrderCodes orders;
  };
  struct Catalog {
    std::map<std::string, Entry> services;
    std::vector<std::string> order;
  };
  std::shared_ptr<const Catalog> catalog;
  std::mutex catalogMutex;
  AuditLog audit;
  std::unique_ptr<httplib::Server> serverPtr;  // an SSLServer with --tls-cert
  httplib::Server& server;
  std::unique_ptr<JwtVerifier> jwt;
  ComputeSlots compute{computeThreads(options)};
  int port = -1;

  static std::shared_ptr<const Catalog> makeCatalog(const std::vector<std::shared_ptr<const Library>>& libraries) {
    auto c = std::make_shared<Catalog>();
    for (const auto& lib : libraries) {
      std::string id(lib->name());
      if (!c->services.emplace(id, Entry{lib, prefetchTemplates(*lib), orderCodes(*lib)}).second) throw std::runtime_error("two libraries are both pathway '" + id + "'");
      c->order.push_back(id);
    }
    return c;
  }

  std::shared_ptr<const Catalog> current() {
    std::lock_guard<std::mutex> lock(catalogMutex);
    return catalog;
  }

  Impl(std::vector<std::shared_ptr<const Library>> libraries, ServiceOptions o)
      : options(std::move(o)),
        audit(options.auditLog, options.auditMaxBytes, options.auditKeep),
        serverPtr(makeServer(options)),
        server(*serverPtr) {
    catalog = makeCatalog(libraries);
    if (!options.jwksFile.empty()) {
      std::ifstream in(options.jwksFile);
      Json jwks = Json::parse(in, nullptr, false);
      if (jwks.is_discarded()) throw std::runtime_error("the JWKS file " + options.jwksFile + " is not JSON");
      jwt = std::make_unique<JwtVerifier>(jwks, options.issuers);
    }
    routes();
  }

  // "NAME" (patient-view), "NAME-order-select", "NAME-order-sign" (a
  // pathway with orders): the library and the hook its id serves.
  // The entry (kept alive with its catalog snapshot for the request).
  std::shared_ptr<const Entry> serviceFor(const std::string& requested, std::string* hook = nullptr) {
    auto c = current();
    std::string id = requested, served = "patient-view";
    for (const char* h : {"order-select", "order-sign"}) {
      const std::string suffix = std::string("-") + h;
      if (id.size() > suffix.size() && id.compare(id.size() - suffix.size(), suffix.size(), suffix) == 0) {
        auto lib = c->services.find(id.substr(0, id.size() - suffix.size()));
        if (lib != c->services.end() && lib->second.orders.any()) {
          id = lib->first;
          served = h;
        }
      }
    }
    if (hook) *hook = served;
    auto it = c->services.find(id);
    if (it == c->services.end()) {
      std::string known;
      for (const std::string& s : c->order) known += (known.empty() ? "" : ", ") + s;
      if (jwt) throw HttpError{404, fmt::format("no CDS service '{}'", requested)};  // discovery lists them
      throw HttpError{404, fmt::format("no CDS service '{}' (services: {})", requested, known)};
    }
    return std::shared_ptr<const Entry>(c, &it->second);
  }

  // The URL clients call: --public-url, else the address the server is
  // bound to. Never the request's Host header: a client chooses that, and
  // it would choose the JWT audience and the card links.
  std::string baseUrl(const httplib::Request&) const {
    if (!options.publicUrl.empty()) return options.publicUrl;
    return fmt::format("{}://{}:{}", options.tlsCert.empty() ? "http" : "https", options.host, port);
  }

  void routes() {
    // cpp-httplib serves a connection on one pool thread for as long as it
    // is kept alive, so the pool is sized to the connections served at once
    // (--max-connections): a pool of one thread per core would serve two
    // keep-alive clients and leave every other one waiting, and a slow
    // client would hold a core. The work itself is bounded separately by
    // `compute` (--threads, one per core).
    const unsigned connections = std::max(1u, options.maxConnections);
    server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
    server.set_payload_max_length(options.maxBodyBytes);
    // SO_REUSEADDR only: httplib's default SO_REUSEPORT would let a second
    // server share a port in use and silently take half its requests.
    server.set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof yes);
    });
    server.set_read_timeout(options.readTimeoutSeconds, 0);
    server.set_write_timeout(options.writeTimeoutSeconds, 0);
    server.set_keep_alive_timeout(5);
    // Headers and body leave in separate writes: without TCP_NODELAY, Nagle
    // and the client's delayed ACK add 40 ms to every answer.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_max_count(1000);
    // CORS for browser-based EHR sandboxes (CDS Hooks 2.0, "Cross-Origin Resource Sharing").
    server.set_default_headers({{"Access-Control-Allow-Origin", "*"},
                                {"Access-Control-Allow-Credentials", "true"},
                                {"Access-Control-Allow-Headers", "Authorization, Content-Type"},
                                {"Access-Control-Allow-Methods", "GET, POST, OPTIONS"},
                                {"Access-Control-Expose-Headers", "Origin, Accept, Content-Location, Location, X-Requested-With"}});
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      try {
        std::rethrow_exception(ep);
      } catch (const HttpError& e) {
        if (e.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        sendError(res, e);
      } catch (const Json::exception& e) {
        // A member of the wrong JSON type somewhere in the request.
        sendError(res, {400, fmt::format("a member of the request has the wrong JSON type: {}", e.what())});
      } catch (...) {
        sendError(res, {500, "internal error"});
      }
    });
    // Errors httplib answers itself (413, 404 of unknown paths, 400 of bad
    // request lines) get a JSON body too.
    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      const char* what = res.status == 413 ? "the request body is too large"
                         : res.status == 404 ? "no such endpoint"
                         : res.status == 405 ? "method not allowed"
                                             : "bad request";
      sendJson(res, res.status, {{"error", what}});
    });
    server.Options(R"(.*)", [](const httplib::Request&, httplib::Response& res) { res.status = 204; });
    server.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      Json list = Json::array();
      auto c = current();
      for (const std::string& id : c->order) {
        pw_library_info info = c->services.at(id).library->info();
        list.push_back({{"id", id}, {"version", info.version}, {"content_hash", fmt::format("{:016x}", info.content_hash)}});
      }
      sendJson(res, 200, {{"status", "ok"}, {"services", list}});
    });
    server.Get("/cds-services", [this](const httplib::Request&, httplib::Response& res) {
      Json list = Json::array();
      auto c = current();
      for (const std::string& id : c->order) {
        const Entry& e = c->services.at(id);
        const Library& lib = *e.library;
        list.push_back(discoveryEntry(lib));
        if (!e.orders.any()) continue;
        for (const char* h : {"order-select", "order-sign"}) {
          Json entry = discoveryEntry(lib);
          entry["hook"] = h;
          entry["id"] = id + "-" + h;
          entry["description"] = fmt::format("Whether pathway '{}' {} supports the draft orders (imaging, labs, "
                                             "electrodiagnostics, injections) for this patient now.",
                                             id, lib.version());
          list.push_back(std::move(entry));
        }
      }
      sendJson(res, 200, {{"services", list}});
    });
    server.Get(R"(/cds-services/([^/]+)/questionnaire)", [this](const httplib::Request& req, httplib::Response& res) {
      auto entry = serviceFor(req.matches[1]);
      res.status = 200;
      res.set_content(std::string(entry->library->questionnaire()), "application/fhir+json");
    });
    server.Post(R"(/cds-services/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      authenticate(req);  // before the lookup: an unauthenticated caller learns nothing
      std::string served;
      auto entry = serviceFor(req.matches[1], &served);
      ComputeSlot slot(compute);
      hook(req, res, *entry, served);
    });
    server.Post(R"(/cds-services/([^/]+)/feedback)", [this](const httplib::Request& req, httplib::Response& res) {
      authenticate(req);
      auto entry = serviceFor(req.matches[1]);
      feedback(req, res, *entry->library);
    });
    // The known paths with another method: 405 naming the allowed one.
    auto notAllowed = [](const char* allow) {
      return [allow](const httplib::Request&, httplib::Response& res) {
        res.set_header("Allow", allow);
        sendJson(res, 405, {{"error", fmt::format("method not allowed; use {}", allow)}});
      };
    };
    server.Post("/cds-services", notAllowed("GET"));
    server.Post("/healthz", notAllowed("GET"));
    server.Get(R"(/cds-services/([^/]+))", notAllowed("POST"));
    server.Get(R"(/cds-services/([^/]+)/feedback)", notAllowed("POST"));
    server.Put(R"(.*)", notAllowed("GET or POST"));
    server.Delete(R"(.*)", notAllowed("GET or POST"));
    server.Patch(R"(.*)", notAllowed("GET or POST"));
  }

  // 401 unless the request carries a valid bearer JWT (when a JWKS is set).
  void authenticate(const httplib::Request& req) {
    if (!jwt) return;
    // The URL the client called: the order services have ids of their own.
    const std::string audience = baseUrl(req) + "/cds-services/" + req.matches[1].str();
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count();
    std::string why = jwt->verify(req.get_header_value("Authorization"), audience, now);
    if (!why.empty()) throw HttpError{401, "unauthorized: " + why};
  }

  void hook(const httplib::Request& req, httplib::Response& res, const Entry& entry, const std::string& served) {
    const Library& lib = *entry.library;
    const auto started = std::chrono::steady_clock::now();
    Json body = parseBody(req, options.maxJsonDepth);
    const std::string hookName = requireMember(body, "hook", Json::value_t::string, "a string");
    const std::string instance = requireMember(body, "hookInstance", Json::value_t::string, "a string");
    const Json& context = requireMember(body, "context", Json::value_t::object, "an object");
    if (hookName != served) {
      throw HttpError{400, fmt::format("hook '{}' is not served by '{}' (it serves {})", hookName,
                                       req.matches[1].str(), served)};
    }
    const std::string patient = requireMember(context, "patientId", Json::value_t::string, "a string");
    // order-select and order-sign: the draft orders to judge.
    std::vector<Json> orders;
    if (served != "patient-view") {
      const Json& drafts = requireMember(context, "draftOrders", Json::value_t::object, "a Bundle");
      if (drafts.value("resourceType", "") != "Bundle") throw HttpError{400, "'draftOrders' is not a Bundle"};
      std::vector<std::string> selections;
      if (served == "order-select") {
        for (const Json& s : requireMember(context, "selections", Json::value_t::array, "an array")) {
          if (!s.is_string()) throw HttpError{400, "a selection is not a string"};
          selections.push_back(s);
        }
      }
      for (const Json& e : drafts.value("entry", Json::array())) {
        if (!e.is_object() || !e.contains("resource") || !e["resource"].is_object()) {
          throw HttpError{400, "a draftOrders entry has no resource"};
        }
        const Json& r = e["resource"];
        const std::string ref = r.value("resourceType", "") + "/" + r.value("id", "");
        if (served == "order-select" && std::find(selections.begin(), selections.end(), ref) == selections.end()) continue;
        orders.push_back(r);
      }
    }
    // The prefetched data: every template key the client filled.
    const Json& templates = entry.templates;
    Json documents = Json::array();
    size_t given = 0;
    if (auto prefetch = body.find("prefetch"); prefetch != body.end()) {
      if (!prefetch->is_object()) throw HttpError{400, "'prefetch' is not an object"};
      for (const auto& [key, value] : prefetch->items()) {
        if (!templates.contains(key)) continue;  // not ours: ignored
        ++given;
        if (value.is_null()) continue;  // the client found nothing
        if (!value.is_object() && !value.is_array()) {
          throw HttpError{400, fmt::format("prefetch '{}' is neither a resource nor a Bundle", key)};
        }
        if (key == "patient" && value.is_object() && value.contains("id") && value.value("resourceType", "") == "Patient" &&
            value["id"] != patient) {
          throw HttpError{400, fmt::format("prefetch 'patient' is Patient/{}, not context.patientId '{}'",
                                           value.value("id", ""), patient)};
        }
        documents.push_back(value);
      }
    }
    // What the client did not prefetch (a key absent, not null) is read
    // from its fhirServer, when it names one this service may query.
    std::vector<std::string> absent;
    const Json* prefetch = body.contains("prefetch") ? &body["prefetch"] : nullptr;
    for (const auto& [key, tmpl] : templates.items()) {
      if (!prefetch || !prefetch->contains(key)) absent.push_back(key);
    }
    auto server = body.find("fhirServer");
    if (!absent.empty() && server != body.end()) {
      if (!server->is_string()) throw HttpError{400, "'fhirServer' is not a string"};
      auto authorization = body.find("fhirAuthorization");
      FhirFetchOptions fetch;
      fetch.allowed = options.fhirServers;
      for (const std::string& key : absent) {
        std::string query, why;
        if (!fillTemplate(templates[key], context, query, why)) throw HttpError{400, "prefetch " + key + ": " + why};
        try {
          documents.push_back(fetchPrefetch(*server, authorization == body.end() ? Json() : *authorization, query, fetch));
        } catch (const std::runtime_error& e) {
          throw HttpError{412, fmt::format("prefetch '{}' is missing and cannot be read from fhirServer: {}", key, e.what())};
        }
        ++given;
      }
    }
    if (given == 0) {
      // CDS Hooks 2.0: without prefetch and fhirServer the service cannot
      // get the data; 412 says its precondition is not met.
      throw HttpError{412, "no prefetch and no fhirServer: send the prefetch of /cds-services"};
    }
    Input input(lib);
    try {
      input.setFhir(documents.dump(), options.now.empty() ? utcNow() : options.now);
    } catch (const Error& e) {
      throw HttpError{400, fmt::format("prefetch: {}", e.what())};
    }
    Result result(lib);
    evaluateTraced(lib, input, result);
    CardOptions cardOptions;
    cardOptions.serviceUrl = baseUrl(req) + "/cds-services/" + std::string(lib.name());
    cardOptions.patientId = patient;
    cardOptions.orders = &entry.orders;
    Json response = served == "patient-view" ? patientViewCards(lib, result, cardOptions)
                                             : orderCards(lib, result, orders, cardOptions);

    // The audit line, written before the answer leaves.
    pw_library_info info = lib.info();
    Json statuses = Json::object();
    std::vector<uint8_t> st = result.statuses();
    static const char* kStatus[] = {"no", "fire", "undetermined"};
    for (uint32_t r = 0; r < st.size(); ++r) statuses[lib.recommendation(r).name] = kStatus[st[r] % 3];
    Json evidence = Json::array();
    for (uint32_t i = 0; i < lib.inputCount(); ++i) {
      pw_evidence e = input.evidence(i);
      if (e.resource && *e.resource) evidence.push_back(e.resource);
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    Json line = {{"time", utcNow()},
                 {"type", "hook"},
                 {"service", lib.name()},
                 {"hook", hookName},
                 {"hookInstance", instance},
                 {"patient", options.hashPatientIds ? hashedId(options.patientIdSalt, patient) : patient},
                 {"content_hash", fmt::format("{:016x}", info.content_hash)},
                 {"statuses", statuses},
                 {"evidence", evidence},
                 {"cards", cardOptions.uuids},
                 {"ms", ms}};
    if (!audit.append(line)) throw HttpError{500, "the audit log cannot be written"};
    sendJson(res, 200, response);
  }

  void feedback(const httplib::Request& req, httplib::Response& res, const Library& lib) {
    Json body = parseBody(req, options.maxJsonDepth);
    const Json& items = requireMember(body, "feedback", Json::value_t::array, "an array");
    std::vector<Json> lines;
    for (const Json& item : items) {
      if (!item.is_object()) throw HttpError{400, "a feedback item is not an object"};
      const std::string card = requireMember(item, "card", Json::value_t::string, "a string");
      const std::string outcome = requireMember(item, "outcome", Json::value_t::string, "a string");
      if (outcome != "accepted" && outcome != "overridden") {
        throw HttpError{400, fmt::format("outcome '{}' is neither accepted nor overridden", outcome)};
      }
      const std::string when = requireMember(item, "outcomeTimestamp", Json::value_t::string, "a string");
      Json line = {{"time", utcNow()}, {"type", "feedback"}, {"service", lib.name()},
                   {"card", card},      {"outcome", outcome}, {"outcomeTimestamp", when}};
      if (auto reason = item.find("overrideReason"); reason != item.end()) {
        if (outcome != "overridden") throw HttpError{400, "overrideReason belongs to an overridden card"};
        line["overrideReason"] = *reason;
      }
      if (auto accepted = item.find("acceptedSuggestions"); accepted != item.end()) line["acceptedSuggestions"] = *accepted;
      lines.push_back(std::move(line));
    }
    for (const Json& line : lines) {
      if (!audit.append(line)) throw HttpError{500, "the audit log cannot be written"};
    }
    sendJson(res, 200, Json::object());
  }
};

Service::Service(std::vector<std::shared_ptr<const Library>> libraries, ServiceOptions options)
    : impl_(std::make_unique<Impl>(std::move(libraries), std::move(options))) {}

Service::~Service() = default;

int Service::bind(std::string& error) {
  Impl& s = *impl_;
  if (s.options.port == 0) {
    s.port = s.server.bind_to_any_port(s.options.host);
  } else {
    s.port = s.server.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1;
  }
  if (s.port < 0) error = fmt::format("cannot listen on {}:{}", s.options.host, s.options.port);
  return s.port;
}

void Service::run() { impl_->server.listen_after_bind(); }

void Service::stop() { impl_->server.stop(); }

std::vector<std::string> Service::reload(std::vector<std::shared_ptr<const Library>> libraries) {
  Impl& s = *impl_;
  auto next = Impl::makeCatalog(libraries);
  std::vector<std::string> changes;
  {
    std::lock_guard<std::mutex> lock(s.catalogMutex);
    for (const std::string& id : next->order) {
      const uint64_t hash = next->services.at(id).library->info().content_hash;
      auto old = s.catalog->services.find(id);
      std::string was =
          old == s.catalog->services.end() ? "new" : fmt::format("{:016x}", old->second.library->info().content_hash);
      std::string now = fmt::format("{:016x}", hash);
      if (was != now) changes.push_back(fmt::format("{}: {} -> {}", id, was, now));
      if (!s.audit.append({{"time", utcNow()}, {"type", "reload"}, {"service", id}, {"previous_hash", was},
                           {"content_hash", now}})) {
        changes.push_back(id + ": the audit log cannot be written");
      }
    }
    for (const std::string& id : s.catalog->order) {
      if (!next->services.count(id)) changes.push_back(id + ": removed");
    }
    s.catalog = std::move(next);
  }
  return changes;
}

}  // namespace pathway::serve
