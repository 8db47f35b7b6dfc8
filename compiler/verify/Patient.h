// A patient as the verifier builds it from a model: every input known (with
// a value) or unknown, in the program's input order, and its input JSON
// (the shape `pathwayc run --input` reads).
#ifndef PATHWAY_VERIFY_PATIENT_H
#define PATHWAY_VERIFY_PATIENT_H

#include <cstdint>
#include <string>
#include <vector>

#include "ir/IR.h"
#include "ir/Interpreter.h"

namespace pathway::verify {

struct Patient {
  std::vector<double> values;
  std::vector<uint8_t> known;
};

// Known inputs only (a missing key is unknown), in input order. Quantities
// are numbers in the input's declared unit, enums their label.
std::string patientJson(const ir::Program& program, const Patient& patient);

// The reference interpreter's value of every node for this patient.
std::vector<ir::NodeValue> replay(const ir::Program& program, const Patient& patient);

// Three-valued status of a recommendation: 0 no, 1 fire, 2 undetermined.
int statusOf(const std::vector<ir::NodeValue>& values, ir::NodeId status);
const char* statusName(int status);

}  // namespace pathway::verify

#endif  // PATHWAY_VERIFY_PATIENT_H
