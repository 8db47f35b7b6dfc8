// Lowers IR nodes for 64 patients at once, bit-sliced: a bool node becomes
// two i64 planes (bit p: value, known; the value bit is 0 when unknown), a
// number node a <64 x double> value and an i64 known plane. The Kleene logic
// is then a handful of 64-bit word operations per node for 64 patients;
// comparisons are vector compares whose <64 x i1> result is the bit plane
// (of an input column with constants: a loop over chunks of eight lanes).
// Missing-input masks are bit-sliced too: per node, one i64 plane per input
// the node depends on (bit p: that input is unknown for patient p and could
// still decide the node), lowered in a second pass the caller places behind
// its "missing requested" test.
#ifndef PATHWAY_CODEGEN_COLUMNLOWERING_H
#define PATHWAY_CODEGEN_COLUMNLOWERING_H

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

#include <llvm/IR/IRBuilder.h>

#include "ir/IR.h"

namespace pathway::codegen {

constexpr unsigned kColumnLanes = 64;
constexpr unsigned kChunkLanes = 8;  // lanes per iteration of a column scan

// (input, plane) pairs sorted by input; inputs absent have an all-zero plane.
using ColumnMask = std::vector<std::pair<uint32_t, llvm::Value*>>;

struct ColumnPlane {
  llvm::Value* value = nullptr;   // i64 (bool) or <64 x double> (number; null for an input)
  llvm::Value* known = nullptr;   // i64
  llvm::Value* column = nullptr;  // a number input: lane 0 of its column, loaded on use
  ColumnMask mask;
};

class ColumnLowering {
 public:
  // `values` points at lane 0 of input 0's column for this block, `stride` is
  // the column stride in doubles; `known` at input 0's word for this block,
  // `knownStride` the bit-column stride in words.
  ColumnLowering(const ir::Program& program, llvm::IRBuilder<>& builder, llvm::Value* values,
                 llvm::Value* stride, llvm::Value* known, llvm::Value* knownStride);

  // Lowers every node, calling `lowered(id)` right after node `id`. A
  // number's 64 lanes fill 32 SSE registers, so its users are lowered as soon
  // as their operands are (rather than in id order), and the caller stores a
  // number slot from `lowered`: the vector dies at once instead of being
  // spilled and reloaded.
  void lowerAll(const std::function<void(ir::NodeId)>& lowered);
  void lowerMasks();

  const ColumnPlane& plane(ir::NodeId id) const { return planes_.at(id); }
  // The node's known lanes as a <64 x i1> vector.
  llvm::Value* laneMask(llvm::Value* plane);
  // A number node's 64 lanes (loaded here for an input).
  llvm::Value* lanes(const ColumnPlane& plane);

 private:
  void lowerNode(ir::NodeId id, const std::function<void(ir::NodeId)>& lowered);
  ColumnPlane lower(const ir::Node& node);
  ColumnPlane input(const ir::Node& node);
  ColumnPlane constant(const ir::Node& node);
  ColumnPlane logicNot(const ir::Node& node);
  ColumnPlane logicAnd(const ir::Node& node);
  ColumnPlane logicOr(const ir::Node& node);
  ColumnPlane compare(const ir::Node& node);
  ColumnPlane arith(const ir::Node& node);
  ColumnPlane negate(const ir::Node& node);
  ColumnPlane inSet(const ir::Node& node);
  ColumnPlane isKnown(const ir::Node& node);
  ColumnMask mask(const ir::Node& node, const ColumnPlane& plane);

  const ColumnPlane& operand(const ir::Node& node, size_t index) const;
  llvm::Value* bits(llvm::Value* lanes);  // <64 x i1> -> i64
  // Bit p: test(lane p of `column`), computed by a loop over eight chunks of
  // eight lanes: a comparison of an input with constants stays a few dozen
  // instructions instead of a 64-lane compare unrolled into hundreds (the
  // unrolled body of a realistic pathway overflows the instruction cache).
  llvm::Value* scanColumn(llvm::Value* column,
                          const std::function<llvm::Value*(llvm::Value* chunk)>& test);
  llvm::Value* splat8(double value);
  // The constant node's value, when `id` is a known number constant.
  std::optional<double> constantNumber(ir::NodeId id) const;
  llvm::Value* splat(double value);
  llvm::Value* ones();

  const ir::Program& program_;
  llvm::IRBuilder<>& b_;
  llvm::Value* values_;
  llvm::Value* stride_;
  llvm::Value* known_;
  llvm::Value* knownStride_;
  llvm::Type* vector_;
  std::vector<ColumnPlane> planes_;
  std::vector<char> done_;
  std::vector<std::vector<ir::NodeId>> users_;
};

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_COLUMNLOWERING_H
