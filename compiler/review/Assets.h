// The static files of the review page, embedded in pathwayc at build time
// (cmake/EmbedFiles.cmake): the page itself (compiler/review/assets/) under
// its own names, and the JS runtime (bindings/js/src/) under "runtime/".
#ifndef PATHWAY_REVIEW_ASSETS_H
#define PATHWAY_REVIEW_ASSETS_H

#include <span>
#include <string_view>

namespace pathway::review {

struct EmbeddedFile {
  std::string_view name;  // relative path in the output directory
  std::string_view data;
};

std::span<const EmbeddedFile> embeddedFiles();

}  // namespace pathway::review

#endif  // PATHWAY_REVIEW_ASSETS_H
