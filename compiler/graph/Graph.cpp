#include "graph/Graph.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "ir/Printer.h"

namespace pathway::graph {
namespace {

struct Category {
  const char* name;
  const char* title;
  const char* color;  // fill
};

// The recommendation categories in clinical order, with their colours.
constexpr Category kCategories[] = {
    {"urgent", "Urgent evaluation", "#f8b4b4"},
    {"execution", "Fix how PT is done", "#c6e6c3"},
    {"reevaluation", "Specialist re-evaluation", "#bcd7f5"},
    {"imaging", "Imaging", "#d9c8f0"},
    {"labs", "Laboratory tests", "#f5e3a9"},
    {"electrodiagnostics", "Electrodiagnostics", "#c9eef0"},
    {"intervention", "Interventions", "#f5cba7"},
    {"surgery", "Surgery", "#e0b8c8"},
};

// One labelled dependency of a named node.
struct Edge {
  std::string from;   // graph node id
  std::string label;  // short condition
};

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// Wraps long labels so boxes stay readable.
std::string wrap(const std::string& s, size_t width = 28) {
  std::string out;
  size_t column = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && column >= width) {
      out += "\n";
      column = 0;
      continue;
    }
    out.push_back(s[i]);
    ++column;
  }
  return out;
}

class Chart {
 public:
  Chart(const ir::Program& program, const std::optional<Overlay>& overlay)
      : program_(program), overlay_(overlay), printer_(program) {}

  // The named things a node depends on, with the condition that links them.
  std::vector<Edge> dependencies(ir::NodeId root) const {
    std::vector<Edge> edges;
    std::set<std::pair<std::string, std::string>> seen;
    std::vector<std::pair<ir::NodeId, bool>> work = {{root, true}};
    while (!work.empty()) {
      auto [id, isRoot] = work.back();
      work.pop_back();
      const ir::Node& n = program_.nodes[id];
      if (!isRoot && !printer_.slotName(id).empty()) {
        add(edges, seen, nodeId(id), "");
        continue;
      }
      if (n.op == ir::Op::Input) {
        add(edges, seen, inputId(n.input), "");
        continue;
      }
      if (n.op == ir::Op::And || n.op == ir::Op::Or) {
        for (ir::NodeId a : n.args) work.emplace_back(a, false);
        continue;
      }
      if (n.op == ir::Op::Not && program_.nodes[n.args[0]].op == ir::Op::Input) {
        add(edges, seen, inputId(program_.nodes[n.args[0]].input), "not");
        continue;
      }
      if (n.op == ir::Op::Not) {
        work.emplace_back(n.args[0], false);
        continue;
      }
      if (n.op == ir::Op::Const) continue;
      // A comparison, membership or known() test: label the edges from
      // everything under it with its text.
      std::string label = printer_.text(id);
      std::vector<ir::NodeId> under = {id};
      while (!under.empty()) {
        ir::NodeId u = under.back();
        under.pop_back();
        const ir::Node& un = program_.nodes[u];
        if (u != id && !printer_.slotName(u).empty()) {
          add(edges, seen, nodeId(u), label);
        } else if (un.op == ir::Op::Input) {
          add(edges, seen, inputId(un.input), label);
        } else {
          under.insert(under.end(), un.args.begin(), un.args.end());
        }
      }
    }
    return edges;
  }

  // Every edge of the chart, in a stable order: conditions into each
  // definition, finding and recommendation, then supersedes.
  template <class Emit>
  void forEachEdge(Emit emit) const {
    auto conditions = [&](ir::NodeId node, const std::string& to) {
      for (const Edge& e : dependencies(node)) emit(e.from, to, e.label, false);
    };
    for (const ir::Definition& d : program_.definitions) {
      if (printer_.slotName(d.node) == "define " + d.name) conditions(d.node, nodeId(d.node));
    }
    for (const ir::Finding& f : program_.findings) conditions(f.node, nodeId(f.node));
    for (size_t r = 0; r < program_.recommendations.size(); ++r) {
      const ir::Recommendation& rec = program_.recommendations[r];
      std::string to = "rec_" + std::to_string(r);
      if (!printer_.slotName(rec.condition).empty()) {
        emit(nodeId(rec.condition), to, std::string(), false);
      } else {
        conditions(rec.condition, to);
      }
      for (uint32_t s : rec.supersedes) emit(to, "rec_" + std::to_string(s), std::string("supersedes"), true);
    }
  }

