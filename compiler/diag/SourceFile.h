// A source file held in memory, with a line table for offset -> line:column.
#ifndef PATHWAY_DIAG_SOURCEFILE_H
#define PATHWAY_DIAG_SOURCEFILE_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pathway::diag {

// A half-open byte range [begin, end) in one source file.
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct LineColumn {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in bytes
};

// Lines end at LF, CRLF or a lone CR. A leading UTF-8 byte order mark is
// dropped from text() (hadByteOrderMark() says it was there), so that
// columns count from the first character.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  bool hadByteOrderMark() const { return hadByteOrderMark_; }
  LineColumn lineColumn(uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view line(uint32_t line) const;
  // Offset of the first byte of a 1-based line and column.
  uint32_t offset(uint32_t line, uint32_t column) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> lineStarts_;
  bool hadByteOrderMark_ = false;
};

}  // namespace pathway::diag

#endif  // PATHWAY_DIAG_SOURCEFILE_H
