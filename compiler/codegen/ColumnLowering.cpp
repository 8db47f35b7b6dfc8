#include "codegen/ColumnLowering.h"

#include <algorithm>
#include <limits>

namespace pathway::codegen {

using ir::Node;
using ir::Op;

ColumnLowering::ColumnLowering(const ir::Program& program, llvm::IRBuilder<>& builder,
                               llvm::Value* values, llvm::Value* stride, llvm::Value* known,
                               llvm::Value* knownStride)
    : program_(program),
      b_(builder),
      values_(values),
      stride_(stride),
      known_(known),
      knownStride_(knownStride),
      vector_(llvm::FixedVectorType::get(builder.getDoubleTy(), kColumnLanes)) {}

void ColumnLowering::lowerAll(const std::function<void(ir::NodeId)>& lowered) {
  const size_t n = program_.nodes.size();
  planes_.assign(n, ColumnPlane{});
  done_.assign(n, 0);
  users_.assign(n, {});
  for (ir::NodeId id = 0; id < n; ++id) {
    for (ir::NodeId a : program_.nodes[id].args) users_[a].push_back(id);
  }
  for (ir::NodeId id = 0; id < n; ++id) {
    if (!done_[id]) lowerNode(id, lowered);
  }
}

// Operands always have smaller ids, so a user lowered early still sees its
// operands' planes; the recursion follows arithmetic chains only.
void ColumnLowering::lowerNode(ir::NodeId id, const std::function<void(ir::NodeId)>& lowered) {
  planes_[id] = lower(program_.nodes[id]);
  done_[id] = 1;
  lowered(id);
  if (program_.nodes[id].type != ir::Type::Number) return;
  for (ir::NodeId user : users_[id]) {
    if (done_[user]) continue;
    const auto& args = program_.nodes[user].args;
    if (std::all_of(args.begin(), args.end(), [&](ir::NodeId a) { return done_[a] != 0; })) {
      lowerNode(user, lowered);
    }
  }
}

void ColumnLowering::lowerMasks() {
  for (size_t id = 0; id < program_.nodes.size(); ++id) {
    planes_[id].mask = mask(program_.nodes[id], planes_[id]);
  }
}

ColumnPlane ColumnLowering::lower(const Node& node) {
  switch (node.op) {
    case Op::Input: return input(node);
    case Op::Const: return constant(node);
    case Op::Not: return logicNot(node);
    case Op::And: return logicAnd(node);
    case Op::Or: return logicOr(node);
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::Eq:
    case Op::Ne: return compare(node);
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div: return arith(node);
    case Op::Neg: return negate(node);
    case Op::InSet: return inSet(node);
    case Op::IsKnown: return isKnown(node);
  }
  return constant(node);
}

const ColumnPlane& ColumnLowering::operand(const Node& node, size_t index) const {
  return planes_[node.args[index]];
}

llvm::Value* ColumnLowering::bits(llvm::Value* lanes) {
  return b_.CreateBitCast(lanes, b_.getInt64Ty());
}

llvm::Value* ColumnLowering::lanes(const ColumnPlane& plane) {
  if (plane.value) return plane.value;
  return b_.CreateAlignedLoad(vector_, plane.column, llvm::Align(8), "value");
}

llvm::Value* ColumnLowering::splat8(double value) {
  return llvm::ConstantVector::getSplat(llvm::ElementCount::getFixed(kChunkLanes),
                                        llvm::ConstantFP::get(b_.getDoubleTy(), value));
}

std::optional<double> ColumnLowering::constantNumber(ir::NodeId id) const {
  const Node& n = program_.nodes[id];
  if (n.op != Op::Const || n.type != ir::Type::Number || !n.known) return std::nullopt;
  return n.value;
}

llvm::Value* ColumnLowering::scanColumn(llvm::Value* column,
                                        const std::function<llvm::Value*(llvm::Value* chunk)>& test) {
  llvm::LLVMContext& context = b_.getContext();
  llvm::Function* function = b_.GetInsertBlock()->getParent();
  llvm::BasicBlock* before = b_.GetInsertBlock();
  auto* loop = llvm::BasicBlock::Create(context, "scan", function);
  auto* after = llvm::BasicBlock::Create(context, "scanned", function);
  llvm::Type* i64 = b_.getInt64Ty();
  b_.CreateBr(loop);
  b_.SetInsertPoint(loop);
  llvm::PHINode* chunk = b_.CreatePHI(i64, 2, "chunk");
  llvm::PHINode* bitsSoFar = b_.CreatePHI(i64, 2, "bits");
  chunk->addIncoming(b_.getInt64(0), before);
  bitsSoFar->addIncoming(b_.getInt64(0), before);
  llvm::Type* chunkType = llvm::FixedVectorType::get(b_.getDoubleTy(), kChunkLanes);
  llvm::Value* lanesOfChunk = b_.CreateAlignedLoad(
      chunkType, b_.CreateInBoundsGEP(b_.getDoubleTy(), column, b_.CreateMul(chunk, b_.getInt64(kChunkLanes))),
      llvm::Align(8));
  llvm::Value* chunkBits = b_.CreateZExt(b_.CreateBitCast(test(lanesOfChunk), b_.getInt8Ty()), i64);
  llvm::Value* merged =
      b_.CreateOr(bitsSoFar, b_.CreateShl(chunkBits, b_.CreateMul(chunk, b_.getInt64(kChunkLanes))));
  llvm::Value* next = b_.CreateAdd(chunk, b_.getInt64(1), "", /*HasNUW=*/true);
  chunk->addIncoming(next, loop);
  bitsSoFar->addIncoming(merged, loop);
  llvm::BranchInst* back =
      b_.CreateCondBr(b_.CreateICmpEQ(next, b_.getInt64(kColumnLanes / kChunkLanes)), after, loop);
  // Kept a loop at -O3 too: unrolled, it is the code size problem it solves.
  back->setMetadata(llvm::LLVMContext::MD_loop,
                    llvm::MDNode::getDistinct(context, {nullptr, llvm::MDNode::get(context, {llvm::MDString::get(context, "llvm.loop.unroll.disable")})}));
  back->getMetadata(llvm::LLVMContext::MD_loop)->replaceOperandWith(0, back->getMetadata(llvm::LLVMContext::MD_loop));
  b_.SetInsertPoint(after);
  return merged;
}

llvm::Value* ColumnLowering::laneMask(llvm::Value* plane) {
  return b_.CreateBitCast(plane, llvm::FixedVectorType::get(b_.getInt1Ty(), kColumnLanes));
}

llvm::Value* ColumnLowering::splat(double value) {
  return llvm::ConstantVector::getSplat(llvm::ElementCount::getFixed(kColumnLanes),
                                        llvm::ConstantFP::get(b_.getDoubleTy(), value));
}

llvm::Value* ColumnLowering::ones() { return b_.getInt64(~uint64_t{0}); }

ColumnPlane ColumnLowering::input(const Node& node) {
  llvm::Value* index = b_.getInt64(node.input);
  ColumnPlane plane;
  plane.known = b_.CreateLoad(
      b_.getInt64Ty(),
      b_.CreateInBoundsGEP(b_.getInt64Ty(), known_, b_.CreateMul(index, knownStride_)), "known");
  // Unknown lanes hold anything; known planes guard every use.
  llvm::Value* column = b_.CreateInBoundsGEP(b_.getDoubleTy(), values_, b_.CreateMul(index, stride_));
  if (node.type == ir::Type::Bool) {
    llvm::Value* set = scanColumn(column, [&](llvm::Value* chunk) { return b_.CreateFCmpUNE(chunk, splat8(0)); });
    plane.value = b_.CreateAnd(plane.known, set);
  } else {
    plane.column = column;
  }
  return plane;
}

ColumnPlane ColumnLowering::constant(const Node& node) {
  ColumnPlane plane;
  plane.known = b_.getInt64(node.known ? ~uint64_t{0} : 0);
  if (node.type == ir::Type::Bool) {
    plane.value = b_.getInt64(node.known && node.value != 0 ? ~uint64_t{0} : 0);
  } else {
    plane.value = splat(node.known ? node.value : 0.0);
  }
  return plane;
}

ColumnPlane ColumnLowering::logicNot(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  ColumnPlane plane;
  plane.known = a.known;
  plane.value = b_.CreateAnd(a.known, b_.CreateNot(a.value));
  return plane;
}

// As in NodeLowering: value bits are 0 when unknown, so `a and b` is true
// exactly where both value bits are set, known where either is a known false.
ColumnPlane ColumnLowering::logicAnd(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  const ColumnPlane& c = operand(node, 1);
  ColumnPlane plane;
  llvm::Value* aFalse = b_.CreateAnd(a.known, b_.CreateNot(a.value));
  llvm::Value* cFalse = b_.CreateAnd(c.known, b_.CreateNot(c.value));
  plane.known = b_.CreateOr(b_.CreateOr(aFalse, cFalse), b_.CreateAnd(a.known, c.known));
  plane.value = b_.CreateAnd(a.value, c.value);
  return plane;
}

ColumnPlane ColumnLowering::logicOr(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  const ColumnPlane& c = operand(node, 1);
  ColumnPlane plane;
  plane.value = b_.CreateOr(a.value, c.value);
  plane.known = b_.CreateOr(plane.value, b_.CreateAnd(a.known, c.known));
  return plane;
}

ColumnPlane ColumnLowering::compare(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  const ColumnPlane& c = operand(node, 1);
  ColumnPlane plane;
  plane.known = b_.CreateAnd(a.known, c.known);
  llvm::Value* test = nullptr;
  if (program_.nodes[node.args[0]].type == ir::Type::Bool) {
    llvm::Value* differ = b_.CreateXor(a.value, c.value);
    test = node.op == Op::Ne ? differ : b_.CreateNot(differ);
  } else {
    llvm::CmpInst::Predicate predicate = llvm::CmpInst::FCMP_OEQ;
    switch (node.op) {
      case Op::Lt: predicate = llvm::CmpInst::FCMP_OLT; break;
      case Op::Le: predicate = llvm::CmpInst::FCMP_OLE; break;
      case Op::Gt: predicate = llvm::CmpInst::FCMP_OGT; break;
      case Op::Ge: predicate = llvm::CmpInst::FCMP_OGE; break;
      case Op::Ne: predicate = llvm::CmpInst::FCMP_UNE; break;
      default: break;
    }
    const std::optional<double> right = constantNumber(node.args[1]);
    const std::optional<double> left = constantNumber(node.args[0]);
    if (a.column && right) {
      test = scanColumn(a.column, [&](llvm::Value* chunk) { return b_.CreateFCmp(predicate, chunk, splat8(*right)); });
    } else if (c.column && left) {
      test = scanColumn(c.column, [&](llvm::Value* chunk) {
        return b_.CreateFCmp(llvm::CmpInst::getSwappedPredicate(predicate), chunk, splat8(*left));
      });
    } else {
      test = bits(b_.CreateFCmp(predicate, lanes(a), lanes(c)));
    }
  }
  plane.value = b_.CreateAnd(plane.known, test);
  return plane;
}

ColumnPlane ColumnLowering::arith(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  const ColumnPlane& c = operand(node, 1);
  ColumnPlane plane;
  plane.known = b_.CreateAnd(a.known, c.known);
  switch (node.op) {
    case Op::Add: plane.value = b_.CreateFAdd(lanes(a), lanes(c)); break;
    case Op::Sub: plane.value = b_.CreateFSub(lanes(a), lanes(c)); break;
    case Op::Mul: plane.value = b_.CreateFMul(lanes(a), lanes(c)); break;
    default: {
      // Division by zero is unknown; the quotient uses a safe divisor.
      llvm::Value* nonZero = b_.CreateFCmpUNE(lanes(c), splat(0));
      plane.known = b_.CreateAnd(plane.known, bits(nonZero));
      plane.value = b_.CreateFDiv(lanes(a), b_.CreateSelect(nonZero, lanes(c), splat(1)));
      break;
    }
  }
  // A result that is not finite (an overflow) is unknown.
  llvm::Value* magnitude = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, plane.value);
  llvm::Value* finite = b_.CreateFCmpOLT(magnitude, splat(std::numeric_limits<double>::infinity()));
  plane.known = b_.CreateAnd(plane.known, bits(finite));
  return plane;
}

