// A result as JSON (see pw_result_to_json for the shape).
#ifndef PATHWAY_RUNTIME_RESULTJSON_H
#define PATHWAY_RUNTIME_RESULTJSON_H

#include <string>

#include "Result.h"

namespace pathway::runtime {

std::string resultToJson(const pw_result& result);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_RESULTJSON_H
