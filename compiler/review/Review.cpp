#include "review/Review.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <set>

#include "ast/Outline.h"
#include "review/Assets.h"
#include "ir/Metadata.h"

namespace pathway::review {
namespace {

using Json = nlohmann::ordered_json;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The inputs `root` reads, directly or through other nodes, in schema order.
std::vector<std::string> inputsOf(const ir::Program& program, ir::NodeId root) {
  std::set<uint32_t> inputs;
  std::vector<bool> seen(program.nodes.size(), false);
  std::vector<ir::NodeId> work = {root};
  while (!work.empty()) {
    ir::NodeId id = work.back();
    work.pop_back();
    if (seen[id]) continue;
    seen[id] = true;
    const ir::Node& node = program.nodes[id];
    if (node.op == ir::Op::Input) inputs.insert(node.input);
    for (ir::NodeId arg : node.args) work.push_back(arg);
  }
  std::vector<std::string> names;
  for (uint32_t i : inputs) names.push_back(program.inputs[i].name);
  return names;
}

struct Named {
  const char* kind;
  ir::NodeId node;
};

// The findings, definitions and recommendations of the program by name.
std::map<std::string, Named> namedNodes(const ir::Program& program) {
  std::map<std::string, Named> named;
  for (const ir::Definition& d : program.definitions) named[d.name] = {"definition", d.node};
  for (const ir::Finding& f : program.findings) named[f.name] = {"finding", f.node};
  for (const ir::Recommendation& r : program.recommendations) named[r.name] = {"recommendation", r.condition};
  return named;
}

}  // namespace

std::map<std::string, std::string> paragraphs(const std::string& markdown,
                                              const std::vector<std::string>& wanted) {
  std::set<std::string> want(wanted.begin(), wanted.end());
  std::map<std::string, std::string> out;
  std::string id, text;
  auto flush = [&] {
    if (!id.empty() && want.count(id)) out[id] = std::string(trim(text));
    id.clear();
    text.clear();
  };
  size_t at = 0;
  while (at <= markdown.size()) {
    size_t end = markdown.find('\n', at);
    if (end == std::string::npos) end = markdown.size();
    std::string_view line = trim(std::string_view(markdown).substr(at, end - at));
    at = end + 1;
    if (line.empty() || line.front() == '#') {
      flush();
      continue;
    }
    if (line.substr(0, 2) == "**") {
      size_t close = line.find("**", 2);
      std::string_view candidate = close == std::string_view::npos ? "" : line.substr(2, close - 2);
      // An id is S<digits>.P<digits>.
      bool isId = candidate.size() >= 4 && candidate[0] == 'S' && candidate.find(".P") != std::string_view::npos;
      if (isId) {
        flush();
        id = std::string(candidate);
        text = std::string(trim(line.substr(close + 2)));
        continue;
      }
    }
    if (!id.empty()) text += " " + std::string(line);
  }
  flush();
  return out;
}

std::string patientTitle(const std::string& id) {
  std::string title = id;
  size_t underscore = title.find('_');
  if (underscore != std::string::npos && underscore > 0) title[underscore] = ':', title.insert(underscore + 1, " ");
  for (char& c : title) {
    if (c == '_') c = ' ';
  }
  return title;
}

std::string base64(std::string_view bytes) {
  static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::string reviewJson(const ReviewInput& input) {
  const ast::File& file = *input.ast;
  const ir::Program& program = *input.program;
  ast::Outline outline = ast::outlineOf(file);
  std::map<std::string, Named> named = namedNodes(program);

  Json data;
  data["format"] = 1;
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(ir::contentHash(program)));
  data["pathway"] = {{"name", program.meta.name},
                     {"title", program.meta.title},
                     {"version", program.meta.version},
                     {"contentHash", hash}};

  // Stages: the sections that declare something the page shows, numbered
  // in source order.
  std::map<size_t, std::string> stageIds;
  Json stages = Json::array();
  Json nodes = Json::object();
  for (size_t d = 0; d < file.decls.size(); ++d) {
    const ast::Decl& decl = *file.decls[d];
    auto it = named.find(decl.name.text);
    if (it == named.end() || decl.kind() == ast::DeclKind::Input) continue;
    Json stage = nullptr;
    if (std::optional<size_t> s = outline.sectionOf[d]) {
      auto [at, added] = stageIds.try_emplace(*s, "s" + std::to_string(stageIds.size() + 1));
      if (added) stages.push_back({{"id", at->second}, {"title", outline.sections[*s].title}});
      stage = at->second;
    }
    nodes[decl.name.text] = {{"kind", it->second.kind},
                             {"stage", stage},
                             {"line", input.source->lineColumn(decl.range().begin).line},
                             {"inputs", inputsOf(program, it->second.node)}};
  }
  data["stages"] = std::move(stages);

  // Input groups in source order; inputs under no heading come last.
  Json groups = Json::array();
  std::map<size_t, size_t> groupAt;  // outline group -> index in `groups`
  Json ungrouped = Json::array();
  for (size_t d = 0; d < file.decls.size(); ++d) {
    const ast::Decl& decl = *file.decls[d];
    if (decl.kind() != ast::DeclKind::Input) continue;
    std::optional<size_t> g = outline.groupOf[d];
    if (!g) {
      ungrouped.push_back(decl.name.text);
      continue;
    }
    auto [at, added] = groupAt.try_emplace(*g, groups.size());
    if (added) groups.push_back({{"title", outline.groups[*g].title}, {"inputs", Json::array()}});
    groups[at->second]["inputs"].push_back(decl.name.text);
  }
  if (!ungrouped.empty()) groups.push_back({{"title", "Other inputs"}, {"inputs", std::move(ungrouped)}});
  data["groups"] = std::move(groups);
  data["nodes"] = std::move(nodes);

  std::vector<std::string> cited;
  for (const ir::Recommendation& r : program.recommendations) {
    for (const ir::Citation& c : r.citations) cited.push_back(c.paragraph);
  }
  for (const ir::Finding& f : program.findings) {
    for (const ir::Citation& c : f.citations) cited.push_back(c.paragraph);
  }
  Json texts = Json::object();
  for (auto& [id, text] : paragraphs(input.sourceText, cited)) texts[id] = text;
  data["paragraphs"] = std::move(texts);

  Json patients = Json::array();
  for (const Patient& p : input.patients) {
    patients.push_back({{"id", p.id}, {"title", p.title}, {"facts", Json::parse(p.facts)}});
  }
  data["patients"] = std::move(patients);
  if (input.flowchart) data["flowchartScript"] = kFlowchartScript;
  data["wasmBase64"] = base64(input.wasm);
  return data.dump(-1, ' ', false, Json::error_handler_t::strict);
}

std::string flowchartJson(const Flowchart& flowchart) {
  Json focus = Json::object();
  for (auto& [code, svg] : flowchart.focus) focus[code] = svg;
  Json chart = {{"svg", flowchart.svg}, {"subgraphs", std::move(focus)}};
  return chart.dump(-1, ' ', false, Json::error_handler_t::strict);
}

std::string modulesJson(std::span<const EmbeddedFile> files) {
  Json modules = Json::object();
  for (const EmbeddedFile& file : files) {
    std::string_view name = file.name;
    if (name.size() > 3 && name.substr(name.size() - 3) == ".js") modules[std::string(name)] = file.data;
  }
  return modules.dump(-1, ' ', false, Json::error_handler_t::strict);
}

}  // namespace pathway::review
