#include "benchmarks/PtFixture.h"

#include <dlfcn.h>

#include <map>
#include <stdexcept>

#include "driver/Pipeline.h"

namespace pathway::bench {

const PtFixture& ptFixture() {
  static const PtFixture fixture = [] {
    PtFixture f;
    f.library = std::make_unique<Library>(PATHWAY_PT_FAILURE_LIBRARY);
    void* handle = ::dlopen(PATHWAY_PT_FAILURE_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) throw std::runtime_error(::dlerror());
    f.descriptor = static_cast<const pw_descriptor*>(::dlsym(handle, PW_DESCRIPTOR_SYMBOL));
    std::unique_ptr<driver::Compilation> c =
        driver::compileFile(PATHWAY_PT_FAILURE_SOURCE, driver::FrontendOptions{});
    if (!c->ok() || !c->program) throw std::runtime_error("pt_failure.pw does not compile");
    f.program = *c->program;
    return f;
  }();
  return fixture;
}

const Rows& ptPatients(uint64_t count) {
  static std::map<uint64_t, Rows> cache;
  auto it = cache.find(count);
  if (it == cache.end()) {
    it = cache.emplace(count, generatePatients(*ptFixture().library, count, count)).first;
  }
  return it->second;
}

}  // namespace pathway::bench
