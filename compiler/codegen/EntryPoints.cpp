#include <llvm/IR/IRBuilder.h>

#include "codegen/EntryPoints.h"
#include "codegen/NodeLowering.h"
#include "pathway/abi.h"

namespace pathway::codegen {
namespace {

// Stores one slot: its state, its number and nothing else.
void storeSlot(llvm::IRBuilder<>& b, const ir::Program& program, const Plane& plane,
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

llvm::Function* emitEvaluate(const ir::Program& program, llvm::Module& module) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                       {ptr, ptr, ptr, ptr, ptr}, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage,
                                          "pathway_evaluate", module);
  setParameterAttributes(function, 0);
  // Never inlined into the batch loop: a loop around thousands of loads and
  // stores sends the loop vectoriser's dependence analysis quadratic (a
  // 1,000-recommendation pathway took 45 s to build). A call per patient
  // costs nanoseconds against a body of hundreds of instructions.
  function->addFnAttr(llvm::Attribute::NoInline);
  const char* names[] = {"values", "known", "state", "numbers", "missing"};
  for (unsigned i = 0; i < function->arg_size(); ++i) function->getArg(i)->setName(names[i]);

  llvm::IRBuilder<> b(llvm::BasicBlock::Create(context, "entry", function));
  NodeLowering lowering(program, b, function->getArg(0), function->getArg(1));
  lowering.lowerAll();

  llvm::Value* state = function->getArg(2);
  llvm::Value* numbers = function->getArg(3);
  llvm::Value* missing = function->getArg(4);
  const std::vector<ir::NodeId> slots = program.slotNodes();
  for (uint32_t slot = 0; slot < slots.size(); ++slot) {
    storeSlot(b, program, lowering.plane(slots[slot]), slots[slot], slot, state, numbers);
  }
  // The masks cost more than the rest of the evaluation together: they are
  // computed only when the caller asked for them (missing != NULL).
  auto* masks = llvm::BasicBlock::Create(context, "masks", function);
  auto* done = llvm::BasicBlock::Create(context, "done", function);
  b.CreateCondBr(b.CreateIsNull(missing), done, masks);
  b.SetInsertPoint(masks);
  lowering.lowerMasks();
  const uint32_t words = program.maskWords();
  for (uint32_t rec = 0; rec < program.recommendations.size(); ++rec) {
    const Plane& status = lowering.plane(program.recommendations[rec].status);
    for (uint32_t word = 0; word < words; ++word) {
      b.CreateStore(status.mask[word],
                    b.CreateInBoundsGEP(b.getInt64Ty(), missing, b.getInt64(rec * words + word)));
    }
  }
  b.CreateBr(done);
  b.SetInsertPoint(done);
  b.CreateRetVoid();
  return function;
}

llvm::Function* emitEvaluateBatch(const ir::Program& program, llvm::Module& module,
                                  llvm::Function* evaluate) {
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
  b.CreateCall(evaluate, {rowPointer(1, b.getDoubleTy(), inputs),
                          rowPointer(2, b.getInt8Ty(), inputs),
                          rowPointer(3, b.getInt8Ty(), slots),
                          rowPointer(4, b.getDoubleTy(), slots),
                          missingRow});
  llvm::Value* next = b.CreateAdd(row, b.getInt64(1), "next", /*HasNUW=*/true);
  row->addIncoming(next, loop);
  b.CreateCondBr(b.CreateICmpEQ(next, count), exit, loop);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return function;
}

}  // namespace pathway::codegen
