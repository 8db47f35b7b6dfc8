#include "serve/Cards.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

namespace pathway::serve {
namespace {

constexpr size_t kSummaryLimit = 140;  // CDS Hooks: summary SHOULD be under 140 characters

Json metadata(const Library& library) {
  pw_library_info info = library.info();
  return Json::parse(std::string_view(info.metadata_json, info.metadata_size));
}

std::string summaryOf(const std::string& label) {
  if (label.size() < kSummaryLimit) return label;
  // Cut at a character boundary (never inside a UTF-8 sequence) and mark it.
  size_t cut = kSummaryLimit - 4;
  while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
  return label.substr(0, cut) + "...";
}

int urgencyRank(std::string_view urgency) {
  if (urgency == "immediate") return 0;
  if (urgency == "soon") return 1;
  return 2;
}

// The facts that decided a node of an explanation: for and/or, the children
// that have the node's value (all of them for a negation); the input
// details at the leaves, each "input = value [Resource/id, time]".
void decidingFacts(const Json& node, std::vector<std::string>& facts) {
  if (auto detail = node.find("detail"); detail != node.end() && detail->is_string()) {
    // Split "a = 1 [R/x, t], b = 2" at the commas outside brackets.
    const std::string& text = detail->get_ref<const std::string&>();
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
      if (i < text.size() && text[i] == '[') ++depth;
      if (i < text.size() && text[i] == ']') --depth;
      if (i == text.size() || (depth == 0 && text.compare(i, 2, ", ") == 0)) {
        std::string fact = text.substr(start, i - start);
        if (!fact.empty() && std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
        start = i + 2;
      }
    }
  }
  auto children = node.find("children");
  if (children == node.end()) return;
  const bool negation = node.value("text", "") == "not";
  for (const Json& child : *children) {
    if (negation || child.value("value", "") == node.value("value", "")) decidingFacts(child, facts);
  }
}

std::string citationText(const pw_recommendation_info& r) {
  std::string out;
  for (uint32_t i = 0; i < r.n_citations; ++i) {
    out += fmt::format("{}{} {}", i ? ", " : "", r.citations[i].source, r.citations[i].paragraph);
  }
  return out;
}

Json sourceOf(const Library& library, const pw_recommendation_info& r) {
  pw_library_info info = library.info();
  return {{"label", fmt::format("{} {} (pathway {}, content hash {:016x})", info.title, info.version, info.name,
                                info.content_hash)},
          {"topic",
           {{"system", fmt::format("urn:pathway:{}:recommendation", info.name)}, {"code", r.name}, {"display", r.label}}}};
}

std::string sourceLabel(const Library& library) {
  pw_library_info info = library.info();
  return fmt::format("{} {} (pathway {}, content hash {:016x})", info.title, info.version, info.name, info.content_hash);
}

// The facts that decided recommendation `r` (its explanation's condition).
std::vector<std::string> factsOf(const Result& result, uint32_t r) {
  Json explanation = Json::parse(result.explain(r, PW_EXPLAIN_JSON));
  std::vector<std::string> facts;
  decidingFacts(explanation["condition"], facts);
  return facts;
}

}  // namespace

bool OrderCodes::any() const {
  return std::any_of(byRecommendation.begin(), byRecommendation.end(), [](const auto& c) { return !c.empty(); });
}

OrderCodes orderCodes(const Library& library) {
  Json meta = metadata(library);
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> sets;
  if (auto fhir = meta.find("fhir"); fhir != meta.end()) {
    for (const Json& set : (*fhir)["codesets"]) {
      auto& codes = sets[set["name"].get<std::string>()];
      for (const Json& c : set["codes"]) codes.emplace_back(c["system"], c["code"]);
    }
  }
  OrderCodes out;
  for (const Json& rec : meta["recommendations"]) {
    out.byRecommendation.emplace_back();
    out.primary.emplace_back();
    if (!rec.contains("orders")) continue;
    for (const Json& name : rec["orders"]) {
      const auto& codes = sets[name.get<std::string>()];
      out.byRecommendation.back().insert(out.byRecommendation.back().end(), codes.begin(), codes.end());
      if (!codes.empty()) out.primary.back().push_back(codes.front());
    }
  }
  return out;
}

std::string indicatorFor(std::string_view urgency) {
  if (urgency == "immediate") return "critical";
  if (urgency == "soon") return "warning";
  return "info";
}

std::string newUuid() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  uint64_t hi = random(), lo = random();
  hi = (hi & ~0xF000ULL) | 0x4000ULL;                           // version 4
  lo = (lo & ~(0xC000ULL << 48)) | (0x8000ULL << 48);           // RFC 4122 variant
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", hi >> 32, (hi >> 16) & 0xFFFF, hi & 0xFFFF, lo >> 48,
                     lo & 0xFFFFFFFFFFFFULL);
}

