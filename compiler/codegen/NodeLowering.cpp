#include "codegen/NodeLowering.h"

namespace pathway::codegen {

using ir::Node;
using ir::Op;

NodeLowering::NodeLowering(const ir::Program& program, Builder& builder,
                           llvm::Value* values, llvm::Value* known)
    : program_(program), b_(builder), values_(values), known_(known) {}

void NodeLowering::lowerAll(const std::vector<NodeRole>* roles, const Scratch* scratch) {
  roles_ = roles;
  scratch_ = scratch;
  planes_.assign(program_.nodes.size(), Plane{});
  for (size_t id = 0; id < program_.nodes.size(); ++id) {
    switch (role(id)) {
      case NodeRole::Skip: break;
      case NodeRole::Compute: planes_[id] = lower(program_.nodes[id]); break;
      case NodeRole::Import: {
        const uint32_t at = (*scratch_->index)[id];
        llvm::Value* number = b_.CreateLoad(b_.getDoubleTy(), scratchAt(scratch_->values, b_.getDoubleTy(), at));
        Plane& plane = planes_[id];
        plane.value = program_.nodes[id].type == ir::Type::Bool
                          ? b_.CreateFCmpUNE(number, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0))
                          : number;
        llvm::Value* known = b_.CreateLoad(b_.getInt8Ty(), scratchAt(scratch_->known, b_.getInt8Ty(), at));
        plane.known = b_.CreateICmpNE(known, b_.getInt8(0));
        break;
      }
    }
  }
}

void NodeLowering::lowerMasks() {
  const uint32_t words = program_.maskWords();
  for (size_t id = 0; id < program_.nodes.size(); ++id) {
    switch (role(id)) {
      case NodeRole::Skip: break;
      case NodeRole::Compute: planes_[id].mask = mask(program_.nodes[id], planes_[id]); break;
      case NodeRole::Import: {
        const uint64_t at = uint64_t{(*scratch_->index)[id]} * words;
        planes_[id].mask.clear();
        for (uint32_t w = 0; w < words; ++w) {
          planes_[id].mask.push_back(
              b_.CreateLoad(b_.getInt64Ty(), scratchAt(scratch_->masks, b_.getInt64Ty(), at + w)));
        }
        break;
      }
    }
  }
}

llvm::Value* NodeLowering::scratchAt(llvm::Value* base, llvm::Type* element, uint64_t index) {
  return b_.CreateInBoundsGEP(element, base, b_.getInt64(index));
}

void NodeLowering::exportPlanes(ir::NodeId id) {
  const Plane& plane = planes_[id];
  const uint32_t at = (*scratch_->index)[id];
  llvm::Value* number = program_.nodes[id].type == ir::Type::Bool
                            ? b_.CreateUIToFP(plane.value, b_.getDoubleTy())
                            : plane.value;
  b_.CreateStore(number, scratchAt(scratch_->values, b_.getDoubleTy(), at));
  b_.CreateStore(b_.CreateZExt(plane.known, b_.getInt8Ty()), scratchAt(scratch_->known, b_.getInt8Ty(), at));
}

void NodeLowering::exportMask(ir::NodeId id) {
  const uint32_t words = program_.maskWords();
  const uint64_t at = uint64_t{(*scratch_->index)[id]} * words;
  for (uint32_t w = 0; w < words; ++w) {
    b_.CreateStore(planes_[id].mask[w], scratchAt(scratch_->masks, b_.getInt64Ty(), at + w));
  }
}

std::vector<llvm::Value*> NodeLowering::mask(const Node& node, const Plane& plane) {
  switch (node.op) {
    case Op::Input: {
      std::vector<llvm::Value*> own = zeroMask();
      const uint64_t bit = uint64_t{1} << (node.input % 64);
      own[node.input / 64] = b_.CreateSelect(plane.known, b_.getInt64(0), b_.getInt64(bit));
      return own;
    }
    case Op::Const:
    case Op::IsKnown: return zeroMask();
    // Known exactly when the operand is.
    case Op::Not:
    case Op::Neg:
    case Op::InSet: return operand(node, 0).mask;
    default: return unionMask(plane.known, node);
  }
}

