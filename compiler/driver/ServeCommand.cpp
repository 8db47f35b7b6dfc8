// pathwayc serve: CDS Hooks services for compiled pathways (compiler/serve).
// SIGTERM and SIGINT stop the server after the requests in flight.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <thread>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "serve/Service.h"

namespace pathway::driver {

int serveCommand(const ServeOptions& options, const DiagnosticOptions& diag) {
  // Signals go to the waiting thread below, not to the server's threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::vector<std::unique_ptr<LoadedPathway>> loaded;
  std::vector<const Library*> libraries;
  for (const std::string& target : options.libraries) {
    loaded.push_back(loadPathway(target, diag));
    if (!loaded.back()) return kExitError;
    libraries.push_back(&*loaded.back()->library);
  }
  serve::ServiceOptions service;
  service.host = options.host;
  service.port = options.port;
  service.threads = options.threads;
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
  for (const Library* lib : libraries) names += (names.empty() ? "" : ", ") + std::string(lib->name());
  std::fprintf(stderr, "pathwayc serve: listening on %s://%s:%d/cds-services (%s)\n",
               options.tlsCert.empty() ? "http" : "https", options.host.c_str(), port, names.c_str());
  std::fflush(stderr);
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server->stop();
  });
  server->run();
  // run() returns after stop(), or when listening failed: wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "pathwayc serve: stopped\n");
  return kExitOk;
}

}  // namespace pathway::driver
