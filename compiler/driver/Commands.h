// The pathwayc subcommands. Each returns the process exit code:
// 0 success, 1 errors in the input, 2 usage errors.
#ifndef PATHWAY_DRIVER_COMMANDS_H
#define PATHWAY_DRIVER_COMMANDS_H

#include <string>
#include <vector>

namespace pathway::driver {

enum ExitCode { kExitOk = 0, kExitError = 1, kExitUsage = 2 };

struct DiagnosticOptions {
  bool warningsAsErrors = false;
  bool json = false;  // --error-format=json
  std::string color = "auto";
};

int checkCommand(const std::vector<std::string>& files, const DiagnosticOptions& diag);
int dumpAstCommand(const std::string& file, const DiagnosticOptions& diag);
int dumpIrCommand(const std::string& file, const DiagnosticOptions& diag);

struct BuildOptions {
  std::string input;
  std::string output;
  int optLevel = 2;
  bool columns = false;  // also the column (64 patients per word) batch entry point
  std::string target = "host";  // or "wasm32": a WebAssembly module
  std::string emitHeader, emitLlvm, emitObj;
};
int buildCommand(const BuildOptions& options, const DiagnosticOptions& diag);

struct RunOptions {
  std::string target;  // LIB.so or FILE.pw
  std::string input;   // file or "-"
  bool ndjson = false;
  bool pretty = false;
  bool interpret = false;  // the reference interpreter instead of native code
  bool full = false;       // --ndjson: full result objects instead of brief lines
  unsigned jobs = 1;       // --ndjson: threads evaluating lines
  std::string fhir;        // a FHIR R4 Bundle for the bound inputs (after --input)
  std::string now;         // --fhir: the evaluation time; empty: the current time
};
int runCommand(const RunOptions& options, const DiagnosticOptions& diag);

struct TestOptions {
  std::vector<std::string> files;  // .pwtest scenario files
  std::string junit;               // also write JUnit XML here
  bool quiet = false;              // print failing cases only
};
int testCommand(const TestOptions& options, const DiagnosticOptions& diag);

struct ExplainOptions {
  std::string target;  // FILE.pw or LIB.so
  std::string input;   // patient JSON file or "-" ("" with --fhir: none)
  std::string fhir;    // a FHIR R4 Bundle for the bound inputs
  std::string now;     // --fhir: the evaluation time
  bool json = false;
  bool all = false;    // also recommendations that did not fire
  bool interpret = false;  // the reference interpreter instead of the compiled trace
  std::vector<std::string> recommendations;  // only these (codes), whatever their status
};
int explainCommand(const ExplainOptions& options, const DiagnosticOptions& diag);

struct GraphOptions {
  std::string target;          // FILE.pw
  std::string format = "svg";  // dot, svg, mermaid
  std::string output;          // file, or empty / "-" for stdout
  std::string input;           // optional patient JSON to overlay
  std::string focus;           // optional recommendation: only its condition subgraph
};
int graphCommand(const GraphOptions& options, const DiagnosticOptions& diag);

struct ReviewOptions {
  std::string input;       // FILE.pw
  std::string output;      // the directory to write
  std::string sourceText;  // the clinical source (Markdown), for the cited paragraphs' text
  std::string patients;    // sample patients (*.json); default NAME/patients beside NAME.pw
};
int reviewCommand(const ReviewOptions& options, const DiagnosticOptions& diag);

struct FmtOptions {
  std::vector<std::string> files;  // .pw files, or "-" for standard input
  bool check = false;              // change nothing; exit 1 naming the files that would change
  bool inPlace = false;            // -i: rewrite changed files in place
};
int fmtCommand(const FmtOptions& options, const DiagnosticOptions& diag);

struct VerifyOptions {
  std::vector<std::string> files;
  std::string counterexamples;  // also write each counterexample here as <pathway>.<property>.json
  bool json = false;
};
int verifyCommand(const VerifyOptions& options, const DiagnosticOptions& diag);

struct DiffOptions {
  std::string oldFile, newFile;
  bool json = false;
};
int diffCommand(const DiffOptions& options, const DiagnosticOptions& diag);

struct ExportOptions {
  std::string target;  // FILE.pw or LIB.so
  std::string output;  // file, or empty / "-" for stdout
};
// `export questionnaire`
int exportCommand(const ExportOptions& options, const DiagnosticOptions& diag);

struct ServeOptions {
  std::vector<std::string> libraries;  // LIB.so or FILE.pw, one service each
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed)
  unsigned threads = 0;  // requests computed at once; 0: the number of cores
  unsigned maxConnections = 128;  // connections served at once
  size_t maxBodyBytes = 8u << 20;
  std::string auditLog;
  uint64_t auditMaxBytes = 64u << 20;
  bool hashPatientIds = false;
  std::string patientIdSalt;
  std::string now;  // evaluate every request as of this time (tests, replays)
  std::string jwks;                  // JWT authentication: trusted keys
  std::vector<std::string> issuers;  //   and issuers
  std::string publicUrl;             // the URL clients call (JWT aud)
  std::string tlsCert, tlsKey;       // HTTPS
  std::vector<std::string> fhirServers;  // --allow-fhir-server prefixes
};
// `serve`: CDS Hooks services (compiler/serve)
int serveCommand(const ServeOptions& options, const DiagnosticOptions& diag);

int describeCommand(const std::string& target, bool json, const DiagnosticOptions& diag);

struct LspOptions {
  int debounceMs = 150;  // quiet time after a change before diagnostics are published
};
// The language server over stdin/stdout (LspCommand.cpp, in the pathwayc
// executable): exit code 0 after shutdown + exit, 1 otherwise.
int lspCommand(const LspOptions& options);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_COMMANDS_H
