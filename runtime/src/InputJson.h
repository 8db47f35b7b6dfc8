// A patient's inputs from JSON: {"input name": value, ...}.
#ifndef PATHWAY_RUNTIME_INPUTJSON_H
#define PATHWAY_RUNTIME_INPUTJSON_H

#include <string_view>

#include "Input.h"

namespace pathway::runtime {

// Replaces all of `input` from `text` (see pw_input_set_json); throws Error
// and leaves `input` unchanged on any problem.
void setInputFromJson(pw_input& input, std::string_view text);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_INPUTJSON_H
