// "Did you mean" suggestions: the closest candidate by edit distance.
#ifndef PATHWAY_DIAG_SUGGEST_H
#define PATHWAY_DIAG_SUGGEST_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathway::diag {

size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (distance at most a third of the word's length, and at least 1).
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string>& candidates);

}  // namespace pathway::diag

#endif  // PATHWAY_DIAG_SUGGEST_H
