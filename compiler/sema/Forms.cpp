#include "sema/Forms.h"

#include <cctype>

namespace pathway::sema {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Consumes a run of digits; semver forbids leading zeros in numbers.
bool number(std::string_view& s, bool allowLeadingZero) {
  size_t n = 0;
  while (n < s.size() && digit(s[n])) ++n;
  if (n == 0 || (!allowLeadingZero && n > 1 && s[0] == '0')) return false;
  s.remove_prefix(n);
  return true;
}

bool identifiers(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') return false;
  }
  return true;
}

}  // namespace

bool isSemanticVersion(std::string_view s) {
  for (int part = 0; part < 3; ++part) {
    if (!number(s, false)) return false;
    if (part < 2) {
      if (s.empty() || s[0] != '.') return false;
      s.remove_prefix(1);
    }
  }
  if (s.empty()) return true;
  size_t plus = s.find('+');
  std::string_view pre = s.substr(0, plus);
  if (!pre.empty() && (pre[0] != '-' || !identifiers(pre.substr(1)))) return false;
  return plus == std::string_view::npos || identifiers(s.substr(plus + 1));
}

bool isParagraphId(std::string_view s) {
  if (s.empty() || s[0] != 'S') return false;
  s.remove_prefix(1);
  if (!number(s, true) || s.size() < 2 || s[0] != '.' || s[1] != 'P') return false;
  s.remove_prefix(2);
  return number(s, true) && s.empty();
}

}  // namespace pathway::sema
