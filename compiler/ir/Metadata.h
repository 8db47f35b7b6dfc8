// The descriptor metadata of a compiled pathway: everything an app can learn
// about a library without evaluating it (header, input schema, findings,
// definitions, recommendations), as the JSON text stored in the descriptor,
// and the content hash that identifies a program.
#ifndef PATHWAY_IR_METADATA_H
#define PATHWAY_IR_METADATA_H

#include <cstdint>
#include <string>

#include "ir/IR.h"

namespace pathway::ir {

// The metadata JSON (compact, keys in a fixed order). Shape:
// {"name","title","version","authors":[..],
//  "sources":[{"name","title","paragraphs":[..]}],
//  "inputs":[{"name","type","unit"?,"dimension"?,"min"?,"max"?,"enum"?,
//             "labels"?,"description"}],
//  "definitions":[{"name","type"}],
//  "findings":[{"name","label","citations":[{"source","paragraph"}]}],
//  "recommendations":[{"name","label","category","urgency","rationale",
//                      "citations":[..],"supersedes":[names]}],
//  "explain":{"nodes":[..],"conditions":[..]},  (explain/Explain.h)
//  "fhir":{"codesets":[..],"bindings":[..]}}     (only with FHIR bindings;
//                                                 fhirJson in Metadata.cpp)
std::string metadataJson(const Program& program);

// FNV-1a 64 over dump(program) followed by metadataJson(program).
uint64_t contentHash(const Program& program);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_METADATA_H