Json prefetchTemplates(const Library& library) {
  Json meta = metadata(library);
  pw_library_info info = library.info();
  Json out = {{"patient", "Patient/{{context.patientId}}"}};
  auto fhir = meta.find("fhir");
  if (fhir != meta.end()) {
    std::map<std::string, Json> sets;
    for (const Json& set : (*fhir)["codesets"]) sets[set["name"].get<std::string>()] = set["codes"];
    // Resource type -> its bound codes, in binding order, once each.
    std::vector<std::pair<std::string, std::vector<std::string>>> byType;
    for (const Json& b : (*fhir)["bindings"]) {
      const std::string type = b["resource"];
      auto it = std::find_if(byType.begin(), byType.end(), [&](const auto& p) { return p.first == type; });
      if (it == byType.end()) it = byType.insert(byType.end(), {type, {}});
      for (const Json& m : b["codes"]) {
        for (const Json& code : sets[m["codeset"].get<std::string>()]) {
          std::string token = code["system"].get<std::string>() + "|" + code["code"].get<std::string>();
          if (std::find(it->second.begin(), it->second.end(), token) == it->second.end()) it->second.push_back(token);
        }
      }
    }
    static const std::map<std::string, std::string> kKeys = {
        {"Observation", "observations"}, {"Condition", "conditions"}, {"Procedure", "procedures"}};
    for (const auto& [type, codes] : byType) {
      std::string joined;
      for (const std::string& c : codes) joined += (joined.empty() ? "" : ",") + c;
      out[kKeys.at(type)] = type + "?patient={{context.patientId}}&code=" + joined;
    }
  }
  out["responses"] = fmt::format("QuestionnaireResponse?patient={{{{context.patientId}}}}&questionnaire="
                                 "urn:pathway:{}:questionnaire|{}",
                                 info.name, info.version);
  return out;
}

Json discoveryEntry(const Library& library) {
  pw_library_info info = library.info();
  return {{"hook", "patient-view"},
          {"id", info.name},
          {"title", info.title},
          {"description", fmt::format("Pathway '{}' version {}: {}. Cards for the recommendations that apply to the "
                                      "patient now, and the data that would decide the rest.",
                                      info.name, info.version, info.title)},
          {"prefetch", prefetchTemplates(library)}};
}

