#include "codegen/Builder.h"

#include <algorithm>
#include <cstdint>
#include <optional>

#include "codegen/EntryPoints.h"
#include "codegen/NodeLowering.h"
#include "pathway/abi.h"

namespace pathway::codegen {
namespace {

// Stores one slot: its state, its number and nothing else.
void storeSlot(Builder& b, const ir::Program& program, const Plane& plane,
               ir::NodeId node, uint32_t slot, llvm::Value* state, llvm::Value* numbers) {
  llvm::Value* index = b.getInt64(slot);
  llvm::Value* number = llvm::ConstantFP::get(b.getDoubleTy(), 0.0);
  llvm::Value* truth = nullptr;
  if (program.nodes[node].type == ir::Type::Bool) {
    truth = b.CreateZExt(plane.value, b.getInt8Ty());
  } else {
    // A numeric slot is "true" when known; its value is in `numbers`.
    truth = b.getInt8(PW_TRI_TRUE);
    number = plane.value;
  }
  b.CreateStore(b.CreateSelect(plane.known, truth, b.getInt8(PW_TRI_UNKNOWN)),
                b.CreateInBoundsGEP(b.getInt8Ty(), state, index));
  b.CreateStore(number, b.CreateInBoundsGEP(b.getDoubleTy(), numbers, index));
}

void setParameterAttributes(llvm::Function* function, unsigned first) {
  for (unsigned i = first; i < function->arg_size(); ++i) {
    function->addParamAttr(i, llvm::Attribute::NoCapture);
    function->addParamAttr(i, llvm::Attribute::NoUndef);
  }
  function->addParamAttr(first + 0, llvm::Attribute::ReadOnly);
  function->addParamAttr(first + 1, llvm::Attribute::ReadOnly);
  for (unsigned i = first + 2; i < function->arg_size(); ++i) {
    function->addParamAttr(i, llvm::Attribute::WriteOnly);
  }
  function->addFnAttr(llvm::Attribute::NoUnwind);
  function->addFnAttr(llvm::Attribute::NoFree);
  function->addFnAttr(llvm::Attribute::NoSync);
  function->addFnAttr(llvm::Attribute::WillReturn);
}

}  // namespace

namespace {

// What one evaluation function computes: slots to store and recommendations
// whose missing-input masks to store, and the nodes they need.
struct Part {
  std::vector<uint32_t> slots;
  std::vector<uint32_t> recommendations;
  std::vector<ir::NodeId> nodes;    // computed here; empty: every node
  std::vector<ir::NodeId> imports;  // computed by an earlier part, read from the scratch
  std::vector<ir::NodeId> exports;  // computed here, read by a later part
  std::vector<uint32_t> traced;     // condition-graph nodes whose values it records
};

// The split of a large evaluation: every node is computed by exactly one
// part, and one that a later part needs goes through the scratch.
struct Partition {
  std::vector<Part> parts;
  std::vector<uint32_t> scratchIndex;  // per node, when exported
  uint32_t exported = 0;
};

// The largest number of nodes one function evaluates. LLVM's instruction
// selection grows faster than linearly with the size of a basic block, and
// the evaluation is one block: larger pathways are split into functions of
// at most this many nodes each (a node that a later part needs too is
// computed once and passed to it through a scratch array). Measured (docs/performance.md): a generated 1,000-recommendation
// pathway builds in 17 s with parts of 1,000 nodes, 3.2 s with 400, 2.5 s
// with 250, 2.2 s with 100; the PT pathway (about 190 nodes) stays one
// function, which splitting would slow down by a quarter.
constexpr size_t kNodesPerFunction = 250;
// The largest number of slots one function stores. Every store may alias
// every other for LLVM's machine scheduler, whose dependence graph grows
// with their square: a chain of 1,000 definitions (a slot per node) built
// in 5.0 s at -O2 with parts bounded by nodes only.
constexpr size_t kSlotsPerFunction = 64;

// evaluate_trace(values, known, state, numbers, missing, trace), or one part
// of it, which also takes the scratch (values, known, masks; read and
// written).
llvm::Function* createTracedFunction(llvm::Module& module, const char* name, bool part = false) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  std::vector<llvm::Type*> params(part ? 9 : 6, ptr);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context), params, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, name, module);
  setParameterAttributes(function, 0);
  for (unsigned i = 6; i < function->arg_size(); ++i) {
    function->removeParamAttr(i, llvm::Attribute::WriteOnly);
  }
  // Never inlined into the batch loop (or its parts into each other): a loop
  // around thousands of loads and stores sends the loop vectoriser's
  // dependence analysis quadratic. A call costs nanoseconds against a body
  // of hundreds of instructions.
  function->addFnAttr(llvm::Attribute::NoInline);
  const char* names[] = {"values", "known", "state", "numbers", "missing", "trace",
                         "scratch_values", "scratch_known", "scratch_masks"};
  for (unsigned i = 0; i < function->arg_size(); ++i) function->getArg(i)->setName(names[i]);
  return function;
}

