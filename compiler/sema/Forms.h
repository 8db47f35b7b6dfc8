// The textual forms sema checks: semantic versions and paragraph ids.
#ifndef PATHWAY_SEMA_FORMS_H
#define PATHWAY_SEMA_FORMS_H

#include <string_view>

namespace pathway::sema {

// MAJOR.MINOR.PATCH with optional -prerelease and +build (semver.org 2.0).
bool isSemanticVersion(std::string_view text);

// S<section>.P<paragraph>, as in S1.P2.
bool isParagraphId(std::string_view text);

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_FORMS_H