Json patientViewCards(const Library& library, const Result& result, CardOptions& options) {
  const uint32_t n = library.recommendationCount();
  std::vector<uint8_t> statuses = result.statuses();
  struct Pending {
    int rank;
    uint32_t index;
  };
  std::vector<Pending> fired;
  std::vector<uint32_t> undetermined;
  for (uint32_t r = 0; r < n; ++r) {
    if (statuses[r] == PW_FIRE) {
      fired.push_back({urgencyRank(library.recommendation(r).urgency), r});
    } else if (statuses[r] == PW_UNDETERMINED) {
      undetermined.push_back(r);
    }
  }
  std::stable_sort(fired.begin(), fired.end(), [](const Pending& a, const Pending& b) { return a.rank < b.rank; });
  Json cards = Json::array();
  const OrderCodes computed = options.orders ? OrderCodes{} : orderCodes(library);
  const OrderCodes& orders = options.orders ? *options.orders : computed;
  for (const Pending& p : fired) {
    pw_recommendation_info r = library.recommendation(p.index);
    Json explanation = Json::parse(result.explain(p.index, PW_EXPLAIN_JSON));
    std::vector<std::string> facts;
    decidingFacts(explanation["condition"], facts);
    std::string detail = std::string(r.rationale) + "\n\n**Why:**\n";
    for (const std::string& fact : facts) detail += "- " + fact + "\n";
    detail += fmt::format("\n**Source:** {} ({} urgency).", citationText(r), r.urgency);
    std::string uuid = newUuid();
    options.uuids.push_back(uuid);
    Json card = {{"uuid", uuid},
                 {"summary", summaryOf(r.label)},
                 {"indicator", indicatorFor(r.urgency)},
                 {"detail", detail},
                 {"source", sourceOf(library, r)}};
    // A recommendation that stands for an order suggests drafting it: a
    // ServiceRequest with the order's codes (one per code system named).
    const auto& codes = orders.primary[p.index];
    if (!codes.empty() && !options.patientId.empty()) {
      Json coding = Json::array();
      for (const auto& [system, code] : codes) coding.push_back({{"system", system}, {"code", code}});
      Json request = {{"resourceType", "ServiceRequest"},
                      {"status", "draft"},
                      {"intent", "proposal"},
                      {"code", {{"coding", coding}, {"text", r.label}}},
                      {"subject", {{"reference", "Patient/" + options.patientId}}}};
      card["suggestions"] = Json::array({{{"label", summaryOf(std::string("Order: ") + r.label)},
                                          {"uuid", newUuid()},
                                          {"isRecommended", true},
                                          {"actions", Json::array({{{"type", "create"},
                                                                    {"description", std::string("Draft order: ") + r.label},
                                                                    {"resource", request}}})}}});
      card["selectionBehavior"] = "at-most-one";
    }
    cards.push_back(std::move(card));
  }
  if (!undetermined.empty()) {
    // Every input that could still decide one, in input order, with what each would decide.
    std::map<uint32_t, std::vector<std::string>> decides;
    for (uint32_t r : undetermined) {
      for (uint32_t in : result.missing(r)) decides[in].push_back(library.recommendation(r).name);
    }
    pw_library_info info = library.info();
    std::string detail = fmt::format("{} recommendation{} cannot be decided yet. Recording these facts would decide "
                                     "them:\n\n",
                                     undetermined.size(), undetermined.size() == 1 ? "" : "s");
    for (const auto& [in, recs] : decides) {
      pw_input_info i = library.input(in);
      std::string list;
      for (const std::string& rec : recs) list += (list.empty() ? "" : ", ") + rec;
      detail += fmt::format("- **{}**: {} (decides {})\n", i.name, i.description, list);
    }
    detail += fmt::format("\nThe facts no record holds are asked by the pathway's Questionnaire "
                          "(urn:pathway:{}:questionnaire|{}).",
                          info.name, info.version);
    std::string uuid = newUuid();
    options.uuids.push_back(uuid);
    Json card = {{"uuid", uuid},
                 {"summary", summaryOf(fmt::format("Data needed to decide {} more recommendation{}", undetermined.size(),
                                                   undetermined.size() == 1 ? "" : "s"))},
                 {"indicator", "info"},
                 {"detail", detail},
                 {"source", {{"label", fmt::format("{} {} (pathway {}, content hash {:016x})", info.title, info.version,
                                                   info.name, info.content_hash)}}}};
    if (!options.serviceUrl.empty()) {
      card["links"] = Json::array({{{"label", "Questionnaire for the missing facts"},
                                    {"url", options.serviceUrl + "/questionnaire"},
                                    {"type", "absolute"}}});
    }
    cards.push_back(std::move(card));
  }
  return {{"cards", cards}};
}

