#include "codegen/ColumnEntryPoint.h"

#include <llvm/IR/IRBuilder.h>

#include "codegen/ColumnLowering.h"

namespace pathway::codegen {
namespace {

void setAttributes(llvm::Function* function) {
  for (unsigned i = 1; i < function->arg_size(); ++i) {
    function->addParamAttr(i, llvm::Attribute::NoCapture);
    function->addParamAttr(i, llvm::Attribute::NoAlias);
  }
  function->addParamAttr(1, llvm::Attribute::ReadOnly);
  function->addParamAttr(2, llvm::Attribute::ReadOnly);
  for (unsigned i = 3; i < function->arg_size(); ++i) {
    function->addParamAttr(i, llvm::Attribute::WriteOnly);
  }
  function->addFnAttr(llvm::Attribute::NoUnwind);
  function->addFnAttr(llvm::Attribute::NoFree);
  function->addFnAttr(llvm::Attribute::NoSync);
  function->addFnAttr(llvm::Attribute::WillReturn);
}

}  // namespace

llvm::Function* emitEvaluateColumns(const ir::Program& program, llvm::Module& module) {
  llvm::LLVMContext& context = module.getContext();
  llvm::Type* ptr = llvm::PointerType::get(context, 0);
  llvm::Type* i64 = llvm::Type::getInt64Ty(context);
  auto* type = llvm::FunctionType::get(llvm::Type::getVoidTy(context),
                                       {i64, ptr, ptr, ptr, ptr, ptr, ptr}, false);
  auto* function = llvm::Function::Create(type, llvm::GlobalValue::InternalLinkage,
                                          "pathway_evaluate_columns", module);
  setAttributes(function);
  const char* names[] = {"count", "values", "known", "truth", "unknown", "numbers", "missing"};
  for (unsigned i = 0; i < function->arg_size(); ++i) function->getArg(i)->setName(names[i]);
  llvm::Value* count = function->getArg(0);
  llvm::Value* values = function->getArg(1);
  llvm::Value* known = function->getArg(2);
  llvm::Value* truth = function->getArg(3);
  llvm::Value* unknown = function->getArg(4);
  llvm::Value* numbers = function->getArg(5);
  llvm::Value* missing = function->getArg(6);

  auto* entry = llvm::BasicBlock::Create(context, "entry", function);
  auto* loop = llvm::BasicBlock::Create(context, "block", function);
  auto* masks = llvm::BasicBlock::Create(context, "masks", function);
  auto* latch = llvm::BasicBlock::Create(context, "latch", function);
  auto* exit = llvm::BasicBlock::Create(context, "exit", function);
  llvm::IRBuilder<> b(entry);
  llvm::Value* words = b.CreateLShr(b.CreateAdd(count, b.getInt64(kColumnLanes - 1)), 6, "words");
  llvm::Value* lanes = b.CreateShl(words, 6, "lanes");
  llvm::Value* wantMasks = b.CreateIsNotNull(missing);
  b.CreateCondBr(b.CreateICmpEQ(words, b.getInt64(0)), exit, loop);

  b.SetInsertPoint(loop);
  llvm::PHINode* block = b.CreatePHI(i64, 2, "block");
  block->addIncoming(b.getInt64(0), entry);
  // Lanes of this block that hold a patient (all but in the last block).
  llvm::Value* remaining = b.CreateSub(count, b.CreateShl(block, 6));
  llvm::Value* live = b.CreateSelect(
      b.CreateICmpUGE(remaining, b.getInt64(kColumnLanes)), b.getInt64(~uint64_t{0}),
      b.CreateSub(b.CreateShl(b.getInt64(1), remaining), b.getInt64(1)), "live");
  ColumnLowering lowering(program, b,
                          b.CreateInBoundsGEP(b.getDoubleTy(), values, b.CreateShl(block, 6)),
                          lanes, b.CreateInBoundsGEP(i64, known, block), words);
  // Every slot is stored as soon as its node is lowered, so its planes need
  // not stay in registers (or be spilled) until the end of the block.
  const std::vector<ir::NodeId> slots = program.slotNodes();
  std::vector<std::vector<uint32_t>> slotsOf(program.nodes.size());
  for (uint32_t slot = 0; slot < slots.size(); ++slot) slotsOf[slots[slot]].push_back(slot);
  std::vector<uint64_t> numberColumnOf(slots.size(), 0);
  uint64_t numberColumns = 0;
  for (uint32_t slot = 0; slot < slots.size(); ++slot) {
    if (program.nodes[slots[slot]].type == ir::Type::Number) numberColumnOf[slot] = numberColumns++;
  }
  lowering.lowerAll([&](ir::NodeId id) {
    for (uint32_t slot : slotsOf[id]) {
      const ColumnPlane& plane = lowering.plane(id);
      llvm::Value* word = b.CreateAdd(b.CreateMul(b.getInt64(slot), words), block);
      const bool isNumber = program.nodes[id].type == ir::Type::Number;
      llvm::Value* isTrue = isNumber ? plane.known : plane.value;
      b.CreateStore(b.CreateAnd(isTrue, live), b.CreateInBoundsGEP(i64, truth, word));
      b.CreateStore(b.CreateAnd(b.CreateNot(plane.known), live), b.CreateInBoundsGEP(i64, unknown, word));
      if (!isNumber) continue;
      llvm::Value* value = lowering.lanes(plane);
      llvm::Value* zero = llvm::Constant::getNullValue(value->getType());
      llvm::Value* lane =
          b.CreateAdd(b.CreateMul(b.getInt64(numberColumnOf[slot]), lanes), b.CreateShl(block, 6));
      b.CreateAlignedStore(b.CreateSelect(lowering.laneMask(plane.known), value, zero),
                           b.CreateInBoundsGEP(b.getDoubleTy(), numbers, lane), llvm::Align(8));
    }
  });
  b.CreateCondBr(wantMasks, masks, latch);

  // Masks: the block's tile of [n_recommendations][n_inputs] words, zeroed,
  // then the planes each status depends on.
  b.SetInsertPoint(masks);
  const uint64_t tile = uint64_t{program.recommendations.size()} * program.inputs.size();
  llvm::Value* base = b.CreateInBoundsGEP(i64, missing, b.CreateMul(block, b.getInt64(tile)));
  if (tile != 0) b.CreateMemSet(base, b.getInt8(0), tile * 8, llvm::Align(8));
  lowering.lowerMasks();
  for (uint32_t rec = 0; rec < program.recommendations.size(); ++rec) {
    const ColumnPlane& status = lowering.plane(program.recommendations[rec].status);
    for (const auto& [input, plane] : status.mask) {
      b.CreateStore(b.CreateAnd(plane, live),
                    b.CreateInBoundsGEP(i64, base, b.getInt64(rec * program.inputs.size() + input)));
    }
  }
  b.CreateBr(latch);

  b.SetInsertPoint(latch);
  llvm::Value* next = b.CreateAdd(block, b.getInt64(1), "next", /*HasNUW=*/true);
  block->addIncoming(next, latch);
  b.CreateCondBr(b.CreateICmpEQ(next, words), exit, loop);

  b.SetInsertPoint(exit);
  b.CreateRetVoid();
  return function;
}

}  // namespace pathway::codegen
