// The flowchart as the commands draw it (pathwayc graph, pathwayc review):
// the pathway's stages from its section headings and SVG through
// Graphviz's dot.
#ifndef PATHWAY_DRIVER_CHART_H
#define PATHWAY_DRIVER_CHART_H

#include <optional>
#include <string>

#include "driver/Pipeline.h"
#include "graph/Graph.h"

namespace pathway::driver {

// The stages of a compiled pathway: its `// ===== TITLE` sections
// (ast/Outline.h) and the section of each declaration.
graph::Stages stagesOf(const Compilation& compilation);

inline constexpr const char* kDotNotFound = "Graphviz 'dot' was not found; install the graphviz package";

// Runs Graphviz's dot (found on PATH) on `dot` text and returns the SVG, or
// nullopt with `error` set (kDotNotFound when there is no dot).
std::optional<std::string> renderSvg(const std::string& dot, std::string& error);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_CHART_H
