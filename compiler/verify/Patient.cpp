#include "verify/Patient.h"

#include <nlohmann/json.hpp>

namespace pathway::verify {

std::string patientJson(const ir::Program& program, const Patient& patient) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (size_t i = 0; i < program.inputs.size(); ++i) {
    if (!patient.known[i]) continue;
    const ir::Input& in = program.inputs[i];
    double v = patient.values[i];
    switch (in.kind) {
      case ir::InputKind::Bool: out[in.name] = v != 0; break;
      case ir::InputKind::Int: out[in.name] = static_cast<int64_t>(v); break;
      case ir::InputKind::Enum: out[in.name] = in.labels.at(static_cast<size_t>(v)); break;
      case ir::InputKind::Number:
      case ir::InputKind::Quantity:
        if (v == static_cast<double>(static_cast<int64_t>(v))) out[in.name] = static_cast<int64_t>(v);
        else out[in.name] = v;
        break;
    }
  }
  return out.dump();
}

std::vector<ir::NodeValue> replay(const ir::Program& program, const Patient& patient) {
  return ir::interpretNodes(program, patient.values.data(), patient.known.data());
}

int statusOf(const std::vector<ir::NodeValue>& values, ir::NodeId status) {
  const ir::NodeValue& v = values[status];
  return !v.known ? 2 : v.value != 0 ? 1 : 0;
}

const char* statusName(int status) { return status == 1 ? "fire" : status == 0 ? "no" : "undetermined"; }

}  // namespace pathway::verify
