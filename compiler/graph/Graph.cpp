#include "graph/Graph.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

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

const Category* categoryOf(const std::string& name) {
  for (const Category& c : kCategories) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

enum class Kind { Definition, Finding, Recommendation };
enum class State { None, True, False, Unknown };

// One operand of a box's condition: its text, the inputs it reads itself
// (not through a named node) and the named nodes it reads.
struct Row {
  std::string text;
  ir::NodeId node = 0;
  std::vector<ir::NodeId> inputs;  // Input nodes, in first-use order
};

struct Box {
  Kind kind = Kind::Definition;
  std::string name;         // the declaration's name: `pw-node-NAME`
  std::string dotId;        // n_NAME, or rec_R for recommendations
  std::string title;        // the name, or the finding's / recommendation's label
  std::string connective;   // "all of" / "any of" / empty
  ir::NodeId value = 0;     // the node whose value the box shows (a recommendation: its status)
  std::optional<ir::NodeId> self;  // a definition's or finding's own node
  std::vector<Row> rows;
  std::vector<std::string> supersededBy;  // recommendations that supersede this one
  bool rowsShown = true;  // false: a recommendation reading one named node says so by its arrow alone
  std::optional<size_t> stage;
  const ir::Recommendation* rec = nullptr;
};

struct Arrow {
  size_t from = 0, to = 0;        // boxes
  std::optional<size_t> row;      // the row of `to` that reads `from`
};

// The chart's content, shared by the DOT and Mermaid writers.
class Model {
 public:
  Model(const ir::Program& program, const ChartOptions& options)
      : program_(program), options_(options), printer_(program) {
    std::optional<std::set<std::string>> only;
    if (options.focus) {
      for (uint32_t r = 0; r < program.recommendations.size(); ++r) {
        if (program.recommendations[r].name == *options.focus) only = conditionSubgraph(program, r);
      }
    }
    auto wanted = [&](const std::string& name) { return !only || only->count(name) != 0; };
    for (const ir::Definition& d : program.definitions) {
      if (printer_.slotName(d.node) != "define " + d.name || !wanted(d.name)) continue;
      addBox(Kind::Definition, d.name, "n_" + d.name, d.name, d.node, d.node, nullptr);
    }
    for (const ir::Finding& f : program.findings) {
      if (!wanted(f.name)) continue;
      addBox(Kind::Finding, f.name, "n_" + f.name, f.label, f.node, f.node, nullptr);
    }
    for (size_t r = 0; r < program.recommendations.size(); ++r) {
      const ir::Recommendation& rec = program.recommendations[r];
      if (!wanted(rec.name)) continue;
      addBox(Kind::Recommendation, rec.name, "rec_" + std::to_string(r), rec.label, rec.condition, rec.status, &rec);
      recBox_[r] = boxes.size() - 1;
    }
    for (size_t b = 0; b < boxes.size(); ++b) {
      for (size_t k = 0; k < boxes[b].rows.size(); ++k) {
        for (ir::NodeId named : namedUnder(boxes[b].rows[k].node, boxes[b].self)) {
          auto it = namedBox_.find(named);
          if (it != namedBox_.end()) addArrow({it->second, b, k});
        }
      }
    }
    // Supersession is a footnote on the superseded box, not an arrow: the
    // urgent recommendations supersede nearly all others.
    for (const ir::Recommendation& rec : program.recommendations) {
      for (uint32_t s : rec.supersedes) {
        auto it = recBox_.find(s);
        if (it != recBox_.end()) boxes[it->second].supersededBy.push_back(rec.name);
      }
    }
  }

  const ir::Program& program() const { return program_; }
  const ChartOptions& options() const { return options_; }

  State state(ir::NodeId id) const {
    if (!options_.overlay) return State::None;
    const ir::NodeValue& v = options_.overlay->nodes[id];
    return !v.known ? State::Unknown : v.value != 0 ? State::True : State::False;
  }
  bool isBool(ir::NodeId id) const { return program_.nodes[id].type == ir::Type::Bool; }

  // The value of a non-boolean node ("3"), or "unknown".
  std::string number(ir::NodeId id) const {
    const ir::NodeValue& v = options_.overlay->nodes[id];
    return v.known ? ir::formatNumber(v.value) : "unknown";
  }

  // One input's value for the overlay: "pain_now = 6", "crp unknown".
  std::string inputValue(ir::NodeId inputNode) const {
    const ir::Input& in = program_.inputs[program_.nodes[inputNode].input];
    const ir::NodeValue& v = options_.overlay->nodes[inputNode];
    if (!v.known) return in.name + " unknown";
    std::string value;
    switch (in.kind) {
      case ir::InputKind::Bool: value = v.value != 0 ? "yes" : "no"; break;
      case ir::InputKind::Enum: {
        auto i = static_cast<size_t>(v.value);
        value = i < in.labels.size() ? in.labels[i] : ir::formatNumber(v.value);
        break;
      }
      case ir::InputKind::Quantity:
        value = ir::formatNumber(v.value) + (in.unit == "%" ? "%" : " " + in.unit);
        break;
      default: value = ir::formatNumber(v.value);
    }
    return in.name + " = " + value;
  }

  // A recommendation's status word for the overlay.
  std::string statusWord(const Box& box) const {
    State status = state(box.value);
    if (status == State::True) return "FIRES";
    if (status == State::Unknown) return "UNDETERMINED";
    return state(box.rec->condition) == State::False ? "does not apply" : "superseded";
  }

  // Whether truth flows along an arrow: its source holds and so does the
  // row (and box) it feeds.
  State arrowState(const Arrow& a) const {
    State from = state(boxes[a.from].value);
    if (from != State::True) return from;
    ir::NodeId into = a.row ? boxes[a.to].rows[*a.row].node : boxes[a.to].value;
    return state(into) == State::True && state(boxes[a.to].value) == State::True ? State::True : State::False;
  }

  std::vector<Box> boxes;
  std::vector<Arrow> arrows;

 private:
  void addBox(Kind kind, const std::string& name, const std::string& dotId, const std::string& title,
              ir::NodeId root, ir::NodeId value, const ir::Recommendation* rec) {
    Box box;
    box.kind = kind;
    box.name = name;
    box.dotId = dotId;
    box.title = title;
    box.value = value;
    box.rec = rec;
    if (kind != Kind::Recommendation) box.self = root;
    if (options_.stages) {
      auto it = options_.stages->of.find(name);
      if (it != options_.stages->of.end()) box.stage = it->second;
    }
    // A definition or finding lists its own expression; a recommendation
    // whose condition is a named node lists that name.
    const ir::Node& n = program_.nodes[root];
    bool expand = kind != Kind::Recommendation || printer_.slotName(root).empty();
    std::vector<ir::NodeId> operands;
    if (expand && (n.op == ir::Op::And || n.op == ir::Op::Or)) {
      box.connective = n.op == ir::Op::And ? "all of" : "any of";
      flatten(root, n.op, root, operands);
    } else {
      operands.push_back(root);
    }
    for (ir::NodeId o : operands) {
      Row row;
      row.node = o;
      row.text = o == root && expand ? printer_.expression(o) : printer_.text(o);
      collectInputs(o, o == root && expand, row.inputs);
      box.rows.push_back(std::move(row));
    }
    box.rowsShown = !(kind == Kind::Recommendation && box.rows.size() == 1 && box.rows[0].inputs.empty() &&
                      !printer_.slotName(box.rows[0].node).empty());
    if (kind != Kind::Recommendation) namedBox_[root] = boxes.size();
    boxes.push_back(std::move(box));
  }

  void flatten(ir::NodeId id, ir::Op op, ir::NodeId root, std::vector<ir::NodeId>& out) const {
    const ir::Node& n = program_.nodes[id];
    if (n.op == op && (id == root || printer_.slotName(id).empty())) {
      for (ir::NodeId a : n.args) flatten(a, op, root, out);
    } else {
      out.push_back(id);
    }
  }

  // The Input nodes under `id`, not looking into named nodes (except `id`
  // itself when `self`).
  void collectInputs(ir::NodeId id, bool self, std::vector<ir::NodeId>& out) const {
    if (!self && !printer_.slotName(id).empty()) return;
    const ir::Node& n = program_.nodes[id];
    if (n.op == ir::Op::Input) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
      return;
    }
    for (ir::NodeId a : n.args) collectInputs(a, false, out);
  }

  // The named nodes an operand reads (itself, if it is one), not looking
  // into them; a box's own node (`self`) is looked into.
  std::vector<ir::NodeId> namedUnder(ir::NodeId operand, std::optional<ir::NodeId> self) const {
    std::vector<ir::NodeId> out, work = {operand};
    std::set<ir::NodeId> seen;
    while (!work.empty()) {
      ir::NodeId id = work.back();
      work.pop_back();
      if (!seen.insert(id).second) continue;
      if (id != self && !printer_.slotName(id).empty()) {
        out.push_back(id);
        continue;
      }
      const ir::Node& n = program_.nodes[id];
      work.insert(work.end(), n.args.rbegin(), n.args.rend());
    }
    return out;
  }

  void addArrow(const Arrow& arrow) {
    for (const Arrow& a : arrows) {
      if (a.from == arrow.from && a.to == arrow.to) return;
    }
    arrows.push_back(arrow);
  }

  const ir::Program& program_;
  const ChartOptions& options_;
  ir::Printer printer_;
  std::map<ir::NodeId, size_t> namedBox_;  // a definition's or finding's node -> its box
  std::map<size_t, size_t> recBox_;        // recommendation index -> its box
};

