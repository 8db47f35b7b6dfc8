// Byte offsets <-> LSP positions (0-based line, character in the
// negotiated encoding: UTF-16 code units by default, or UTF-8 bytes).
#ifndef PATHWAY_LSP_POSITION_H
#define PATHWAY_LSP_POSITION_H

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/SourceFile.h"

namespace pathway::lsp {

enum class Encoding { Utf16, Utf8 };

class LineIndex {
 public:
  LineIndex() = default;
  LineIndex(std::string_view text, Encoding encoding);

  // {"line": L, "character": C}
  nlohmann::json position(uint32_t offset) const;
  nlohmann::json range(diag::Range range) const;
  // The byte offset of an LSP position, clamped to the line and the text
  // (a position past the end of a line means its end, as the spec says).
  uint32_t offset(uint32_t line, uint32_t character) const;
  uint32_t offset(const nlohmann::json& position) const;
  // Length of [begin, end) in the encoding's units.
  uint32_t units(uint32_t begin, uint32_t end) const;
  uint32_t lineOf(uint32_t offset) const;
  uint32_t lineStart(uint32_t line) const { return lineStarts_[line]; }
  size_t lineCount() const { return lineStarts_.size(); }

 private:
  std::string_view text_;
  Encoding encoding_ = Encoding::Utf16;
  std::vector<uint32_t> lineStarts_{0};
};

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_POSITION_H