Plane NodeLowering::lower(const Node& node) {
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

const Plane& NodeLowering::operand(const Node& node, size_t index) const {
  return planes_[node.args[index]];
}

llvm::Value* NodeLowering::canonical(llvm::Value* known, llvm::Value* value) {
  return b_.CreateSelect(known, value, llvm::Constant::getNullValue(value->getType()));
}

std::vector<llvm::Value*> NodeLowering::zeroMask() {
  return std::vector<llvm::Value*>(program_.maskWords(), b_.getInt64(0));
}

std::vector<llvm::Value*> NodeLowering::unionMask(llvm::Value* known, const Node& node) {
  std::vector<llvm::Value*> mask = zeroMask();
  for (size_t word = 0; word < mask.size(); ++word) {
    llvm::Value* any = b_.getInt64(0);
    for (size_t i = 0; i < node.args.size(); ++i) {
      any = b_.CreateOr(any, operand(node, i).mask[word]);
    }
    mask[word] = b_.CreateSelect(known, b_.getInt64(0), any);
  }
  return mask;
}

Plane NodeLowering::input(const Node& node) {
  llvm::Value* index = b_.getInt64(node.input);
  llvm::Value* rawKnown = b_.CreateLoad(
      b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), known_, index), "known");
  llvm::Value* raw = b_.CreateLoad(
      b_.getDoubleTy(), b_.CreateInBoundsGEP(b_.getDoubleTy(), values_, index), "value");
  Plane plane;
  plane.known = b_.CreateICmpNE(rawKnown, b_.getInt8(0));
  if (node.type == ir::Type::Bool) {
    plane.value = b_.CreateAnd(plane.known,
                               b_.CreateFCmpUNE(raw, llvm::ConstantFP::get(raw->getType(), 0.0)));
  } else {
    plane.value = canonical(plane.known, raw);
  }
  return plane;
}

Plane NodeLowering::constant(const Node& node) {
  Plane plane;
  plane.known = b_.getInt1(node.known);
  if (node.type == ir::Type::Bool) {
    plane.value = b_.getInt1(node.known && node.value != 0);
  } else {
    plane.value = llvm::ConstantFP::get(b_.getDoubleTy(), node.known ? node.value : 0.0);
  }
  return plane;
}

Plane NodeLowering::logicNot(const Node& node) {
  const Plane& a = operand(node, 0);
  Plane plane;
  plane.known = a.known;
  plane.value = b_.CreateAnd(a.known, b_.CreateNot(a.value));
  return plane;
}

// Values are canonical (false when unknown), so `a and b` is true exactly
// when both values are true, and known when either is a known false.
Plane NodeLowering::logicAnd(const Node& node) {
  const Plane& a = operand(node, 0);
  const Plane& c = operand(node, 1);
  Plane plane;
  llvm::Value* aFalse = b_.CreateAnd(a.known, b_.CreateNot(a.value));
  llvm::Value* cFalse = b_.CreateAnd(c.known, b_.CreateNot(c.value));
  plane.known = b_.CreateOr(b_.CreateOr(aFalse, cFalse), b_.CreateAnd(a.known, c.known));
  plane.value = b_.CreateAnd(a.value, c.value);
  return plane;
}

Plane NodeLowering::logicOr(const Node& node) {
  const Plane& a = operand(node, 0);
  const Plane& c = operand(node, 1);
  Plane plane;
  plane.known = b_.CreateOr(b_.CreateOr(a.value, c.value), b_.CreateAnd(a.known, c.known));
  plane.value = b_.CreateOr(a.value, c.value);
  return plane;
}