// evaluate(values, known, state, numbers, missing): a tail call of the
// traced evaluation without a trace.
llvm::Function* emitUntraced(llvm::Module& module, llvm::Function* traced) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context), {ptr, ptr, ptr, ptr, ptr}, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage,
                                          "pathway_evaluate", module);
  setParameterAttributes(function, 0);
  Builder b(llvm::BasicBlock::Create(context, "entry", function));
  std::vector<llvm::Value*> args;
  for (llvm::Argument& arg : function->args()) args.push_back(&arg);
  args.push_back(llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0)));
  b.CreateCall(traced, args)->setTailCall();
  b.CreateRetVoid();
  return function;
}

// `partition` is null when the evaluation is one function.
void emitPart(const ir::Program& program, const std::vector<ir::NodeId>& traceNodes,
              const Part& part, const Partition* partition, llvm::Function* function) {
  llvm::LLVMContext& context = function->getContext();
  Builder b(llvm::BasicBlock::Create(context, "entry", function));
  NodeLowering lowering(program, b, function->getArg(0), function->getArg(1));
  std::vector<NodeRole> roles;
  Scratch scratch;
  if (partition) {
    roles.assign(program.nodes.size(), NodeRole::Skip);
    for (ir::NodeId id : part.nodes) roles[id] = NodeRole::Compute;
    for (ir::NodeId id : part.imports) roles[id] = NodeRole::Import;
    scratch = {function->getArg(6), function->getArg(7), function->getArg(8), &partition->scratchIndex};
  }
  lowering.lowerAll(partition ? &roles : nullptr, &scratch);
  for (ir::NodeId id : part.exports) lowering.exportPlanes(id);

  llvm::Value* state = function->getArg(2);
  llvm::Value* numbers = function->getArg(3);
  llvm::Value* missing = function->getArg(4);
  const std::vector<ir::NodeId> slots = program.slotNodes();
  for (uint32_t slot : part.slots) {
    storeSlot(b, program, lowering.plane(slots[slot]), slots[slot], slot, state, numbers);
  }
  // The trace: only when the caller asked for it (trace != NULL).
  llvm::Value* trace = function->getArg(5);
  auto* tracing = llvm::BasicBlock::Create(context, "trace", function);
  auto* traced = llvm::BasicBlock::Create(context, "traced", function);
  b.CreateCondBr(b.CreateIsNull(trace), traced, tracing);
  b.SetInsertPoint(tracing);
  for (uint32_t index : part.traced) {
    const Plane& plane = lowering.plane(traceNodes[index]);
    llvm::Value* truth = b.CreateZExt(plane.value, b.getInt8Ty());
    b.CreateStore(b.CreateSelect(plane.known, truth, b.getInt8(PW_TRI_UNKNOWN)),
                  b.CreateInBoundsGEP(b.getInt8Ty(), trace, b.getInt64(index)));
  }
  b.CreateBr(traced);
  b.SetInsertPoint(traced);
  // The masks cost more than the rest of the evaluation together: they are
  // computed only when the caller asked for them (missing != NULL).
  auto* masks = llvm::BasicBlock::Create(context, "masks", function);
  auto* done = llvm::BasicBlock::Create(context, "done", function);
  b.CreateCondBr(b.CreateIsNull(missing), done, masks);
  b.SetInsertPoint(masks);
  lowering.lowerMasks();
  for (ir::NodeId id : part.exports) lowering.exportMask(id);
  const uint32_t words = program.maskWords();
  for (uint32_t rec : part.recommendations) {
    const Plane& status = lowering.plane(program.recommendations[rec].status);
    for (uint32_t word = 0; word < words; ++word) {
      b.CreateStore(status.mask[word],
                    b.CreateInBoundsGEP(b.getInt64Ty(), missing, b.getInt64(rec * words + word)));
    }
  }
  b.CreateBr(done);
  b.SetInsertPoint(done);
  b.CreateRetVoid();
}

