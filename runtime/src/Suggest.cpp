#include "Suggest.h"

#include <algorithm>
#include <cctype>

namespace pathway::runtime {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Levenshtein distance, case-insensitive, when it is at most `bound`;
// otherwise bound + 1. The length difference alone is a lower bound, and
// a row whose every entry exceeds the bound ends the search, so a name far
// longer than every candidate (a megabyte of key) costs nothing.
size_t distanceWithin(std::string_view a, std::string_view b, size_t bound) {
  const size_t lengthGap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (lengthGap > bound) return bound + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t rowMin = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      const size_t substitute = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
      rowMin = std::min(rowMin, row[j]);
      diagonal = above;
    }
    if (rowMin > bound) return bound + 1;
  }
  return std::min(row[b.size()], bound + 1);
}

}  // namespace

std::string closest(std::string_view name, const std::vector<std::string>& candidates) {
  const size_t limit = std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t bestDistance = limit + 1;
  for (const std::string& candidate : candidates) {
    if (bestDistance == 0) break;  // an exact match (but for case) wins
    // Only a candidate strictly closer than the best so far matters.
    const size_t d = distanceWithin(name, candidate, bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

std::string quoted(std::string_view name) {
  constexpr size_t kShown = 64;
  if (name.size() <= kShown) return "'" + std::string(name) + "'";
  size_t cut = kShown;
  // Back off to the start of a UTF-8 sequence: never half a character.
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(name.substr(0, cut)) + "...' (" + std::to_string(name.size()) + " bytes)";
}

std::string didYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  const std::string best = closest(name, candidates);
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace pathway::runtime
