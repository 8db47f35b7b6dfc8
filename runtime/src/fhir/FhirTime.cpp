#include "fhir/FhirTime.h"

#include <cstdint>

namespace pathway::runtime::fhir {
namespace {

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
// (H. Hinnant's days_from_civil).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned daysIn(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return at_ == text_.size(); }
  bool peek(char c) const { return at_ < text_.size() && text_[at_] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++at_;
    return true;
  }
  // Exactly `n` digits.
  std::optional<unsigned> digits(size_t n) {
    if (at_ + n > text_.size()) return std::nullopt;
    unsigned v = 0;
    for (size_t i = 0; i < n; ++i) {
      char c = text_[at_ + i];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(c - '0');
    }
    at_ += n;
    return v;
  }
  // One or more digits after a '.', as a fraction.
  std::optional<double> fraction() {
    size_t start = at_;
    double v = 0, scale = 0.1;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      v += (text_[at_] - '0') * scale;
      scale /= 10;
      ++at_;
    }
    if (at_ == start) return std::nullopt;
    return v;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
};

}  // namespace

std::optional<Instant> parseDateTime(std::string_view text, std::string& why) {
  Cursor c(text);
  auto bad = [&](const char* reason) -> std::optional<Instant> {
    why = reason;
    return std::nullopt;
  };
  const char* form = "it is not a FHIR date or dateTime (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz)";
  auto year = c.digits(4);
  if (!year) return bad(form);
  unsigned month = 1, day = 1;
  if (c.take('-')) {
    auto m = c.digits(2);
    if (!m || *m < 1 || *m > 12) return bad(form);
    month = *m;
    if (c.take('-')) {
      auto d = c.digits(2);
      if (!d || *d < 1 || *d > daysIn(*year, month)) return bad("the day does not exist in that month");
      day = *d;
    }
  }
  Instant out;
  out.seconds = static_cast<double>(daysFromCivil(*year, month, day)) * kSecondsPerDay;
  if (c.done()) return out;
  if (!c.take('T')) return bad(form);
  auto hh = c.digits(2);
  if (!hh || !c.take(':')) return bad(form);
  auto mm = c.digits(2);
  if (!mm || !c.take(':')) return bad(form);
  auto ss = c.digits(2);
  if (!ss) return bad(form);
  if (*hh > 23 || *mm > 59 || *ss > 60) return bad("the time of day is out of range");
  double seconds = *hh * 3600.0 + *mm * 60.0 + *ss;
  if (c.take('.')) {
    auto f = c.fraction();
    if (!f) return bad(form);
    seconds += *f;
  }
  if (c.done()) return bad("a time needs a time zone offset (Z or +hh:mm); FHIR requires one");
  if (!c.take('Z')) {
    int sign = c.take('+') ? 1 : c.take('-') ? -1 : 0;
    if (sign == 0) return bad(form);
    auto oh = c.digits(2);
    if (!oh || !c.take(':')) return bad(form);
    auto om = c.digits(2);
    if (!om || *oh > 14 || *om > 59) return bad("the time zone offset is out of range");
    seconds -= sign * (*oh * 3600.0 + *om * 60.0);
  }
  if (!c.done()) return bad(form);
  out.seconds += seconds;
  out.hasTime = true;
  return out;
}

}  // namespace pathway::runtime::fhir