// Splits the outputs into parts that compute at most kNodesPerFunction nodes
// (an output that alone needs more gets a part of its own). A node is
// computed by the first part that needs it; a later part that needs it
// imports it (one load) instead of computing it again, so the work is linear
// in the size of the pathway however long its chains of definitions are.
Partition partition(const ir::Program& program) {
  const uint32_t r = static_cast<uint32_t>(program.recommendations.size());
  const std::vector<ir::NodeId> slotNodes = program.slotNodes();
  constexpr uint32_t kNone = UINT32_MAX;
  Partition result;
  std::vector<Part>& parts = result.parts;
  parts.emplace_back();
  std::vector<uint32_t> owner(program.nodes.size(), kNone);  // the part that computes it
  std::vector<uint32_t> stamp(program.nodes.size(), 0);
  uint32_t epoch = 0;
  std::vector<ir::NodeId> work, found;
  // The nodes `roots` need that no part computes yet, in node order (each
  // walk stamps what it visits with a fresh epoch, so nothing is counted
  // twice, and stops at nodes a part computes).
  auto walk = [&](const std::vector<ir::NodeId>& roots) {
    found.clear();
    ++epoch;
    work.assign(roots.begin(), roots.end());
    while (!work.empty()) {
      ir::NodeId id = work.back();
      work.pop_back();
      if (stamp[id] == epoch || owner[id] != kNone) continue;
      stamp[id] = epoch;
      found.push_back(id);
      for (ir::NodeId a : program.nodes[id].args) work.push_back(a);
    }
    std::sort(found.begin(), found.end());
  };
  auto add = [&](const std::vector<uint32_t>& slots, std::optional<uint32_t> rec) {
    std::vector<ir::NodeId> roots;
    for (uint32_t s : slots) roots.push_back(slotNodes[s]);
    walk(roots);
    const Part& last = parts.back();
    const bool empty = last.nodes.empty() && last.slots.empty();
    if (!empty && (last.nodes.size() + found.size() > kNodesPerFunction ||
                   last.slots.size() + slots.size() > kSlotsPerFunction)) {
      parts.emplace_back();
    }
    // An output that needs more nodes than a part holds (a long chain of
    // definitions) is computed over several parts, in node order.
    for (ir::NodeId id : found) {
      if (parts.back().nodes.size() == kNodesPerFunction) parts.emplace_back();
      owner[id] = static_cast<uint32_t>(parts.size() - 1);
      parts.back().nodes.push_back(id);
    }
    Part& part = parts.back();
    part.slots.insert(part.slots.end(), slots.begin(), slots.end());
    if (rec) part.recommendations.push_back(*rec);
  };
  for (uint32_t i = 0; i < r; ++i) add({program.statusSlot(i), program.conditionSlot(i)}, i);
  for (size_t f = 0; f < program.findings.size(); ++f) add({program.findingSlot(f)}, std::nullopt);
  for (size_t d = 0; d < program.definitions.size(); ++d) add({program.definitionSlot(d)}, std::nullopt);
  // What each part reads that another computes: operands of its nodes, and
  // the nodes of its slots. Those get a scratch index and are exported by
  // their owner (lowering runs in node order, so the lists are sorted).
  std::vector<char> exported(program.nodes.size(), 0);
  for (uint32_t p = 0; p < parts.size(); ++p) {
    Part& part = parts[p];
    ++epoch;
    auto need = [&](ir::NodeId id) {
      if (owner[id] == p || stamp[id] == epoch) return;
      stamp[id] = epoch;
      part.imports.push_back(id);
      exported[id] = 1;
    };
    for (ir::NodeId id : part.nodes) {
      for (ir::NodeId a : program.nodes[id].args) need(a);
    }
    for (uint32_t slot : part.slots) need(slotNodes[slot]);
    for (uint32_t rec : part.recommendations) need(program.recommendations[rec].status);
    std::sort(part.imports.begin(), part.imports.end());
  }
  result.scratchIndex.assign(program.nodes.size(), kNone);
  for (ir::NodeId id = 0; id < program.nodes.size(); ++id) {
    if (!exported[id]) continue;
    result.scratchIndex[id] = result.exported++;
    parts[owner[id]].exports.push_back(id);
  }
  return result;
}

// Gives each traced node to the first part that computes it.
void assignTrace(const ir::Program& program, const std::vector<ir::NodeId>& traceNodes,
                 std::vector<Part>& parts) {
  std::vector<int64_t> traceIndex(program.nodes.size(), -1);
  for (size_t i = 0; i < traceNodes.size(); ++i) traceIndex[traceNodes[i]] = static_cast<int64_t>(i);
  for (Part& part : parts) {
    for (ir::NodeId id : part.nodes) {
      if (traceIndex[id] < 0) continue;
      part.traced.push_back(static_cast<uint32_t>(traceIndex[id]));
      traceIndex[id] = -1;
    }
  }
}

}  // namespace

