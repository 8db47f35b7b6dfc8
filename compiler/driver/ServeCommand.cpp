// pathwayc serve: CDS Hooks services for compiled pathways (compiler/serve).
// SIGTERM and SIGINT stop the server after the requests in flight; SIGHUP
// loads the libraries again and serves them from then on (a library that
// fails to load keeps the old set, and says why).
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "serve/Service.h"

namespace pathway::driver {
namespace {

// A library served: loaded from a private copy of the file. dlopen hands
// back the object already loaded under the same path, so a rebuilt library
// would never be read on reload; and a copy is immune to the file being
// overwritten in place while mapped.
struct Served {
  TempDir copy;
  std::unique_ptr<LoadedPathway> loaded;
};

// Every target loaded, each library kept alive by its Served; empty when
// one fails (the loader printed why).
std::vector<std::shared_ptr<const Library>> loadAll(const std::vector<std::string>& targets,
                                                    const DiagnosticOptions& diag) {
  std::vector<std::shared_ptr<const Library>> out;
  for (const std::string& target : targets) {
    auto served = std::make_shared<Served>();
    std::string path = target;
    if (!isPathwaySource(target)) {
      std::error_code ec;
      path = served->copy.path() + "/" + std::filesystem::path(target).filename().string();
      if (!served->copy.ok() || !std::filesystem::copy_file(target, path, ec)) {
        std::fprintf(stderr, "pathwayc: error: cannot read %s: %s\n", target.c_str(),
                     ec ? ec.message().c_str() : "no temporary directory");
        return {};
      }
    }
    served->loaded = loadPathway(path, diag);
    if (!served->loaded) return {};
    const Library* lib = &*served->loaded->library;
    out.push_back(std::shared_ptr<const Library>(served, lib));
  }
  return out;
}

}  // namespace

int serveCommand(const ServeOptions& options, const DiagnosticOptions& diag) {
  // Signals go to the waiting thread below, not to the server's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A client that hangs up mid-answer must not kill the server: OpenSSL
  // writes TLS records with write(2), which raises SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);

  std::vector<std::shared_ptr<const Library>> libraries = loadAll(options.libraries, diag);
  if (libraries.empty()) return kExitError;
  serve::ServiceOptions service;
  service.host = options.host;
  service.port = options.port;
  service.threads = options.threads;
  service.maxConnections = options.maxConnections;
  service.maxBodyBytes = options.maxBodyBytes;
  service.auditLog = options.auditLog;
  service.auditMaxBytes = options.auditMaxBytes;
  service.hashPatientIds = options.hashPatientIds;
  service.patientIdSalt = options.patientIdSalt;
  service.now = options.now;
  service.jwksFile = options.jwks;
  service.issuers = options.issuers;
  service.publicUrl = options.publicUrl;
  service.tlsCert = options.tlsCert;
  service.tlsKey = options.tlsKey;
  service.fhirServers = options.fhirServers;
  std::unique_ptr<serve::Service> server;
  try {
    server = std::make_unique<serve::Service>(libraries, service);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
    return kExitError;
  }
  std::string error;
  const int port = server->bind(error);
  if (port < 0) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  std::string names;
  for (const auto& lib : libraries) names += (names.empty() ? "" : ", ") + std::string(lib->name());
  std::fprintf(stderr, "pathwayc serve: listening on %s://%s:%d/cds-services (%s)\n",
               options.tlsCert.empty() ? "http" : "https", options.host.c_str(), port, names.c_str());
  std::fflush(stderr);
  std::atomic<bool> running{true};
  std::thread waiter([&] {
    for (;;) {
      int signal = 0;
      sigwait(&signals, &signal);
      if (signal != SIGHUP) break;
      std::vector<std::shared_ptr<const Library>> next = loadAll(options.libraries, diag);
      if (next.empty()) {
        std::fprintf(stderr, "pathwayc serve: reload failed; still serving the libraries loaded before\n");
        continue;
      }
      try {
        std::vector<std::string> changes = server->reload(std::move(next));
        std::fprintf(stderr, "pathwayc serve: reloaded%s\n", changes.empty() ? " (no library changed)" : ":");
        for (const std::string& c : changes) std::fprintf(stderr, "  %s\n", c.c_str());
      } catch (const std::exception& e) {
        std::fprintf(stderr, "pathwayc serve: reload failed: %s\n", e.what());
      }
      std::fflush(stderr);
    }
    // stop() does nothing before the server has started listening, so a
    // signal that came early is acted on until run() has returned.
    while (running) {
      server->stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  });
  server->run();
  running = false;
  // run() returns after stop(), or when listening failed: wake the waiter
  // if it still waits for a signal.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "pathwayc serve: stopped\n");
  return kExitOk;
}

}  // namespace pathway::driver
