#include "support/PathwayGenerator.h"

#include <vector>

#include <fmt/format.h>

#include "support/Random.h"

namespace pathway::bench {
namespace {

enum class Kind { Bool, Int, Enum, Weeks, Months, Esr, Percent };

struct InputDecl {
  std::string name;
  Kind kind;
};

const char* kCategories[] = {"execution", "reevaluation", "imaging", "labs",
                             "electrodiagnostics", "intervention", "surgery", "urgent"};
const char* kUrgencies[] = {"routine", "soon", "immediate"};

class Writer {
 public:
  Writer(uint32_t recommendations, uint64_t seed) : recs_(recommendations), random_{seed} {}

  std::string write() {
    out_ += fmt::format(
        "pathway generated_{} {{\n  title \"Generated pathway with {} recommendations\";\n"
        "  version \"1.0.0\";\n  author \"pathway bench\";\n"
        "  source guideline \"Generated guideline\" {{ S1.P1, S1.P2, S2.P1, S2.P2, S3.P1 }}\n}}\n\n"
        "enum Level {{ none, low, moderate, high }}\n\n",
        recs_, recs_);
    const uint32_t inputs = 40 + recs_ / 50;
    for (uint32_t i = 0; i < inputs; ++i) input(i);
    out_ += '\n';
    // Modules of ten recommendations over a window of nearby inputs.
    for (uint32_t first = 0; first < recs_; first += 10) module(first, std::min(recs_, first + 10));
    return std::move(out_);
  }

 private:
  void input(uint32_t i) {
    static const Kind kKinds[] = {Kind::Bool, Kind::Bool, Kind::Bool, Kind::Bool, Kind::Int,
                                  Kind::Enum, Kind::Weeks, Kind::Months, Kind::Esr, Kind::Percent};
    const Kind kind = kKinds[random_.below(10)];
    InputDecl d{fmt::format("fact_{}", i), kind};
    std::string type;
    switch (kind) {
      case Kind::Bool: type = "bool"; break;
      case Kind::Int: type = "int in 0..10"; break;
      case Kind::Enum: type = "Level"; break;
      case Kind::Weeks: type = "weeks in 0..520"; break;
      case Kind::Months: type = "months in 0..600"; break;
      case Kind::Esr: type = "mm/h in 0..150"; break;
      case Kind::Percent: type = "% in 0..100"; break;
    }
    out_ += fmt::format("input {}: {} \"Generated fact number {} of the patient record\";\n",
                        d.name, type, i);
    inputs_.push_back(std::move(d));
  }

  // A bool-valued atom over input `i`.
  std::string atom(uint32_t i) {
    const InputDecl& in = inputs_[i];
    const uint32_t r = random_.below(8);
    if (r == 0) return fmt::format("known({})", in.name);
    if (r == 1) return fmt::format("unknown({})", in.name);
    switch (in.kind) {
      case Kind::Bool: return r < 5 ? in.name : "not " + in.name;
      case Kind::Int: return fmt::format("{} >= {}", in.name, 1 + random_.below(9));
      case Kind::Enum:
        return r < 5 ? fmt::format("{} in {{moderate, high}}", in.name)
                     : fmt::format("{} == low", in.name);
      case Kind::Weeks: return fmt::format("{} < {} weeks", in.name, 2 + random_.below(20));
      case Kind::Months: return fmt::format("{} >= {} months", in.name, 1 + random_.below(12));
      case Kind::Esr: return fmt::format("{} > {} mm/h", in.name, 10 + random_.below(30));
      case Kind::Percent: return fmt::format("{} < {}%", in.name, 50 + random_.below(40));
    }
    return in.name;
  }

  std::string combine(const std::vector<std::string>& parts) {
    std::string text = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) {
      text += random_.below(3) == 0 ? " or " : " and ";
      text += parts[i];
    }
    return "(" + text + ")";
  }

  void module(uint32_t first, uint32_t last) {
    const uint32_t window = 24;
    const uint32_t base = random_.below(static_cast<uint32_t>(inputs_.size()) - window);
    auto near = [&] { return base + random_.below(window); };
    const uint32_t m = first / 10;
    // Five definitions (one numeric) and five findings per module.
    std::vector<std::string> defs, finds;
    uint32_t intInput = base;
    for (uint32_t k = 0; k < window; ++k) {
      if (inputs_[base + k].kind == Kind::Int) intInput = base + k;
    }
    if (inputs_[intInput].kind == Kind::Int) {
      out_ += fmt::format("define score_{} = {} - {};\n", m, inputs_[intInput].name,
                          inputs_[intInput].name == inputs_[base].name ? "2" : "1");
    }
    for (uint32_t k = 0; k < 4; ++k) {
      std::vector<std::string> parts{atom(near()), atom(near())};
      if (k > 0 && random_.below(2) == 0) parts.push_back(defs.back());
      const std::string name = fmt::format("derived_{}_{}", m, k);
      out_ += fmt::format("define {} = {};\n", name, combine(parts));
      defs.push_back(name);
    }
    for (uint32_t k = 0; k < 5; ++k) {
      const std::string name = fmt::format("finding_{}_{}", m, k);
      out_ += fmt::format(
          "finding {} {{\n  label \"Generated finding {} of module {}\";\n  when {};\n"
          "  cite S{}.P{};\n}}\n",
          name, k, m, combine({defs[random_.below(4)], atom(near())}), 1 + random_.below(2),
          1 + random_.below(2));
      finds.push_back(name);
    }
    for (uint32_t r = first; r < last; ++r) {
      std::vector<std::string> parts{finds[random_.below(5)]};
      if (random_.below(2) == 0) parts.push_back(defs[random_.below(4)]);
      parts.push_back(atom(near()));
      std::string supersedes;
      if (r % 10 == 9 && r - first >= 3) {
        supersedes = fmt::format("  supersedes rec_{}, rec_{};\n", first, first + 1);
      }
      out_ += fmt::format(
          "recommendation rec_{} {{\n  label \"Generated recommendation {}\";\n  when {};\n"
          "  category {};\n  urgency {};\n"
          "  rationale \"A generated rationale of typical length: it explains why this step "
          "follows from the findings of module {} and what the clinician should check.\";\n"
          "  cite S{}.P1;\n{}}}\n",
          r, r, combine(parts), kCategories[random_.below(8)], kUrgencies[random_.below(3)], m,
          1 + random_.below(3), supersedes);
    }
  }

  uint32_t recs_;
  Random random_;
  std::string out_;
  std::vector<InputDecl> inputs_;
};

}  // namespace

std::string generatePathway(uint32_t recommendations, uint64_t seed) {
  return Writer(recommendations, seed).write();
}

}  // namespace pathway::bench