EvaluateFunctions emitEvaluate(const ir::Program& program, const std::vector<ir::NodeId>& traceNodes,
                               llvm::Module& module) {
  llvm::Function* traced = createTracedFunction(module, "pathway_evaluate_trace");
  if (program.nodes.size() <= kNodesPerFunction) {
    Part all;
    for (uint32_t s = 0; s < program.slotCount(); ++s) all.slots.push_back(s);
    for (uint32_t rec = 0; rec < program.recommendations.size(); ++rec) all.recommendations.push_back(rec);
    for (uint32_t i = 0; i < traceNodes.size(); ++i) all.traced.push_back(i);
    emitPart(program, traceNodes, all, nullptr, traced);
    return {emitUntraced(module, traced), traced, 1};
  }
  Partition split = partition(program);
  assignTrace(program, traceNodes, split.parts);
  Builder b(llvm::BasicBlock::Create(module.getContext(), "entry", traced));
  std::vector<llvm::Value*> args;
  for (llvm::Argument& arg : traced->args()) args.push_back(&arg);
  // The scratch lives in this call's stack frame: per exported node 9 bytes
  // and 8 per mask word (a few KiB for thousands of recommendations), so
  // the evaluation stays allocation-free and reentrant.
  const uint64_t exported = std::max<uint32_t>(split.exported, 1);
  args.push_back(b.CreateAlloca(llvm::ArrayType::get(b.getDoubleTy(), exported), nullptr, "scratch_values"));
  args.push_back(b.CreateAlloca(llvm::ArrayType::get(b.getInt8Ty(), exported), nullptr, "scratch_known"));
  args.push_back(b.CreateAlloca(llvm::ArrayType::get(b.getInt64Ty(), exported * program.maskWords()), nullptr,
                                "scratch_masks"));
  for (const Part& part : split.parts) {
    llvm::Function* piece = createTracedFunction(module, "pathway_evaluate_part", /*part=*/true);
    emitPart(program, traceNodes, part, &split, piece);
    b.CreateCall(piece, args);
  }
  b.CreateRetVoid();
  return {emitUntraced(module, traced), traced, split.parts.size()};
}

llvm::Function* emitEvaluateBatch(const ir::Program& program, llvm::Module& module,
                                  llvm::Function* traced) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  llvm::Type* i64 = llvm::Type::getInt64Ty(context);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                       {i64, ptr, ptr, ptr, ptr, ptr}, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage,
                                          "pathway_evaluate_batch", module);
  setParameterAttributes(function, 1);
  const char* names[] = {"count", "values", "known", "state", "numbers", "missing"};
  for (unsigned i = 0; i < function->arg_size(); ++i) function->getArg(i)->setName(names[i]);

  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* loop = llvm::BasicBlock::Create(context, "loop", function);
  auto* exit = llvm::BasicBlock::Create(context, "exit", function);
  // A plain builder: the simplifying one would fold uses of the row PHI
  // while it has only its first incoming value.
  llvm::IRBuilder<> b(entry);
  llvm::Value* count = function->getArg(0);
  b.CreateCondBr(b.CreateICmpEQ(count, b.getInt64(0)), exit, loop);

  b.SetInsertPoint(loop);
  llvm::PHINode* row = b.CreatePHI(i64, 2, "row");
  row->addIncoming(b.getInt64(0), entry);
  const uint64_t inputs = program.inputs.size();
  const uint64_t slots = program.slotCount();
  const uint64_t masks = uint64_t{program.recommendations.size()} * program.maskWords();
  auto rowPointer = [&](unsigned arg, llvm::Type* element, uint64_t stride) {
    return b.CreateInBoundsGEP(element, function->getArg(arg),
                               b.CreateMul(row, b.getInt64(stride)));
  };
  llvm::Value* missingArg = function->getArg(5);
  llvm::Value* missingRow =
      b.CreateSelect(b.CreateIsNull(missingArg), missingArg, rowPointer(5, i64, masks));
  b.CreateCall(traced, {rowPointer(1, b.getDoubleTy(), inputs),
                        rowPointer(2, b.getInt8Ty(), inputs),
                        rowPointer(3, b.getInt8Ty(), slots),
                        rowPointer(4, b.getDoubleTy(), slots),
                        missingRow,
                        llvm::ConstantPointerNull::get(llvm::PointerType::get(context, 0))});
  llvm::Value* next = b.CreateAdd(row, b.getInt64(1), "next", /*HasNUW=*/true);
  row->addIncoming(next, loop);
  b.CreateCondBr(b.CreateICmpEQ(next, count), exit, loop);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return function;
}

}  // namespace pathway::codegen
