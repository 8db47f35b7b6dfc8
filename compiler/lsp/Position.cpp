#include "lsp/Position.h"

#include <algorithm>

#include "lsp/Protocol.h"

namespace pathway::lsp {
namespace {

// Bytes of the UTF-8 sequence starting with `lead` (1 for a stray byte, so
// that invalid text still advances).
uint32_t sequenceLength(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, Encoding encoding) : text_(text), encoding_(encoding) {
  for (uint32_t i = 0; i < text.size(); ++i) {
    // LF, CRLF and a lone CR end a line (LSP 3.17, and diag::SourceFile).
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      lineStarts_.push_back(i + 1);
    }
  }
}

uint32_t LineIndex::lineOf(uint32_t offset) const {
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  return static_cast<uint32_t>(it - lineStarts_.begin()) - 1;
}

uint32_t LineIndex::units(uint32_t begin, uint32_t end) const {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(text_.size()));
  if (begin >= end) return 0;
  if (encoding_ == Encoding::Utf8) return end - begin;
  uint32_t count = 0;
  for (uint32_t i = begin; i < end;) {
    uint32_t n = sequenceLength(static_cast<unsigned char>(text_[i]));
    count += n == 4 ? 2 : 1;  // astral characters are surrogate pairs in UTF-16
    i += n;
  }
  return count;
}

nlohmann::json LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  uint32_t line = lineOf(offset);
  return {{"line", line}, {"character", units(lineStarts_[line], offset)}};
}

nlohmann::json LineIndex::range(diag::Range r) const {
  return {{"start", position(r.begin)}, {"end", position(std::max(r.begin, r.end))}};
}

uint32_t LineIndex::offset(uint32_t line, uint32_t character) const {
  if (line >= lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t i = lineStarts_[line];
  uint32_t lineEnd = line + 1 < lineStarts_.size() ? lineStarts_[line + 1] - 1 : static_cast<uint32_t>(text_.size());
  if (lineEnd > i && text_[lineEnd - 1] == '\r') --lineEnd;
  uint32_t count = 0;
  while (i < lineEnd && count < character) {
    uint32_t n = sequenceLength(static_cast<unsigned char>(text_[i]));
    count += encoding_ == Encoding::Utf8 ? n : (n == 4 ? 2 : 1);
    i = std::min(i + n, lineEnd);
  }
  return i;
}

uint32_t LineIndex::offset(const nlohmann::json& position) const {
  int64_t line = position.at("line").get<int64_t>();
  int64_t character = position.at("character").get<int64_t>();
  if (line < 0 || character < 0) throw RequestError(kInvalidParams, "a position has a negative line or character");
  return offset(static_cast<uint32_t>(std::min<int64_t>(line, UINT32_MAX)),
                static_cast<uint32_t>(std::min<int64_t>(character, UINT32_MAX)));
}

}  // namespace pathway::lsp