Plane NodeLowering::compare(const Node& node) {
  const Plane& a = operand(node, 0);
  const Plane& c = operand(node, 1);
  llvm::CmpInst::Predicate predicate = llvm::CmpInst::FCMP_OEQ;
  switch (node.op) {
    case Op::Lt: predicate = llvm::CmpInst::FCMP_OLT; break;
    case Op::Le: predicate = llvm::CmpInst::FCMP_OLE; break;
    case Op::Gt: predicate = llvm::CmpInst::FCMP_OGT; break;
    case Op::Ge: predicate = llvm::CmpInst::FCMP_OGE; break;
    case Op::Eq: predicate = llvm::CmpInst::FCMP_OEQ; break;
    case Op::Ne: predicate = llvm::CmpInst::FCMP_UNE; break;
    default: break;
  }
  Plane plane;
  plane.known = b_.CreateAnd(a.known, c.known);
  // Bools (`a == b` on two conditions) are i1 planes, canonical when unknown.
  llvm::Value* test = a.value->getType()->isIntegerTy(1)
                          ? b_.CreateICmp(node.op == Op::Ne ? llvm::CmpInst::ICMP_NE
                                                            : llvm::CmpInst::ICMP_EQ,
                                          a.value, c.value)
                          : b_.CreateFCmp(predicate, a.value, c.value);
  plane.value = b_.CreateAnd(plane.known, test);
  return plane;
}

Plane NodeLowering::arith(const Node& node) {
  const Plane& a = operand(node, 0);
  const Plane& c = operand(node, 1);
  Plane plane;
  plane.known = b_.CreateAnd(a.known, c.known);
  llvm::Value* raw = nullptr;
  switch (node.op) {
    case Op::Add: raw = b_.CreateFAdd(a.value, c.value); break;
    case Op::Sub: raw = b_.CreateFSub(a.value, c.value); break;
    case Op::Mul: raw = b_.CreateFMul(a.value, c.value); break;
    default: {
      // Division by zero is unknown, never a trap; the quotient is computed
      // on a safe divisor so no infinity or NaN reaches the value plane.
      llvm::Value* zero = llvm::ConstantFP::get(b_.getDoubleTy(), 0.0);
      llvm::Value* nonZero = b_.CreateFCmpUNE(c.value, zero);
      plane.known = b_.CreateAnd(plane.known, nonZero);
      llvm::Value* divisor =
          b_.CreateSelect(nonZero, c.value, llvm::ConstantFP::get(b_.getDoubleTy(), 1.0));
      raw = b_.CreateFDiv(a.value, divisor);
      break;
    }
  }
  // A result that is not finite (an overflow) is unknown: |raw| < inf is
  // false for both infinities and NaN.
  llvm::Value* magnitude = b_.CreateUnaryIntrinsic(llvm::Intrinsic::fabs, raw);
  llvm::Value* finite = b_.CreateFCmpOLT(magnitude, llvm::ConstantFP::getInfinity(b_.getDoubleTy()));
  plane.known = b_.CreateAnd(plane.known, finite);
  plane.value = canonical(plane.known, raw);
  return plane;
}

Plane NodeLowering::negate(const Node& node) {
  const Plane& a = operand(node, 0);
  Plane plane;
  plane.known = a.known;
  plane.value = canonical(a.known, b_.CreateFNeg(a.value));
  return plane;
}

Plane NodeLowering::inSet(const Node& node) {
  const Plane& a = operand(node, 0);
  llvm::Value* member = b_.getInt1(false);
  for (uint32_t label : node.labels) {
    member = b_.CreateOr(
        member, b_.CreateFCmpOEQ(a.value, llvm::ConstantFP::get(b_.getDoubleTy(), label)));
  }
  Plane plane;
  plane.known = a.known;
  plane.value = b_.CreateAnd(a.known, member);
  return plane;
}

Plane NodeLowering::isKnown(const Node& node) {
  Plane plane;
  plane.known = b_.getInt1(true);
  plane.value = operand(node, 0).known;
  return plane;
}

}  // namespace pathway::codegen
