// The data of the review page (pathwayc review): what the page needs beyond
// the schema the JS runtime reads from the module's metadata. The stages and
// input groups of the source's heading comments (ast/Outline.h), where each
// finding, definition and recommendation sits and which inputs it reads, the
// cited paragraphs' text, the sample patients and the flowchart. Written as
// review-data.js, a script the page loads (docs/review.md has the shape).
#ifndef PATHWAY_REVIEW_REVIEW_H
#define PATHWAY_REVIEW_REVIEW_H

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ast/Decl.h"
#include "diag/SourceFile.h"
#include "ir/IR.h"
#include "review/Assets.h"

namespace pathway::review {

struct Patient {
  std::string id;     // the file name without .json
  std::string title;  // for the menu
  std::string facts;  // the patient's JSON object, as read (checked to be one)
};

struct Flowchart {
  std::string svg;                            // the whole chart
  std::map<std::string, std::string> focus;   // per recommendation code: its condition subgraph
};

struct ReviewInput {
  const diag::SourceFile* source = nullptr;
  const ast::File* ast = nullptr;
  const ir::Program* program = nullptr;
  std::string sourceText;  // the clinical source (Markdown with **S1.P2** ids), or empty
  std::vector<Patient> patients;
  std::optional<Flowchart> flowchart;
  std::string wasm;  // the module's bytes
};

// The cited paragraphs of a clinical source in Markdown: a paragraph starts
// with its bold id ("**S1.P2** text ...") and runs to the next blank line or
// heading. Ids in `wanted` only; the text loses the id and surrounding blanks.
std::map<std::string, std::string> paragraphs(const std::string& markdown,
                                              const std::vector<std::string>& wanted);

// The review data as JSON text (one object; docs/review.md). With a
// flowchart, it names the script that holds it ("flowchartScript"), which
// the page loads after its first result.
std::string reviewJson(const ReviewInput& input);

// The flowchart as JSON text: {"svg": whole chart, "subgraphs": {code: svg}}.
std::string flowchartJson(const Flowchart& flowchart);

// The file the page loads the flowchart from (DIR/flowchart.js).
inline constexpr const char* kFlowchartScript = "flowchart.js";

// A menu title from a sample patient's file name: "05_radicular_needs_mri"
// -> "05: radicular needs mri".
std::string patientTitle(const std::string& id);

std::string base64(std::string_view bytes);

// {"review.js": "<source>", "runtime/index.js": "<source>", ...}: every
// embedded .js file (not .d.ts) by name, for the page's loader.
std::string modulesJson(std::span<const EmbeddedFile> files);

}  // namespace pathway::review

#endif  // PATHWAY_REVIEW_REVIEW_H
