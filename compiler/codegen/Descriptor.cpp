#include "codegen/Descriptor.h"

#include <cstddef>

#include <fmt/format.h>
#include <llvm/IR/Constants.h>
#include <llvm/IR/DerivedTypes.h>
#include <llvm/IR/GlobalVariable.h>

#include "codegen/Target.h"
#include "ir/Metadata.h"
#include "pathway/abi.h"

namespace pathway::codegen {
namespace {

// A private constant byte array; NUL-terminated when `nulTerminated`.
llvm::GlobalVariable* bytes(llvm::Module& module, const std::string& text, const char* name,
                            bool nulTerminated) {
  llvm::Constant* init =
      llvm::ConstantDataArray::getString(module.getContext(), text, nulTerminated);
  auto* global = new llvm::GlobalVariable(module, init->getType(), /*isConstant=*/true,
                                          llvm::GlobalValue::PrivateLinkage, init, name);
  global->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
  global->setAlignment(llvm::Align(1));
  return global;
}

}  // namespace

bool emitDescriptor(const ir::Program& program, const EntryPoints& entryPoints,
                    uint64_t traceNodes, TargetKind target, llvm::Module& module, std::string& error) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* i32 = llvm::Type::getInt32Ty(context);
  llvm::Type* i64 = llvm::Type::getInt64Ty(context);
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  // Field for field the C struct pw_descriptor.
  auto* type = llvm::StructType::create(
      context,
      {i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i64, ptr, ptr, ptr, i64, ptr, ptr, ptr, ptr, i64},
      "pw_descriptor");
  const llvm::DataLayout& layout = module.getDataLayout();
  const uint64_t size = layout.getTypeAllocSize(type);
  const llvm::StructLayout* fields = layout.getStructLayout(type);
  // The host's layout is the C struct's; wasm32's is the one abi.h gives
  // for JavaScript runtimes (4-byte pointers).
  const bool wasm = target == TargetKind::Wasm32;
  const uint64_t expectedSize = wasm ? PW_WASM32_DESCRIPTOR_SIZE : sizeof(pw_descriptor);
  const uint64_t expected[] = {
      wasm ? PW_WASM32_OFFSET_CONTENT_HASH : offsetof(pw_descriptor, content_hash),
      wasm ? PW_WASM32_OFFSET_EVALUATE_BATCH : offsetof(pw_descriptor, evaluate_batch),
      wasm ? PW_WASM32_OFFSET_EVALUATE_COLUMNS : offsetof(pw_descriptor, evaluate_columns),
      wasm ? PW_WASM32_OFFSET_N_TRACE_NODES : offsetof(pw_descriptor, n_trace_nodes)};
  if (size != expectedSize || fields->getElementOffset(10) != expected[0] ||
      fields->getElementOffset(16) != expected[1] || fields->getElementOffset(17) != expected[2] ||
      fields->getElementOffset(19) != expected[3]) {
    error = fmt::format("internal error: the {} target's descriptor layout ({} bytes) does not "
                        "match pw_descriptor ({} bytes)",
                        targetName(target), size, expectedSize);
    return false;
  }

  const std::string metadata = ir::metadataJson(program);
  pw_descriptor checksummed{};
  checksummed.content_hash = ir::contentHash(program);
  checksummed.name = program.meta.name.c_str();
  checksummed.version = program.meta.version.c_str();
  checksummed.metadata_json = metadata.data();
  checksummed.metadata_size = metadata.size();
  auto u32 = [&](uint64_t value) { return llvm::ConstantInt::get(i32, value); };
  auto function = [&](llvm::Function* f) -> llvm::Constant* {
    return f ? static_cast<llvm::Constant*>(f) : llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0));
  };
  llvm::Constant* init = llvm::ConstantStruct::get(
      type, {u32(PW_DESCRIPTOR_MAGIC), u32(PW_ABI_VERSION), u32(size),
             u32(program.inputs.size()), u32(program.recommendations.size()),
             u32(program.findings.size()), u32(program.definitions.size()),
             u32(program.slotCount()), u32(program.maskWords()),
             u32(pw_descriptor_checksum(&checksummed)),
             llvm::ConstantInt::get(i64, checksummed.content_hash),
             bytes(module, program.meta.name, "pathway.name", true),
             bytes(module, program.meta.version, "pathway.version", true),
             bytes(module, metadata, "pathway.metadata", false),
             llvm::ConstantInt::get(i64, metadata.size()), function(entryPoints.evaluate),
             function(entryPoints.evaluateBatch), function(entryPoints.evaluateColumns),
             function(entryPoints.evaluateTrace), llvm::ConstantInt::get(i64, traceNodes)});
  auto* descriptor = new llvm::GlobalVariable(module, type, /*isConstant=*/true,
                                              llvm::GlobalValue::ExternalLinkage, init,
                                              PW_DESCRIPTOR_SYMBOL);
  descriptor->setVisibility(llvm::GlobalValue::DefaultVisibility);
  descriptor->setAlignment(llvm::Align(alignof(pw_descriptor)));
  return true;
}

}  // namespace pathway::codegen
