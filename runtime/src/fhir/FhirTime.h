// FHIR R4 date and dateTime values (http://hl7.org/fhir/R4/datatypes.html):
// YYYY, YYYY-MM, YYYY-MM-DD, or YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm).
// A value with a time must carry its offset; a partial date stands for the
// start of its period in UTC (documented in docs/fhir.md).
#ifndef PATHWAY_RUNTIME_FHIR_FHIRTIME_H
#define PATHWAY_RUNTIME_FHIR_FHIRTIME_H

#include <optional>
#include <string>
#include <string_view>

namespace pathway::runtime::fhir {

struct Instant {
  double seconds = 0;  // since 1970-01-01T00:00:00Z
  bool hasTime = false;
};

// The instant `text` stands for, or nullopt with `why` set when it is not a
// FHIR date or dateTime (or has a time without an offset).
std::optional<Instant> parseDateTime(std::string_view text, std::string& why);

inline constexpr double kSecondsPerDay = 86400;

}  // namespace pathway::runtime::fhir

#endif  // PATHWAY_RUNTIME_FHIR_FHIRTIME_H
