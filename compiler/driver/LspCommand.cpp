// pathwayc lsp: the language server on stdin/stdout.
#include <cstdio>

#include "driver/Commands.h"
#include "lsp/Server.h"

namespace pathway::driver {

int lspCommand(const LspOptions& options) {
  lsp::ServerOptions server;
  server.debounceMs = options.debounceMs;
  return lsp::serve(stdin, stdout, server);
}

}  // namespace pathway::driver