// ---- DOT -----------------------------------------------------------------

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

std::string html(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Wraps at spaces after `width` characters; lines joined with `br`.
std::string wrap(const std::string& s, size_t width, const std::string& br) {
  std::string out;
  size_t column = 0;
  for (char c : s) {
    if (c == ' ' && column >= width) {
      out += br;
      column = 0;
      continue;
    }
    out.push_back(c);
    ++column;
  }
  return out;
}

std::string htmlWrapped(const std::string& s, size_t width) {
  return wrap(html(s), width, "<BR ALIGN=\"LEFT\"/>");
}

const char* stateText(State s) {
  switch (s) {
    case State::True: return "#1a6b2f";
    case State::False: return "#767676";
    case State::Unknown: return "#8a5300";
    default: return "#222222";
  }
}
const char* stateFill(State s, const char* base) {
  switch (s) {
    case State::True: return "#c8ecd0";
    case State::False: return "#f2f2f2";
    case State::Unknown: return "#ffe7b0";
    default: return base;
  }
}
const char* stateMark(State s) {
  switch (s) {
    case State::True: return "\u2713 ";  // check mark
    case State::False: return "\u2717 ";  // ballot x
    case State::Unknown: return "? ";
    default: return "";
  }
}

// An empty column at the right of every box: viewers measure text a few
// per cent wider than dot does (Chromium against Pango, same font), and
// the gutter keeps the widest row inside the border.
constexpr const char* kGutter = "<TD WIDTH=\"8\"></TD>";

std::string rowLabel(const Model& m, const Box& box, size_t k) {
  const Row& row = box.rows[k];
  std::string text = htmlWrapped(row.text, 44);
  std::string attrs = fmt::format(" PORT=\"r{}\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" ID=\"pw-row-{}-{}\"", k, box.name, k);
  if (!row.inputs.empty()) {
    const ir::Input& first = m.program().inputs[m.program().nodes[row.inputs[0]].input];
    attrs += fmt::format(" HREF=\"#pw-in-{}\" TOOLTIP=\"{}\"", first.name,
                         html(first.description.empty() ? first.name : first.description));
  }
  if (!m.options().overlay) return fmt::format("<TR><TD{}>{}</TD>{}</TR>", attrs, text, kGutter);
  State s = m.isBool(row.node) ? m.state(row.node) : State::None;
  std::string values;
  if (!m.isBool(row.node)) values = " = " + m.number(row.node);
  std::vector<std::string> shown;
  for (ir::NodeId in : row.inputs) shown.push_back(m.inputValue(in));
  if (!shown.empty()) values += "<BR ALIGN=\"LEFT\"/><I>" + html(fmt::format("{}", fmt::join(shown, ", "))) + "</I>";
  return fmt::format("<TR><TD{}><FONT COLOR=\"{}\">{}{}{}</FONT></TD>{}</TR>", attrs, stateText(s), stateMark(s), text,
                     values, kGutter);
}

std::string boxLabel(const Model& m, const Box& box) {
  State s = m.state(box.value);
  const char* base = "#ffffff";
  std::string subtitle;
  if (box.kind == Kind::Finding) {
    base = "#fff7d6";
    subtitle = "finding " + box.name;
  } else if (box.kind == Kind::Recommendation) {
    const Category* c = categoryOf(box.rec->category);
    base = c ? c->color : "#ffffff";
    subtitle = fmt::format("{} \u00b7 {}", c ? c->title : box.rec->category, box.rec->urgency);
  }
  std::string header = "<B>" + htmlWrapped(box.title, 30) + "</B>";
  if (!subtitle.empty()) header += "<BR ALIGN=\"LEFT\"/><FONT POINT-SIZE=\"8\">" + html(subtitle) + "</FONT>";
  if (box.kind == Kind::Recommendation && m.options().overlay) header += "<BR ALIGN=\"LEFT\"/><B>" + m.statusWord(box) + "</B>";
  if (box.kind == Kind::Definition && m.options().overlay && !m.isBool(box.value)) {
    header += " = " + m.number(box.value);
  }
  if (!box.connective.empty()) header += "<BR ALIGN=\"LEFT\"/><I>" + box.connective + ":</I>";
  const char* border = "#555555";
  int width = 1;
  if (box.rec && box.rec->urgency == "immediate") border = "#b00020", width = 3;
  if (box.rec && box.rec->urgency == "soon") width = 2;
  std::string out = fmt::format(
      "<<TABLE BORDER=\"{}\" COLOR=\"{}\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" BGCOLOR=\"{}\" "
      "STYLE=\"ROUNDED\">",
      width, border, m.options().overlay ? stateFill(s, base) : base);
  out += fmt::format("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{}</TD>{}</TR>", header, kGutter);
  if (box.rowsShown) {
    for (size_t k = 0; k < box.rows.size(); ++k) out += rowLabel(m, box, k);
  }
  if (!box.supersededBy.empty()) {
    out += fmt::format("<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#b00020\">{}</FONT></TD>{}</TR>",
                       htmlWrapped(fmt::format("superseded by {}", fmt::join(box.supersededBy, ", ")), 44), kGutter);
  }
  return out + "</TABLE>>";
}

}  // namespace