ColumnPlane ColumnLowering::negate(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  ColumnPlane plane;
  plane.known = a.known;
  plane.value = b_.CreateFNeg(lanes(a));
  return plane;
}

ColumnPlane ColumnLowering::inSet(const Node& node) {
  const ColumnPlane& a = operand(node, 0);
  llvm::Value* member = b_.getInt64(0);
  if (a.column) {
    member = scanColumn(a.column, [&](llvm::Value* chunk) {
      llvm::Value* any = llvm::ConstantVector::getNullValue(llvm::FixedVectorType::get(b_.getInt1Ty(), kChunkLanes));
      for (uint32_t label : node.labels) any = b_.CreateOr(any, b_.CreateFCmpOEQ(chunk, splat8(label)));
      return any;
    });
  } else {
    for (uint32_t label : node.labels) {
      member = b_.CreateOr(member, bits(b_.CreateFCmpOEQ(lanes(a), splat(label))));
    }
  }
  ColumnPlane plane;
  plane.known = a.known;
  plane.value = b_.CreateAnd(a.known, member);
  return plane;
}

ColumnPlane ColumnLowering::isKnown(const Node& node) {
  ColumnPlane plane;
  plane.known = ones();
  plane.value = operand(node, 0).known;
  return plane;
}

ColumnMask ColumnLowering::mask(const Node& node, const ColumnPlane& plane) {
  switch (node.op) {
    case Op::Input: return {{node.input, b_.CreateNot(plane.known)}};
    case Op::Const:
    case Op::IsKnown: return {};
    // Known exactly when the operand is.
    case Op::Not:
    case Op::Neg:
    case Op::InSet: return operand(node, 0).mask;
    default: break;
  }
  // Unknown lanes take the union of the operands' planes, input by input.
  llvm::Value* unknown = b_.CreateNot(plane.known);
  ColumnMask merged;
  for (size_t i = 0; i < node.args.size(); ++i) {
    const ColumnMask& next = operand(node, i).mask;
    ColumnMask out;
    out.reserve(merged.size() + next.size());
    size_t m = 0, n = 0;
    while (m < merged.size() || n < next.size()) {
      if (n == next.size() || (m < merged.size() && merged[m].first < next[n].first)) {
        out.push_back(merged[m++]);
      } else if (m == merged.size() || next[n].first < merged[m].first) {
        out.push_back(next[n++]);
      } else {
        out.emplace_back(merged[m].first, b_.CreateOr(merged[m].second, next[n].second));
        ++m, ++n;
      }
    }
    merged = std::move(out);
  }
  for (auto& [input, bitsOfInput] : merged) bitsOfInput = b_.CreateAnd(unknown, bitsOfInput);
  return merged;
}

}  // namespace pathway::codegen