  std::string nodeId(ir::NodeId id) const { return "n_" + printer_.name(id); }
  static std::string inputId(uint32_t i) { return "in_" + std::to_string(i); }

  // Overlay helpers.
  std::string state(ir::NodeId id) const {
    if (!overlay_) return "";
    const ir::NodeValue& v = overlay_->nodes[id];
    return !v.known ? "unknown" : v.value != 0 ? "true" : "false";
  }
  bool inputMissing(uint32_t i) const { return overlay_ && !overlay_->known[i]; }

  const ir::Program& program_;
  const std::optional<Overlay>& overlay_;
  ir::Printer printer_;

 private:
  static void add(std::vector<Edge>& edges, std::set<std::pair<std::string, std::string>>& seen,
                  const std::string& from, const std::string& label) {
    if (seen.emplace(from, label).second) edges.push_back({from, label});
  }
};

const char* overlayFill(const std::string& state, const char* base) {
  if (state == "true") return "#7bd389";
  if (state == "false") return "#e6e6e6";
  if (state == "unknown") return "#ffd166";
  return base;
}

}  // namespace

std::string toDot(const ir::Program& p, const std::optional<Overlay>& overlay) {
  Chart chart(p, overlay);
  std::string out;
  out += fmt::format("digraph \"{}\" {{\n", escape(p.meta.name));
  out += "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=8, color=\"#555555\"];\n";
  out += fmt::format("  labelloc=t;\n  label=\"{} ({})\";\n", escape(p.meta.title), escape(p.meta.version));

  out += "  subgraph cluster_inputs {\n    label=\"Patient data\";\n    style=filled;\n    color=\"#f4f4f4\";\n";
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    const ir::Input& in = p.inputs[i];
    std::string unit = in.kind == ir::InputKind::Quantity ? " (" + in.unit + ")" : "";
    bool missing = chart.inputMissing(static_cast<uint32_t>(i));
    out += fmt::format("    {} [label=\"{}{}{}\", shape=note{}];\n", Chart::inputId(static_cast<uint32_t>(i)),
                       escape(in.name), escape(unit), missing ? "\\nmissing" : "",
                       missing ? ", color=\"#d62728\", penwidth=2, fontcolor=\"#d62728\"" : "");
  }
  out += "  }\n";

  out += "  subgraph cluster_findings {\n    label=\"Findings and derived facts\";\n    style=dashed;\n";
  for (const ir::Definition& d : p.definitions) {
    if (chart.printer_.slotName(d.node) != "define " + d.name) continue;
    std::string st = chart.state(d.node);
    out += fmt::format("    {} [label=\"{}\", shape=box, style=\"rounded,filled\", fillcolor=\"{}\"];\n",
                       chart.nodeId(d.node), escape(d.name), overlayFill(st, "#ffffff"));
  }
  for (const ir::Finding& f : p.findings) {
    std::string st = chart.state(f.node);
    out += fmt::format("    {} [label=\"{}\", shape=hexagon, style=filled, fillcolor=\"{}\"];\n", chart.nodeId(f.node),
                       escape(wrap(f.label)), overlayFill(st, "#fff7d6"));
  }
  out += "  }\n";

  // Recommendations, one cluster per category in clinical order.
  std::map<std::string, std::vector<size_t>> byCategory;
  for (size_t r = 0; r < p.recommendations.size(); ++r) byCategory[p.recommendations[r].category].push_back(r);
  for (const Category& c : kCategories) {
    auto it = byCategory.find(c.name);
    if (it == byCategory.end()) continue;
    out += fmt::format("  subgraph cluster_{} {{\n    label=\"{}\";\n    style=filled;\n    color=\"{}\";\n", c.name,
                       c.title, c.color);
    for (size_t r : it->second) {
      const ir::Recommendation& rec = p.recommendations[r];
      std::string st = chart.state(rec.status);
      std::string status = st.empty() ? "" : st == "true" ? "\\nFIRE" : st == "false" ? "\\nno" : "\\nUNDETERMINED";
      const char* border = rec.urgency == "immediate" ? ", penwidth=3, color=\"#b00020\""
                           : rec.urgency == "soon"    ? ", penwidth=2"
                                                      : "";
      out += fmt::format("    rec_{} [label=\"{}\\n[{}]{}\", shape=box, style=\"rounded,filled\", fillcolor=\"{}\"{}];\n",
                         r, escape(wrap(rec.label)), rec.urgency, status, overlayFill(st, "#ffffff"), border);
    }
    out += "  }\n";
  }

  chart.forEachEdge([&](const std::string& from, const std::string& to, const std::string& label, bool supersedes) {
    if (supersedes) {
      out += fmt::format("  {} -> {} [style=dashed, color=\"#b00020\", label=\"supersedes\", constraint=false];\n",
                         from, to);
    } else {
      out += fmt::format("  {} -> {}{};\n", from, to,
                         label.empty() ? "" : fmt::format(" [label=\"{}\"]", escape(wrap(label, 24))));
    }
  });
  out += "}\n";
  return out;
}

