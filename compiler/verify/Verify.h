// pathwayc verify and diff, as a library: proves a program's properties,
// runs the built-in analyses and compares two versions, all with Z3 (kept
// inside compiler/verify). Reads only the IR. Results are data; the driver
// turns them into diagnostics and output.
//
// Every counterexample or witness patient is replayed through the reference
// interpreter (ir/Interpreter) before it is returned; one the interpreter
// does not confirm is a broken invariant and throws std::logic_error.
#ifndef PATHWAY_VERIFY_VERIFY_H
#define PATHWAY_VERIFY_VERIFY_H

#include <optional>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"
#include "ir/IR.h"
#include "verify/Patient.h"

namespace pathway::verify {

struct Options {
  unsigned timeoutMs = 20000;  // per solver query
  bool analyses = true;        // run the built-in analyses
  unsigned samples = 64;       // random patients used to skip SMT queries an example already settles
};

enum class Outcome { Proved, Fails, Undecided };

struct PropertyResult {
  std::string name;
  Outcome outcome = Outcome::Proved;
  std::optional<Patient> counterexample;
  std::string claimValue;  // Fails: "false" or "unknown"
  std::string reason;      // Undecided: the solver's reason
};

// One built-in analysis warning (diag/Analyses.def).
struct Warning {
  diag::Kind kind;
  std::string check;                  // allow id
  std::vector<std::string> subjects;  // declaration names, as an allow names them
  std::vector<std::string> args;      // message arguments
  std::optional<Patient> witness;     // else: proved for every patient
  bool silenced = false;
};

struct Report {
  std::vector<PropertyResult> properties;
  std::vector<Warning> warnings;      // silenced ones included, marked
  std::vector<size_t> unusedAllows;   // indices into program.allows
  std::vector<std::string> undecided; // analyses the solver could not decide
};

Report verifyProgram(const ir::Program& program, const Options& options = {});

// ---- trust in the encoding

struct SolverValue {
  bool known = true;
  double value = 0;   // bools 0/1; the nearest double to the solver's exact value
  bool exact = true;  // numbers: the solver's exact value is that double
};

// The solver's value of every node with every input fixed to each patient
// (one encoding, one push/pop per patient): compared node by node with the
// interpreter by the differential test.
std::vector<std::vector<SolverValue>> solverNodeValues(const ir::Program& program,
                                                       const std::vector<Patient>& patients);

// ---- diff

struct StatusDiff {
  std::string recommendation;
  bool identical = true;
  bool undecided = false;
  // A patient (one JSON for each version: inputs are matched by name) with
  // both statuses.
  std::optional<Patient> oldPatient, newPatient;
  int oldStatus = 0, newStatus = 0;
};

struct DiffReport {
  std::vector<std::string> addedRecommendations, removedRecommendations;
  std::vector<std::string> addedInputs, removedInputs, changedInputs;  // changed: "name: old -> new"
  std::vector<std::string> addedFindings, removedFindings;
  std::vector<std::string> changedMetadata;  // "recommendation r: urgency soon -> immediate", ...
  std::vector<StatusDiff> statuses;          // recommendations in both, in the new order
  bool anyDifferent() const;
};

DiffReport diffPrograms(const ir::Program& oldProgram, const ir::Program& newProgram, const Options& options = {});

// Text of an input's type as in the source ("int in 0..10", "weeks in 0..520").
std::string inputTypeText(const ir::Input& input);

}  // namespace pathway::verify

#endif  // PATHWAY_VERIFY_VERIFY_H
