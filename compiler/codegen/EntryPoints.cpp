#include "codegen/Builder.h"

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
  std::vector<ir::NodeId> nodes;  // empty: every node
  std::vector<uint32_t> traced;   // condition-graph nodes whose values it records
};

// The largest number of nodes one function evaluates. LLVM's instruction
// selection grows faster than linearly with the size of a basic block, and
// the evaluation is one block: larger pathways are split into functions of
// at most this many nodes each (a node shared by two parts is computed in
// both). Measured (docs/performance.md): a generated 1,000-recommendation
// pathway builds in 17 s with parts of 1,000 nodes, 3.2 s with 400, 2.5 s
// with 250, 2.2 s with 100; the PT pathway (about 190 nodes) stays one
// function, which splitting would slow down by a quarter.
constexpr size_t kNodesPerFunction = 250;

// evaluate_trace(values, known, state, numbers, missing, trace), or one part
// of it.
llvm::Function* createTracedFunction(llvm::Module& module, const char* name) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                       {ptr, ptr, ptr, ptr, ptr, ptr}, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage, name, module);
  setParameterAttributes(function, 0);
  // Never inlined into the batch loop (or its parts into each other): a loop
  // around thousands of loads and stores sends the loop vectoriser's
  // dependence analysis quadratic. A call costs nanoseconds against a body
  // of hundreds of instructions.
  function->addFnAttr(llvm::Attribute::NoInline);
  const char* names[] = {"values", "known", "state", "numbers", "missing", "trace"};
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

void emitPart(const ir::Program& program, const std::vector<ir::NodeId>& traceNodes,
              const Part& part, llvm::Function* function) {
  llvm::LLVMContext& context = function->getContext();
  Builder b(llvm::BasicBlock::Create(context, "entry", function));
  NodeLowering lowering(program, b, function->getArg(0), function->getArg(1));
  std::vector<char> needed;
  if (!part.nodes.empty()) {
    needed.assign(program.nodes.size(), 0);
    for (ir::NodeId id : part.nodes) needed[id] = 1;
  }
  lowering.lowerAll(needed.empty() ? nullptr : &needed);

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

// Splits the outputs into parts of at most kNodesPerFunction needed nodes
// (an output that alone needs more gets a part of its own).
std::vector<Part> partition(const ir::Program& program) {
  const uint32_t r = static_cast<uint32_t>(program.recommendations.size());
  const std::vector<ir::NodeId> slotNodes = program.slotNodes();
  std::vector<Part> parts(1);
  std::vector<char> inPart(program.nodes.size(), 0);  // the current part's nodes
  std::vector<uint32_t> stamp(program.nodes.size(), 0);
  uint32_t epoch = 0;
  std::vector<ir::NodeId> work;
  // The nodes `roots` need that `part` does not have yet (each walk stamps
  // what it visits with a fresh epoch, so nothing is counted twice).
  auto missingFrom = [&](const std::vector<ir::NodeId>& roots) {
    std::vector<ir::NodeId> found;
    ++epoch;
    work.assign(roots.begin(), roots.end());
    while (!work.empty()) {
      ir::NodeId id = work.back();
      work.pop_back();
      if (inPart[id] || stamp[id] == epoch) continue;
      stamp[id] = epoch;
      found.push_back(id);
      for (ir::NodeId a : program.nodes[id].args) work.push_back(a);
    }
    return found;
  };
  auto add = [&](const std::vector<uint32_t>& slots, std::optional<uint32_t> rec) {
    std::vector<ir::NodeId> roots;
    for (uint32_t s : slots) roots.push_back(slotNodes[s]);
    std::vector<ir::NodeId> found = missingFrom(roots);
    if (!parts.back().nodes.empty() && parts.back().nodes.size() + found.size() > kNodesPerFunction) {
      for (ir::NodeId id : parts.back().nodes) inPart[id] = 0;
      parts.emplace_back();
      found = missingFrom(roots);
    }
    Part& part = parts.back();
    for (ir::NodeId id : found) inPart[id] = 1;
    part.nodes.insert(part.nodes.end(), found.begin(), found.end());
    part.slots.insert(part.slots.end(), slots.begin(), slots.end());
    if (rec) part.recommendations.push_back(*rec);
  };
  for (uint32_t i = 0; i < r; ++i) add({program.statusSlot(i), program.conditionSlot(i)}, i);
  for (size_t f = 0; f < program.findings.size(); ++f) add({program.findingSlot(f)}, std::nullopt);
  for (size_t d = 0; d < program.definitions.size(); ++d) add({program.definitionSlot(d)}, std::nullopt);
  return parts;
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
    emitPart(program, traceNodes, all, traced);
    return {emitUntraced(module, traced), traced, 1};
  }
  std::vector<Part> parts = partition(program);
  assignTrace(program, traceNodes, parts);
  Builder b(llvm::BasicBlock::Create(module.getContext(), "entry", traced));
  std::vector<llvm::Value*> args;
  for (llvm::Argument& arg : traced->args()) args.push_back(&arg);
  for (const Part& part : parts) {
    llvm::Function* piece = createTracedFunction(module, "pathway_evaluate_part");
    emitPart(program, traceNodes, part, piece);
    b.CreateCall(piece, args);
  }
  b.CreateRetVoid();
  return {emitUntraced(module, traced), traced, parts.size()};
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