std::set<std::string> conditionSubgraph(const ir::Program& program, uint32_t recommendation) {
  ir::Printer printer(program);
  const ir::Recommendation& rec = program.recommendations[recommendation];
  std::set<std::string> names = {rec.name};
  std::set<ir::NodeId> seen;
  std::vector<ir::NodeId> work = {rec.condition};
  while (!work.empty()) {
    ir::NodeId id = work.back();
    work.pop_back();
    if (!seen.insert(id).second) continue;
    std::string name = printer.name(id);
    if (!name.empty()) names.insert(name);
    const ir::Node& n = program.nodes[id];
    work.insert(work.end(), n.args.begin(), n.args.end());
  }
  return names;
}

// The chart's font: dot sizes every box by the text's width in this font,
// so a viewer must draw the same one. DejaVu Sans is what Debian's
// fontconfig gives for Helvetica and what Chromium then draws; named
// outright, dot's measure and the browser's rendering agree.
constexpr const char* kFont = "DejaVu Sans";

std::string dotChart(const ir::Program& p, const ChartOptions& options) {
  Model m(p, options);
  std::string out = fmt::format("digraph {} {{\n", quoted(p.meta.name));
  out += "  rankdir=LR;\n  nodesep=0.18;\n  ranksep=0.55;\n";
  out += fmt::format("  node [shape=plain, fontname=\"{}\", fontsize=10];\n", kFont);
  out += fmt::format("  edge [fontname=\"{}\", fontsize=8, color=\"#555555\", arrowsize=0.7];\n", kFont);
  std::string title = options.focus ? fmt::format("{} ({}): what {} reads", p.meta.title, p.meta.version, *options.focus)
                                    : fmt::format("{} ({})", p.meta.title, p.meta.version);
  out += fmt::format("  labelloc=t;\n  fontname=\"{}\";\n  label={};\n", kFont, quoted(title));

  auto box = [&](const Box& b, const char* indent) {
    out += fmt::format("{}{} [id={}, label={}];\n", indent, b.dotId, quoted("pw-node-" + b.name), boxLabel(m, b));
  };
  size_t stageCount = options.stages ? options.stages->titles.size() : 0;
  for (size_t s = 0; s < stageCount; ++s) {
    if (std::none_of(m.boxes.begin(), m.boxes.end(), [&](const Box& b) { return b.stage == s; })) continue;
    out += fmt::format(
        "  subgraph cluster_stage{} {{\n    id={};\n    label={};\n    labeljust=l;\n    fontsize=12;\n"
        "    style=\"rounded,filled\";\n    fillcolor=\"#f6f7f9\";\n    color=\"#c5cad3\";\n",
        s, quoted(fmt::format("pw-stage-{}", s)), quoted(options.stages->titles[s]));
    for (const Box& b : m.boxes) {
      if (b.stage == s) box(b, "    ");
    }
    out += "  }\n";
  }
  for (const Box& b : m.boxes) {
    if (!b.stage || *b.stage >= stageCount) box(b, "  ");
  }

  for (const Arrow& a : m.arrows) {
    const Box& from = m.boxes[a.from];
    const Box& to = m.boxes[a.to];
    std::string attrs = "id=" + quoted("pw-edge-" + from.name + "--" + to.name);
    // An arrow against the stages' order does not rank its ends.
    if (from.stage && to.stage && *from.stage > *to.stage) attrs += ", constraint=false";
    if (options.overlay) {
      switch (m.arrowState(a)) {
        case State::True: attrs += ", color=\"#1a6b2f\", penwidth=2.5"; break;
        case State::Unknown: attrs += ", color=\"#b07000\", style=dashed"; break;
        default: attrs += ", color=\"#c8c8c8\"";
      }
    }
    std::string head = a.row && to.rowsShown ? fmt::format("{}:r{}:w", to.dotId, *a.row) : to.dotId;
    out += fmt::format("  {} -> {} [{}];\n", from.dotId, head, attrs);
  }
  out += "}\n";
  return out;
}

