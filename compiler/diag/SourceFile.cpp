#include "diag/SourceFile.h"

#include <algorithm>

namespace pathway::diag {

SourceFile::SourceFile(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  // A UTF-8 byte order mark is not part of the text: offsets, columns and
  // quoted lines start after it.
  if (text_.rfind("\xEF\xBB\xBF", 0) == 0) {
    text_.erase(0, 3);
    hadByteOrderMark_ = true;
  }
  // LF, CRLF and a lone CR each end a line, as they do for the lexer.
  lineStarts_.push_back(0);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
      lineStarts_.push_back(i + 1);
    }
  }
}

LineColumn SourceFile::lineColumn(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - lineStarts_.begin());
  return {line, offset - lineStarts_[line - 1] + 1};
}

std::string_view SourceFile::line(uint32_t line) const {
  if (line == 0 || line > lineStarts_.size()) return {};
  uint32_t begin = lineStarts_[line - 1];
  uint32_t end = line < lineStarts_.size() ? lineStarts_[line] : static_cast<uint32_t>(text_.size());
  std::string_view text(text_.data() + begin, end - begin);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

uint32_t SourceFile::offset(uint32_t line, uint32_t column) const {
  if (line == 0) return 0;
  if (line > lineStarts_.size()) return static_cast<uint32_t>(text_.size());
  return std::min<uint32_t>(lineStarts_[line - 1] + (column ? column - 1 : 0),
                            static_cast<uint32_t>(text_.size()));
}

}  // namespace pathway::diag
