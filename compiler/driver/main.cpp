// pathwayc: the Pathway compiler's command line.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <thread>

#include "driver/Commands.h"

#ifndef PATHWAY_VERSION
#define PATHWAY_VERSION "unknown"
#endif

namespace {

using namespace pathway::driver;

void addDiagnosticOptions(CLI::App* cmd, DiagnosticOptions& diag) {
  cmd->add_flag("--Werror", diag.warningsAsErrors, "Treat warnings as errors");
  cmd->add_option_function<std::string>(
         "--error-format", [&diag](const std::string& v) { diag.json = v == "json"; },
         "Diagnostics as 'text' (default) or 'json'")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--color", diag.color, "Colour diagnostics: auto (when stderr is a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

int run(int argc, char** argv) {
  CLI::App app{"pathwayc: compiles clinical pathways (.pw) into native libraries", "pathwayc"};
  app.set_version_flag("--version", std::string("pathwayc ") + PATHWAY_VERSION);
  app.require_subcommand(1);
  DiagnosticOptions diag;

  std::vector<std::string> checkFiles;
  CLI::App* check = app.add_subcommand("check", "Check pathway files and report every problem");
  check->add_option("files", checkFiles, "Pathway files")->required();
  addDiagnosticOptions(check, diag);

  std::string dumpFile;
  CLI::App* dumpAst = app.add_subcommand("dump-ast", "Print the syntax tree of a pathway");
  dumpAst->add_option("file", dumpFile, "Pathway file")->required();
  addDiagnosticOptions(dumpAst, diag);
  CLI::App* dumpIr = app.add_subcommand("dump-ir", "Print the Pathway IR of a checked pathway");
  dumpIr->add_option("file", dumpFile, "Pathway file")->required();
  addDiagnosticOptions(dumpIr, diag);

  BuildOptions build;
  CLI::App* buildCmd =
      app.add_subcommand("build", "Compile a pathway into a native shared library or a WebAssembly module");
  buildCmd->add_option("file", build.input, "Pathway file")->required();
  buildCmd->add_option("-o,--output", build.output, "Output library (lib<name>.so, or NAME.wasm for wasm32)")
      ->required();
  buildCmd->add_option("--target", build.target, "host (a shared library, the default) or wasm32")
      ->check(CLI::IsMember({"host", "wasm32"}));
  buildCmd->add_option("-O", build.optLevel, "Optimisation level 0-3 (default 2)")->check(CLI::Range(0, 3));
  buildCmd->add_flag("--columns", build.columns,
                     "Also emit the column batch entry point (pw_evaluate_columns); slower to compile");
  buildCmd->add_option("--emit-header", build.emitHeader, "Also write a C header with the pathway's indices");
  buildCmd->add_option("--emit-llvm", build.emitLlvm, "Also write the optimised LLVM IR");
  buildCmd->add_option("--emit-obj", build.emitObj, "Also write the object file");
  addDiagnosticOptions(buildCmd, diag);

  RunOptions runOptions;
  CLI::App* runCmd = app.add_subcommand("run", "Evaluate a pathway (library or .pw) on patient JSON");
  runCmd->add_option("target", runOptions.target, "Compiled library or pathway file")->required();
  runCmd->add_option("-i,--input", runOptions.input, "Patient JSON file, or - for stdin");
  CLI::Option* runFhir = runCmd->add_option(
      "--fhir", runOptions.fhir, "FHIR R4 Bundle (or array of resources) for the inputs the pathway binds");
  runCmd->add_option("--now", runOptions.now,
                     "Evaluation time for --fhir, ISO 8601 with offset (default: the current time)")
      ->needs(runFhir);
  runCmd->add_flag("--ndjson", runOptions.ndjson, "One patient per line in, one result per line out");
  runCmd->add_flag("--pretty", runOptions.pretty, "Indent the result JSON");
  runCmd->add_flag("--full", runOptions.full,
                   "With --ndjson: full result objects (labels, rationales, citations) instead of brief lines");
  runCmd->add_flag("--interpret", runOptions.interpret,
                   "Evaluate with the reference interpreter (needs the .pw) instead of native code");
  runOptions.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 16u);
  runCmd->add_option("-j,--jobs", runOptions.jobs,
                     "With --ndjson: threads evaluating lines (default: the number of cores, at most 16); "
                     "the output is the same for any number")
      ->check(CLI::Range(1u, 256u));
  addDiagnosticOptions(runCmd, diag);

  std::string describeTarget;
  bool describeJson = false;
  CLI::App* describe = app.add_subcommand("describe", "Print a pathway's descriptor: metadata, inputs, outputs");
  describe->add_option("target", describeTarget, "Compiled library or pathway file")->required();
  describe->add_flag("--json", describeJson, "Print JSON");
  addDiagnosticOptions(describe, diag);

  ExportOptions exportOptions;
  CLI::App* exportCmd = app.add_subcommand("export", "Write what other systems read from a pathway");
  exportCmd->require_subcommand(1);
  CLI::App* exportQuestionnaire = exportCmd->add_subcommand(
      "questionnaire", "The FHIR R4 Questionnaire for the inputs no FHIR binding gives (JSON)");
  exportQuestionnaire->add_option("target", exportOptions.target, "Pathway file (.pw) or compiled library (.so)")
      ->required();
  exportQuestionnaire->add_option("-o,--output", exportOptions.output, "Output file (default: standard output)");
  addDiagnosticOptions(exportQuestionnaire, diag);

  ServeOptions serveOptions;
  std::string saltFile;
  CLI::App* serveCmd = app.add_subcommand("serve", "Answer CDS Hooks requests over HTTP, one service per pathway");
  serveCmd->add_option("libraries", serveOptions.libraries, "Compiled libraries (or pathway files)")->required();
  serveCmd->add_option("--host", serveOptions.host, "Address to listen on (default 127.0.0.1: this machine only)");
  serveCmd->add_option("--port", serveOptions.port, "Port (default 8080; 0: any free port, printed)")
      ->check(CLI::Range(0, 65535));
  serveCmd->add_option("--threads", serveOptions.threads,
                       "Requests computed at once (default: the number of cores)")
      ->check(CLI::Range(1u, 256u));
  serveCmd->add_option("--max-connections", serveOptions.maxConnections,
                       "Connections served at once, one thread each (default 128; more wait to be accepted)")
      ->check(CLI::Range(1u, 4096u));
  serveCmd->add_option("--max-body", serveOptions.maxBodyBytes, "Largest request body in bytes (default 8 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  serveCmd->add_option("--audit-log", serveOptions.auditLog, "Append one JSON line per request and feedback here");
  serveCmd->add_option("--audit-max-bytes", serveOptions.auditMaxBytes,
                       "Rotate the audit log past this size (default 64 MiB; FILE.1 .. FILE.5 kept)")
      ->check(CLI::Range(uint64_t{4096}, uint64_t{1} << 40));
  CLI::Option* hashIds = serveCmd->add_flag("--hash-patient-ids", serveOptions.hashPatientIds,
                                            "Log a salted SHA-256 of the patient id instead of the id");
  serveCmd->add_option("--salt-file", saltFile, "The salt for --hash-patient-ids (its first line)")->needs(hashIds)
      ->check(CLI::ExistingFile);
  serveCmd->add_option("--now", serveOptions.now,
                       "Evaluate every request as of this FHIR dateTime (tests and replays; default: the clock)");
  CLI::Option* jwks = serveCmd->add_option("--jwks", serveOptions.jwks,
                                           "Require a CDS Hooks bearer JWT signed by one of these keys (JWKS file)")
                          ->check(CLI::ExistingFile);
  serveCmd->add_option("--issuer", serveOptions.issuers, "A trusted JWT issuer (iss); repeatable")->needs(jwks);
  jwks->needs(serveCmd->get_option("--issuer"));
  serveCmd->add_option("--public-url", serveOptions.publicUrl,
                       "The base URL clients call, e.g. https://cds.example.org (JWT aud, card links)");
  serveCmd->add_option("--allow-fhir-server", serveOptions.fhirServers,
                       "Read missing prefetch from a request's fhirServer when it starts with this URL; repeatable");
  CLI::Option* cert = serveCmd->add_option("--tls-cert", serveOptions.tlsCert, "Serve HTTPS with this PEM certificate")
                          ->check(CLI::ExistingFile);
  CLI::Option* key = serveCmd->add_option("--tls-key", serveOptions.tlsKey, "The certificate's PEM private key")
                         ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  addDiagnosticOptions(serveCmd, diag);

  ExplainOptions explainOptions;
  CLI::App* explainCmd = app.add_subcommand("explain", "Explain each recommendation's status for one patient");
  explainCmd->add_option("target", explainOptions.target, "Pathway file (.pw) or compiled library (.so)")->required();
  explainCmd->add_option("-i,--input", explainOptions.input, "Patient JSON file, or - for stdin");
  CLI::Option* explainFhir = explainCmd->add_option("--fhir", explainOptions.fhir,
                                                    "FHIR R4 Bundle for the inputs the pathway binds");
  explainCmd->add_option("--now", explainOptions.now, "Evaluation time for --fhir (default: now)")->needs(explainFhir);
  explainCmd->add_flag("--json", explainOptions.json, "Print JSON");
  explainCmd->add_flag("--all", explainOptions.all, "Also explain recommendations that did not fire");
  explainCmd->add_option("-r,--recommendation", explainOptions.recommendations,
                         "Explain only this recommendation (its code), whatever its status; repeatable")
      ->allow_extra_args(false);
  explainCmd->add_flag("--interpret", explainOptions.interpret,
                       "Evaluate with the reference interpreter (.pw only) instead of the compiled trace");
  addDiagnosticOptions(explainCmd, diag);

  GraphOptions graphOptions;
  CLI::App* graphCmd = app.add_subcommand("graph", "Draw the pathway as a flowchart, optionally for one patient");
  graphCmd->add_option("target", graphOptions.target, "Pathway file (.pw)")->required();
  graphCmd->add_option("--format", graphOptions.format, "svg (default, needs Graphviz), dot or mermaid")
      ->check(CLI::IsMember({"svg", "dot", "mermaid"}));
  graphCmd->add_option("-o,--output", graphOptions.output, "Output file (default: standard output)");
  graphCmd->add_option("-i,--input", graphOptions.input, "Patient JSON to overlay on the chart");
  graphCmd->add_option("--focus", graphOptions.focus,
                       "A recommendation: draw only it and the definitions and findings its condition reads");
  addDiagnosticOptions(graphCmd, diag);

  ReviewOptions reviewOptions;
  CLI::App* reviewCmd = app.add_subcommand(
      "review", "Write a static review page (HTML, WebAssembly) where clinicians try the pathway on patients");
  reviewCmd->add_option("target", reviewOptions.input, "Pathway file (.pw)")->required();
  reviewCmd->add_option("-o,--output", reviewOptions.output, "Directory to write the page into")->required();
  reviewCmd->add_option("--source-text", reviewOptions.sourceText,
                        "The clinical source (Markdown with **S1.P2** paragraph ids): cited paragraphs shown on hover");
  reviewCmd->add_option("--patients", reviewOptions.patients,
                        "Directory of sample patients (*.json) for the menu (default: NAME/patients beside NAME.pw)");
  addDiagnosticOptions(reviewCmd, diag);

  TestOptions testOptions;
  CLI::App* testCmd = app.add_subcommand("test", "Run scenario files (.pwtest), compiled and interpreted");
  testCmd->add_option("files", testOptions.files, "Scenario files")->required();
  testCmd->add_option("--junit", testOptions.junit, "Also write a JUnit XML report");
  testCmd->add_flag("-q,--quiet", testOptions.quiet, "Print only failing cases and the summary");
  addDiagnosticOptions(testCmd, diag);

  FmtOptions fmtOptions;
  CLI::App* fmtCmd = app.add_subcommand("fmt", "Format pathway files in the canonical layout");
  fmtCmd->add_option("files", fmtOptions.files, "Pathway files, or - for standard input")->required();
  fmtCmd->add_flag("--check", fmtOptions.check, "Write nothing; list the files that would change, exit 1 if any");
  fmtCmd->add_flag("-i,--in-place", fmtOptions.inPlace, "Rewrite the files that change in place");
  addDiagnosticOptions(fmtCmd, diag);

  VerifyOptions verifyOptions;
  CLI::App* verifyCmd = app.add_subcommand("verify", "Prove a pathway's properties and run the built-in analyses (Z3)");
  verifyCmd->add_option("files", verifyOptions.files, "Pathway files")->required();
  verifyCmd->add_option("--counterexamples", verifyOptions.counterexamples,
                        "Also write each counterexample patient to DIR/<pathway>.<property>.json");
  verifyCmd->add_flag("--json", verifyOptions.json, "Print the results as JSON");
  addDiagnosticOptions(verifyCmd, diag);

  DiffOptions diffOptions;
  CLI::App* diffCmd = app.add_subcommand("diff", "Compare two versions of a pathway: which patients change status");
  diffCmd->add_option("old", diffOptions.oldFile, "Old pathway file")->required();
  diffCmd->add_option("new", diffOptions.newFile, "New pathway file")->required();
  diffCmd->add_flag("--json", diffOptions.json, "Print JSON");
  addDiagnosticOptions(diffCmd, diag);

  LspOptions lspOptions;
  CLI::App* lspCmd = app.add_subcommand("lsp", "Run the language server (LSP 3.17) over stdin and stdout");
  lspCmd->add_option("--debounce-ms", lspOptions.debounceMs,
                     "Milliseconds of quiet after an edit before diagnostics are published (default 150)")
      ->check(CLI::Range(0, 10000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (*check) return checkCommand(checkFiles, diag);
  if (*dumpAst) return dumpAstCommand(dumpFile, diag);
  if (*dumpIr) return dumpIrCommand(dumpFile, diag);
  if (*buildCmd) return buildCommand(build, diag);
  if (*runCmd) return runCommand(runOptions, diag);
  if (*graphCmd) return graphCommand(graphOptions, diag);
  if (*reviewCmd) return reviewCommand(reviewOptions, diag);
  if (*explainCmd) return explainCommand(explainOptions, diag);
  if (*testCmd) return testCommand(testOptions, diag);
  if (*fmtCmd) return fmtCommand(fmtOptions, diag);
  if (*verifyCmd) return verifyCommand(verifyOptions, diag);
  if (*diffCmd) return diffCommand(diffOptions, diag);
  if (*serveCmd) {
    if (serveOptions.hashPatientIds) {
      if (saltFile.empty()) {
        std::fprintf(stderr, "pathwayc: error: --hash-patient-ids needs --salt-file (a secret salt)\n");
        return kExitUsage;
      }
      std::ifstream salt(saltFile);
      std::getline(salt, serveOptions.patientIdSalt);
      if (serveOptions.patientIdSalt.size() < 16) {
        std::fprintf(stderr, "pathwayc: error: the salt in %s is shorter than 16 characters\n", saltFile.c_str());
        return kExitUsage;
      }
    }
    return serveCommand(serveOptions, diag);
  }
  if (*exportCmd) return exportCommand(exportOptions, diag);
  if (*describe) return describeCommand(describeTarget, describeJson, diag);
  if (*lspCmd) return lspCommand(lspOptions);
  return kExitUsage;
}

// Every subcommand writes its results through stdio (and CLI11 its help
// through std::cout): one check here, after the command, catches standard
// output that could not be written (a full disk, a closed descriptor)
// whatever the command, instead of exiting 0 with the output lost.
int finishStandardOutput(int code) {
  // std::cout is synchronised with stdio, so its text is in stdout's buffer:
  // flush that first, while errno still says why a write failed.
  errno = 0;
  bool failed = std::fflush(stdout) != 0;
  const int error = errno;
  std::cout.flush();
  failed = failed || std::ferror(stdout) || !std::cout.good();
  if (!failed) return code;
  std::fprintf(stderr, "pathwayc: error: cannot write standard output%s%s\n", error ? ": " : "",
               error ? std::strerror(error) : "");
  return code == kExitOk ? kExitError : code;
}

}  // namespace

int main(int argc, char** argv) {
  int code;
  try {
    code = run(argc, argv);
  } catch (const std::exception& e) {
    // A broken invariant, not a user error: say so plainly.
    std::fprintf(stderr, "pathwayc: internal error: %s\n", e.what());
    code = 70;
  }
  return finishStandardOutput(code);
}