std::string mermaidChart(const ir::Program& p, const ChartOptions& options) {
  Model m(p, options);
  auto text = [](const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '"') out += "#quot;";
      else if (c == '<') out += "#lt;";
      else if (c == '>') out += "#gt;";
      else out.push_back(c);
    }
    return out;
  };
  auto node = [&](const Box& b, const char* indent) {
    std::string label = "<b>" + text(b.title) + "</b>";
    if (b.rec) label += "<br/>[" + b.rec->urgency + "]";
    if (b.rec && options.overlay) label += "<br/>" + m.statusWord(b);
    if (!b.connective.empty()) label += "<br/><i>" + b.connective + ":</i>";
    for (const Row& r : b.rows) {
      if (!b.rowsShown) break;
      label += "<br/>" + text(r.text);
    }
    if (!b.supersededBy.empty()) label += fmt::format("<br/><small>superseded by {}</small>", fmt::join(b.supersededBy, ", "));
    const char* open = b.kind == Kind::Finding ? "{{" : b.kind == Kind::Definition ? "(" : "[";
    const char* close = b.kind == Kind::Finding ? "}}" : b.kind == Kind::Definition ? ")" : "]";
    return fmt::format("{}{}{}\"{}\"{}\n", indent, b.dotId, open, label, close);
  };
  std::string out = "flowchart LR\n";
  size_t stageCount = options.stages ? options.stages->titles.size() : 0;
  for (size_t s = 0; s < stageCount; ++s) {
    std::string body;
    for (const Box& b : m.boxes) {
      if (b.stage == s) body += node(b, "    ");
    }
    if (body.empty()) continue;
    out += fmt::format("  subgraph stage{} [\"{}\"]\n{}  end\n", s, text(options.stages->titles[s]), body);
  }
  for (const Box& b : m.boxes) {
    if (!b.stage || *b.stage >= stageCount) out += node(b, "  ");
  }
  for (const Arrow& a : m.arrows) {
    const Box& from = m.boxes[a.from];
    const Box& to = m.boxes[a.to];
    out += fmt::format("  {} --> {}\n", from.dotId, to.dotId);
  }
  for (const Box& b : m.boxes) {
    if (b.rec) {
      const Category* c = categoryOf(b.rec->category);
      if (c) out += fmt::format("  style {} fill:{}\n", b.dotId, c->color);
    }
  }
  if (options.overlay) {
    for (const Box& b : m.boxes) {
      State s = m.state(b.value);
      out += fmt::format("  style {} fill:{},stroke:{}\n", b.dotId, stateFill(s, "#ffffff"), stateText(s));
    }
  }
  return out;
}

}  // namespace pathway::graph
