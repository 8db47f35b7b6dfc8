// "Did you mean" for names given at run time.
#ifndef PATHWAY_RUNTIME_SUGGEST_H
#define PATHWAY_RUNTIME_SUGGEST_H

#include <string>
#include <string_view>
#include <vector>

namespace pathway::runtime {

// The candidate closest to `name` by edit distance, or "" when none is close
// enough to be a plausible typo.
std::string closest(std::string_view name, const std::vector<std::string>& candidates);

// `name` in single quotes for a message, its first 64 bytes and "..." with
// its length when longer: a message never quotes megabytes.
std::string quoted(std::string_view name);

// " (did you mean 'x'?)" or "" when there is no close candidate.
std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_SUGGEST_H
