#include "driver/Chart.h"

#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>

#include "ast/Outline.h"
#include "driver/Files.h"

extern char** environ;

namespace pathway::driver {

graph::Stages stagesOf(const Compilation& compilation) {
  const ast::File& file = compilation.ast;
  ast::Outline outline = ast::outlineOf(file);
  graph::Stages stages;
  for (const ast::Heading& h : outline.sections) stages.titles.push_back(h.title);
  for (size_t d = 0; d < file.decls.size(); ++d) {
    if (std::optional<size_t> s = outline.sectionOf[d]) stages.of[file.decls[d]->name.text] = *s;
  }
  return stages;
}

std::optional<std::string> renderSvg(const std::string& dot, std::string& error) {
  TempDir temp;
  if (!temp.ok()) {
    error = "cannot create a temporary directory";
    return std::nullopt;
  }
  std::string in = temp.path() + "/graph.dot";
  std::string out = temp.path() + "/graph.svg";
  if (!writeFileAtomically(in, dot, error)) return std::nullopt;
  const char* argv[] = {"dot", "-Tsvg", in.c_str(), "-o", out.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    error = kDotNotFound;
    return std::nullopt;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127 ? kDotNotFound : "Graphviz 'dot' failed to render the chart";
    return std::nullopt;
  }
  return readWholeFile(out, error);
}

}  // namespace pathway::driver