std::string toMermaid(const ir::Program& p, const std::optional<Overlay>& overlay) {
  Chart chart(p, overlay);
  auto text = [](const std::string& s) {
    std::string out;
    for (char c : s) out += c == '"' ? std::string("#quot;") : std::string(1, c);
    return out;
  };
  std::string out = "flowchart LR\n";
  out += "  subgraph inputs [Patient data]\n";
  for (size_t i = 0; i < p.inputs.size(); ++i) {
    out += fmt::format("    {}[\"{}\"]\n", Chart::inputId(static_cast<uint32_t>(i)), text(p.inputs[i].name));
  }
  out += "  end\n";
  for (const ir::Definition& d : p.definitions) {
    if (chart.printer_.slotName(d.node) == "define " + d.name) {
      out += fmt::format("  {}(\"{}\")\n", chart.nodeId(d.node), text(d.name));
    }
  }
  for (const ir::Finding& f : p.findings) out += fmt::format("  {}{{{{\"{}\"}}}}\n", chart.nodeId(f.node), text(f.label));
  std::map<std::string, std::vector<size_t>> byCategory;
  for (size_t r = 0; r < p.recommendations.size(); ++r) byCategory[p.recommendations[r].category].push_back(r);
  for (const Category& c : kCategories) {
    auto it = byCategory.find(c.name);
    if (it == byCategory.end()) continue;
    out += fmt::format("  subgraph {} [{}]\n", c.name, c.title);
    for (size_t r : it->second) {
      const ir::Recommendation& rec = p.recommendations[r];
      out += fmt::format("    rec_{}[\"{}<br/>[{}]\"]\n", r, text(rec.label), rec.urgency);
    }
    out += "  end\n";
    out += fmt::format("  style {} fill:{}\n", c.name, c.color);
  }
  chart.forEachEdge([&](const std::string& from, const std::string& to, const std::string& label, bool supersedes) {
    if (supersedes) {
      out += fmt::format("  {} -. supersedes .-> {}\n", from, to);
    } else {
      out += label.empty() ? fmt::format("  {} --> {}\n", from, to)
                           : fmt::format("  {} -->|\"{}\"| {}\n", from, text(label), to);
    }
  });
  if (overlay) {
    for (size_t r = 0; r < p.recommendations.size(); ++r) {
      std::string st = chart.state(p.recommendations[r].status);
      out += fmt::format("  style rec_{} fill:{}\n", r, overlayFill(st, "#ffffff"));
    }
    for (size_t i = 0; i < p.inputs.size(); ++i) {
      if (chart.inputMissing(static_cast<uint32_t>(i))) {
        out += fmt::format("  style {} stroke:#d62728,stroke-width:2px\n", Chart::inputId(static_cast<uint32_t>(i)));
      }
    }
  }
  return out;
}

}  // namespace pathway::graph
