// Any bytes -> the whole front end (parse, sema, lowering): no crash, hang or
// leak. When a program comes out, the reference interpreter evaluates it on
// an all-unknown patient (exercising the lowered IR's invariants).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "driver/Pipeline.h"
#include "ir/Interpreter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pathway;
  driver::FrontendOptions options;
  auto c = driver::compileText("fuzz.pw", std::string(reinterpret_cast<const char*>(data), size), options);
  if (c->ok() && c->program) {
    const ir::Program& p = *c->program;
    std::vector<double> values(p.inputs.size(), 0);
    std::vector<uint8_t> known(p.inputs.size(), 0);
    std::vector<uint8_t> state(p.slotCount());
    std::vector<double> numbers(p.slotCount());
    std::vector<uint64_t> missing(p.recommendations.size() * p.maskWords());
    ir::interpret(p, values.data(), known.data(), state.data(), numbers.data(), missing.data());
  }
  return 0;
}