Json orderCards(const Library& library, const Result& result, const std::vector<Json>& orders, CardOptions& options) {
  const OrderCodes computed = options.orders ? OrderCodes{} : orderCodes(library);
  const OrderCodes& codes = options.orders ? *options.orders : computed;
  std::vector<uint8_t> statuses = result.statuses();
  Json cards = Json::array();
  for (const Json& order : orders) {
    // The order's codings.
    std::vector<std::pair<std::string, std::string>> coded;
    std::string display;
    if (auto code = order.find("code"); code != order.end() && code->is_object()) {
      display = code->value("text", "");
      for (const Json& c : code->value("coding", Json::array())) {
        if (!c.is_object() || !c.contains("system") || !c.contains("code")) continue;
        if (!c["system"].is_string() || !c["code"].is_string()) continue;
        coded.emplace_back(c["system"], c["code"]);
        if (display.empty()) display = c.value("display", c["code"].get<std::string>());
      }
    }
    std::vector<uint32_t> matching;
    for (uint32_t r = 0; r < codes.byRecommendation.size(); ++r) {
      for (const auto& code : coded) {
        const auto& mine = codes.byRecommendation[r];
        if (std::find(mine.begin(), mine.end(), code) != mine.end()) {
          matching.push_back(r);
          break;
        }
      }
    }
    if (matching.empty()) continue;  // an order the pathway says nothing about
    const std::string what = display.empty() ? std::string(library.recommendation(matching[0]).label) : display;
    auto with = [&](uint8_t status) {
      for (uint32_t r : matching) {
        if (statuses[r] == status) return static_cast<int64_t>(r);
      }
      return int64_t{-1};
    };
    std::string summary, indicator, detail;
    if (int64_t r = with(PW_FIRE); r >= 0) {
      pw_recommendation_info info = library.recommendation(static_cast<uint32_t>(r));
      summary = "Supported by the pathway now: " + what;
      indicator = "info";
      detail = fmt::format("The pathway recommends **{}** for this patient now. {}\n\n**Why:**\n", info.label, info.rationale);
      for (const std::string& f : factsOf(result, static_cast<uint32_t>(r))) detail += "- " + f + "\n";
      detail += fmt::format("\n**Source:** {}.", citationText(info));
    } else if (int64_t u = with(PW_UNDETERMINED); u >= 0) {
      pw_recommendation_info info = library.recommendation(static_cast<uint32_t>(u));
      summary = "Not yet decided by the pathway: " + what;
      indicator = "info";
      detail = fmt::format("Whether the pathway recommends **{}** depends on facts not recorded yet:\n\n", info.label);
      for (uint32_t in : result.missing(static_cast<uint32_t>(u))) {
        pw_input_info i = library.input(in);
        detail += fmt::format("- **{}**: {}\n", i.name, i.description);
      }
      detail += fmt::format("\n**Source:** {}.", citationText(info));
    } else {
      summary = "Not supported by the pathway now: " + what;
      indicator = "warning";
      detail = "The pathway does not recommend this order for this patient now.\n";
      for (uint32_t r2 : matching) {
        pw_recommendation_info info = library.recommendation(r2);
        std::vector<uint32_t> by = result.supersededBy(r2);
        if (!by.empty()) {
          detail += fmt::format("\n**{}** is replaced by **{}**.\n", info.label, library.recommendation(by[0]).label);
          continue;
        }
        detail += fmt::format("\n**{}**: its conditions do not hold:\n", info.label);
        for (const std::string& f : factsOf(result, r2)) detail += "- " + f + "\n";
        detail += fmt::format("(Source: {}.)\n", citationText(info));
      }
    }
    std::string uuid = newUuid();
    options.uuids.push_back(uuid);
    Json card = {{"uuid", uuid}, {"summary", summaryOf(summary)}, {"indicator", indicator}, {"detail", detail},
                 {"source", {{"label", sourceLabel(library)}}}};
    if (!order.value("id", "").empty()) {
      card["source"]["topic"] = {{"system", "urn:pathway:order"},
                                 {"code", order.value("resourceType", "ServiceRequest") + "/" + order.value("id", "")},
                                 {"display", what}};
    }
    cards.push_back(std::move(card));
  }
  return {{"cards", cards}};
}

}  // namespace pathway::serve
