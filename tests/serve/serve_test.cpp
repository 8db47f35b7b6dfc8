// pathwayc serve through real HTTP on loopback: discovery, patient-view for
// every sample patient (cards against pathwayc run --fhir), every card
// field, feedback and the audit log, every rejection, CORS, concurrency and
// a clean stop on SIGTERM (docs/cds-hooks.md).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <cstring>
#include <atomic>
#include <set>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/Cli.h"

namespace pathway::test {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kNow = "2026-12-03T09:00:00Z";

// One `pathwayc serve` child on a free port.
class Server {
 public:
  explicit Server(const std::vector<std::string>& extra, const std::string& library = PT_FAILURE_LIBRARY) {
    int err[2];
    if (::pipe(err) != 0) throw std::runtime_error("pipe");
    std::vector<std::string> args = {PATHWAYC, "serve", library, "--port", "0", "--now", kNow};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(err[1], 2);
      ::close(err[0]);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(err[1]);
    stderr_ = ::fdopen(err[0], "r");
    char line[512];
    while (std::fgets(line, sizeof line, stderr_)) {
      // "... listening on http(s)://127.0.0.1:PORT/cds-services ..."
      const char* at = std::strstr(line, "listening on ");
      const char* host = at ? std::strstr(at, "://127.0.0.1:") : nullptr;
      if (host) {
        port_ = std::atoi(host + 13);
        break;
      }
      firstLines_ += line;
    }
  }
  ~Server() {
    if (pid_ > 0 && !stopped_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (stderr_) std::fclose(stderr_);
  }
  int port() const { return port_; }
  const std::string& startupOutput() const { return firstLines_; }
  void signal(int sig) { ::kill(pid_, sig); }
  // The next line the server prints on stderr.
  std::string nextLine() {
    char line[512];
    return std::fgets(line, sizeof line, stderr_) ? line : "";
  }
  // SIGTERM, then the exit status.
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    stopped_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

 private:
  pid_t pid_ = -1;
  FILE* stderr_ = nullptr;
  int port_ = -1;
  bool stopped_ = false;
  std::string firstLines_;
};

// A random (version 4) UUID: 8-4-4-4-12 lower-case hex digits, the third
// group starting with 4, the fourth with 8, 9, a or b.
bool uuidV4(const std::string& s) {
  if (s.size() != 36 || s[14] != '4' || std::string("89ab").find(s[19]) == std::string::npos) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && std::string("0123456789abcdef").find(s[i]) == std::string::npos) return false;
  }
  return true;
}

// A sample patient's Bundle as a CDS Hooks request: the Patient and a
// searchset Bundle of everything else, as an EHR fills the prefetch.
Json hookRequest(const std::string& bundleFile) {
  Json bundle = Json::parse(slurp(bundleFile));
  Json patient, rest = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"entry", Json::array()}};
  for (const Json& e : bundle["entry"]) {
    if (e["resource"]["resourceType"] == "Patient") patient = e["resource"];
    else rest["entry"].push_back({{"fullUrl", e["fullUrl"]}, {"resource", e["resource"]}});
  }
  return {{"hook", "patient-view"},
          {"hookInstance", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"},
          {"context", {{"userId", "Practitioner/example"}, {"patientId", patient["id"]}}},
          {"prefetch", {{"patient", patient}, {"observations", rest}}}};
}

std::string samplePath(const std::string& name) {
  return std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure/fhir/patients/" + name;
}

const std::vector<std::string>& samples() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure/fhir/patients")) {
      out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return names;
}

// An answer without its random parts (card and suggestion uuids), to compare.
Json withoutUuids(const std::string& body) {
  Json j = Json::parse(body);
  for (Json& c : j["cards"]) {
    c.erase("uuid");
    if (c.contains("suggestions")) {
      for (Json& suggestion : c["suggestions"]) suggestion.erase("uuid");
    }
  }
  return j;
}

class Serve : public Cli {
 protected:
  void start(std::vector<std::string> extra = {}, const std::string& library = PT_FAILURE_LIBRARY) {
    audit_ = (dir_ / "audit.jsonl").string();
    extra.push_back("--audit-log");
    extra.push_back(audit_);
    server_ = std::make_unique<Server>(extra, library);
    ASSERT_GT(server_->port(), 0) << server_->startupOutput();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(20, 0);
  }
  httplib::Result post(const std::string& path, const Json& body) {
    return client_->Post(path.c_str(), body.dump(), "application/json");
  }
  std::vector<Json> auditLines() {
    std::vector<Json> out;
    std::ifstream in(audit_);
    for (std::string line; std::getline(in, line);) out.push_back(Json::parse(line));
    return out;
  }
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::string audit_;
};

TEST_F(Serve, DiscoveryListsTheServiceWithPrefetchTemplatesFromItsBindings) {
  start();
  auto res = client_->Get("/cds-services");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
  Json d = Json::parse(res->body);
  ASSERT_EQ(d["services"].size(), 3u);  // patient-view, and order-select and order-sign (the pathway has orders)
  EXPECT_EQ(d["services"][1]["id"], "pt_failure-order-select");
  EXPECT_EQ(d["services"][1]["hook"], "order-select");
  EXPECT_EQ(d["services"][2]["id"], "pt_failure-order-sign");
  EXPECT_EQ(d["services"][2]["hook"], "order-sign");
  const Json& s = d["services"][0];
  EXPECT_EQ(s["id"], "pt_failure");
  EXPECT_EQ(s["hook"], "patient-view");
  EXPECT_EQ(s["title"], "Back pain not improving after physical therapy");
  EXPECT_NE(s["description"].get<std::string>().find("2.0.0"), std::string::npos);
  EXPECT_EQ(s["prefetch"]["patient"], "Patient/{{context.patientId}}");
  const std::string obs = s["prefetch"]["observations"];
  EXPECT_EQ(obs.rfind("Observation?patient={{context.patientId}}&code=", 0), 0u) << obs;
  for (const char* code : {"http://loinc.org|4537-7", "http://loinc.org|1988-5", "http://loinc.org|72514-3"}) {
    EXPECT_NE(obs.find(code), std::string::npos) << code;
  }
  EXPECT_NE(s["prefetch"]["conditions"].get<std::string>().find("http://snomed.info/sct|128196005"), std::string::npos);
  EXPECT_NE(s["prefetch"]["procedures"].get<std::string>().find("http://loinc.org|30679-5"), std::string::npos);
  EXPECT_EQ(s["prefetch"]["responses"],
            "QuestionnaireResponse?patient={{context.patientId}}&questionnaire=urn:pathway:pt_failure:questionnaire|2.0.0");
  res = client_->Get("/healthz");
  ASSERT_TRUE(res);
  EXPECT_EQ(Json::parse(res->body)["status"], "ok");
  res = client_->Get("/cds-services/pt_failure/questionnaire");
  ASSERT_TRUE(res);
  EXPECT_EQ(Json::parse(res->body)["url"], "urn:pathway:pt_failure:questionnaire");
}

// For every sample patient: one card per recommendation `pathwayc run` says
// fired and is not superseded, ordered by urgency, and a data-needed card
// exactly when one is undetermined, naming its missing inputs.
TEST_F(Serve, PatientViewCardsAreTheFiredRecommendationsOfEverySamplePatient) {
  start();
  const std::string lib = PT_FAILURE_LIBRARY;
  for (const std::string& name : samples()) {
    SCOPED_TRACE(name);
    Outcome run = test::run("run " + lib + " --fhir " + samplePath(name) + " --now " + kNow, false);
    ASSERT_EQ(run.exit, 0);
    Json expected = Json::parse(run.output);
    std::vector<std::string> fired;
    std::set<std::string> missing;
    for (const Json& r : expected["recommendations"]) {
      if (r["status"] == "fire" && !r.contains("superseded_by")) fired.push_back(r["code"]);
      if (r["status"] == "undetermined") {
        for (const Json& m : r["missing"]) missing.insert(m);
      }
    }
    auto res = post("/cds-services/pt_failure", hookRequest(samplePath(name)));
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200) << res->body;
    Json cards = Json::parse(res->body)["cards"];
    std::vector<std::string> got;
    int lastRank = -1;
    std::set<std::string> uuids;
    for (const Json& card : cards) {
      EXPECT_TRUE(uuidV4(card["uuid"].get<std::string>())) << card["uuid"];
      uuids.insert(card["uuid"]);
      EXPECT_LT(card["summary"].get<std::string>().size(), 140u);
      EXPECT_NE(card["source"]["label"].get<std::string>().find("2.0.0"), std::string::npos);
      if (!card["source"].contains("topic")) continue;  // the data-needed card
      got.push_back(card["source"]["topic"]["code"]);
      const std::string indicator = card["indicator"];
      int rank = indicator == "critical" ? 0 : indicator == "warning" ? 1 : 2;
      EXPECT_GE(rank, lastRank) << "cards are ordered by urgency";
      lastRank = rank;
    }
    EXPECT_EQ(uuids.size(), cards.size());
    std::vector<std::string> sortedGot = got, sortedFired = fired;
    std::sort(sortedGot.begin(), sortedGot.end());
    std::sort(sortedFired.begin(), sortedFired.end());
    EXPECT_EQ(sortedGot, sortedFired);
    const bool dataCard = !cards.empty() && !cards.back()["source"].contains("topic");
    EXPECT_EQ(dataCard, !missing.empty());
    if (dataCard) {
      const std::string detail = cards.back()["detail"];
      for (const std::string& m : missing) EXPECT_NE(detail.find("**" + m + "**"), std::string::npos) << m;
      EXPECT_EQ(cards.back()["links"][0]["url"],
                "http://127.0.0.1:" + std::to_string(server_->port()) + "/cds-services/pt_failure/questionnaire");
    }
  }
}

TEST_F(Serve, ACardCarriesRationaleDecidingFactsEvidenceCitationsAndSource) {
  start();
  auto res = post("/cds-services/pt_failure", hookRequest(samplePath("05_radicular_needs_mri_emg.json")));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json mri, answer = Json::parse(res->body);
  for (const Json& card : answer["cards"]) {
    if (card["source"].contains("topic") && card["source"]["topic"]["code"] == "mri_lumbar") mri = card;
  }
  ASSERT_FALSE(mri.is_null());
  EXPECT_EQ(mri["summary"], "MRI of the lumbar spine");
  EXPECT_EQ(mri["indicator"], "warning");  // urgency soon
  const std::string detail = mri["detail"];
  EXPECT_NE(detail.find("**Why:**"), std::string::npos);
  EXPECT_NE(detail.find("- pain_now = 6 [Observation/pain-2026-12-01, 2026-12-01T10:00:00Z]"), std::string::npos) << detail;
  EXPECT_NE(detail.find("prior_imaging = xray_only [Procedure/xray-lumbar"), std::string::npos) << detail;
  EXPECT_NE(detail.find("**Source:** clinical S3.P2"), std::string::npos) << detail;
  EXPECT_EQ(mri["source"]["topic"]["system"], "urn:pathway:pt_failure:recommendation");
  EXPECT_NE(mri["source"]["label"].get<std::string>().find("content hash "), std::string::npos);
  // The audit line of the request.
  std::vector<Json> lines = auditLines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["type"], "hook");
  EXPECT_EQ(lines[0]["hookInstance"], "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
  EXPECT_EQ(lines[0]["patient"], "p05");
  EXPECT_EQ(lines[0]["statuses"]["mri_lumbar"], "fire");
  EXPECT_EQ(lines[0]["cards"].size(), Json::parse(res->body)["cards"].size());
  EXPECT_NE(std::find(lines[0]["evidence"].begin(), lines[0]["evidence"].end(), "Procedure/xray-lumbar"),
            lines[0]["evidence"].end());
}

TEST_F(Serve, FeedbackIsAppendedToTheAuditLog) {
  start();
  Json feedback = {{"feedback",
                    {{{"card", "2d6b2f3e-1111-4abc-8def-000000000001"}, {"outcome", "accepted"},
                      {"outcomeTimestamp", "2026-12-03T09:05:00Z"}},
                     {{"card", "2d6b2f3e-1111-4abc-8def-000000000002"},
                      {"outcome", "overridden"},
                      {"overrideReason", {{"reason", {{"code", "patient-declined"}}}, {"userComment", "declined MRI"}}},
                      {"outcomeTimestamp", "2026-12-03T09:06:00Z"}}}}};
  auto res = post("/cds-services/pt_failure/feedback", feedback);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  std::vector<Json> lines = auditLines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["type"], "feedback");
  EXPECT_EQ(lines[1]["outcome"], "overridden");
  EXPECT_EQ(lines[1]["overrideReason"]["userComment"], "declined MRI");
  res = post("/cds-services/pt_failure/feedback", {{"feedback", {{{"card", "x"}, {"outcome", "maybe"}, {"outcomeTimestamp", "t"}}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("outcome 'maybe' is neither accepted nor overridden"), std::string::npos);
  EXPECT_EQ(auditLines().size(), 2u);  // nothing of a rejected request
}

TEST_F(Serve, BadRequestsGetTheRightStatusAndAClearMessage) {
  start({"--max-body", "65536"});
  Json good = hookRequest(samplePath("05_radicular_needs_mri_emg.json"));
  struct Case {
    std::string path;
    std::string body;
    std::string type;
    int status;
    std::string message;
  };
  Json noPrefetch = good;
  noPrefetch.erase("prefetch");
  Json wrongHook = good;
  wrongHook["hook"] = "order-sign";
  Json noPatient = good;
  noPatient["context"].erase("patientId");
  Json otherPatient = good;
  otherPatient["context"]["patientId"] = "someone-else";
  Json badRecord = good;
  badRecord["prefetch"]["observations"]["entry"][1]["resource"]["effectiveDateTime"] = "2026-11-20";
  badRecord["prefetch"]["observations"]["entry"][1]["resource"]["valueInteger"] = "six";
  std::string deep(200, '[');
  deep += std::string(200, ']');
  const Case cases[] = {
      {"/cds-services/nope", good.dump(), "application/json", 404, "no CDS service 'nope' (services: pt_failure)"},
      {"/cds-services/pt_failure", "{\"hook\": ", "application/json", 400, "the body is not JSON"},
      {"/cds-services/pt_failure", good.dump(), "text/plain", 415, "the body must be application/json"},
      {"/cds-services/pt_failure", "[1, 2]", "application/json", 400, "the body must be a JSON object"},
      {"/cds-services/pt_failure", "{\"a\": " + deep + "}", "application/json", 400, "nested deeper than 64 levels"},
      {"/cds-services/pt_failure", std::string(70000, ' '), "application/json", 413, "too large"},
      {"/cds-services/pt_failure", noPrefetch.dump(), "application/json", 412, "no prefetch and no fhirServer"},
      {"/cds-services/pt_failure", wrongHook.dump(), "application/json", 400,
       "hook 'order-sign' is not served by 'pt_failure'"},
      {"/cds-services/pt_failure", noPatient.dump(), "application/json", 400, "'patientId' is missing or not a string"},
      {"/cds-services/pt_failure", otherPatient.dump(), "application/json", 400,
       "prefetch 'patient' is Patient/p05, not context.patientId 'someone-else'"},
      {"/cds-services/pt_failure", badRecord.dump(), "application/json", 400, "prefetch: Observation/"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.path + " " + c.body.substr(0, 60));
    auto res = client_->Post(c.path.c_str(), c.body, c.type.c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, c.status) << res->body;
    EXPECT_NE(res->body.find(c.message), std::string::npos) << res->body;
    EXPECT_EQ(res->body.find("/work/"), std::string::npos) << "no internal paths";
    EXPECT_TRUE(Json::accept(res->body)) << res->body;
  }
  auto res = client_->Get("/cds-services/pt_failure");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  EXPECT_EQ(res->get_header_value("Allow"), "POST");
  res = client_->Delete("/cds-services");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
  res = client_->Get("/nothing/here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_EQ(Json::parse(res->body)["error"], "no such endpoint");
  EXPECT_TRUE(auditLines().empty());
}

TEST_F(Serve, CorsPreflightIsAnswered) {
  start();
  httplib::Headers headers = {{"Origin", "https://sandbox.cds-hooks.org"},
                              {"Access-Control-Request-Method", "POST"},
                              {"Access-Control-Request-Headers", "authorization, content-type"}};
  auto res = client_->Options("/cds-services/pt_failure", headers);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 204);
  EXPECT_EQ(res->get_header_value("Access-Control-Allow-Origin"), "*");
  EXPECT_NE(res->get_header_value("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
  EXPECT_NE(res->get_header_value("Access-Control-Allow-Methods").find("POST"), std::string::npos);
}

TEST_F(Serve, ConcurrentRequestsGetIdenticalAnswersAndSigtermLosesNoAuditLine) {
  start({"--threads", "4"});
  const std::vector<std::string>& names = samples();
  std::vector<std::string> bodies;
  for (const std::string& n : names) bodies.push_back(hookRequest(samplePath(n)).dump());
  std::vector<Json> reference;
  for (const std::string& b : bodies) {
    auto res = client_->Post("/cds-services/pt_failure", b, "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    reference.push_back(withoutUuids(res->body));
  }
  constexpr int kThreads = 8, kPerThread = 125;  // 1,000 requests
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      c.set_read_timeout(30, 0);
      for (int i = 0; i < kPerThread; ++i) {
        size_t k = static_cast<size_t>(t + i) % bodies.size();
        auto res = c.Post("/cds-services/pt_failure", bodies[k], "application/json");
        if (!res || res->status != 200 || withoutUuids(res->body) != reference[k]) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(server_->stop(), 0);
  std::vector<Json> lines = auditLines();  // every line parses
  EXPECT_EQ(lines.size(), bodies.size() + kThreads * kPerThread);
}

TEST_F(Serve, ListensOnLoopbackByDefaultAndRefusesAPortInUse) {
  start();
  Outcome o = test::run(std::string("serve ") + PT_FAILURE_LIBRARY + " --port " + std::to_string(server_->port()));
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("cannot listen on 127.0.0.1:" + std::to_string(server_->port())), std::string::npos) << o.output;
  o = test::run(std::string("serve ") + PT_FAILURE_LIBRARY + " --hash-patient-ids --salt-file /dev/null");
  EXPECT_EQ(o.exit, 2);
}

TEST_F(Serve, PatientIdsCanBeLoggedAsSaltedHashes) {
  std::string salt = write("salt", "a-secret-salt-of-enough-length\n");
  start({"--hash-patient-ids", "--salt-file", salt});
  auto res = post("/cds-services/pt_failure", hookRequest(samplePath("05_radicular_needs_mri_emg.json")));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  std::vector<Json> lines = auditLines();
  ASSERT_EQ(lines.size(), 1u);
  const std::string id = lines[0]["patient"];
  EXPECT_EQ(id.size(), 64u);
  EXPECT_EQ(id.find("p05"), std::string::npos);
}



// A FHIR server on loopback that serves one sample Bundle through real FHIR
// search URLs (read Patient/ID; TYPE?patient=ID&code=a|b,c|d;
// QuestionnaireResponse?patient=ID&questionnaire=URL), 3 entries a page
// with `next` links, and wants a bearer token.
class FhirServer {
 public:
  FhirServer(const std::string& bundleFile, std::string token) : token_(std::move(token)) {
    Json bundle = Json::parse(slurp(bundleFile));
    for (const Json& e : bundle["entry"]) resources_.push_back(e["resource"]);
    server_.Get(R"(/fhir/Patient/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
      if (!authorized(req, res)) return;
      for (const Json& r : resources_) {
        if (r["resourceType"] == "Patient" && r["id"] == req.matches[1]) return res.set_content(r.dump(), "application/fhir+json");
      }
      res.status = 404;
    });
    server_.Get(R"(/fhir/(Observation|Condition|Procedure|QuestionnaireResponse))",
                [this](const httplib::Request& req, httplib::Response& res) {
      if (!authorized(req, res)) return;
      ++searches;
      std::vector<std::string> codes;
      std::string list = req.get_param_value("code");
      for (size_t at = 0; !list.empty() && at != std::string::npos;) {
        size_t comma = list.find(',', at);
        codes.push_back(list.substr(at, comma == std::string::npos ? comma : comma - at));
        at = comma == std::string::npos ? comma : comma + 1;
      }
      std::vector<Json> hits;
      for (const Json& r : resources_) {
        if (r["resourceType"] != req.matches[1]) continue;
        bool match = codes.empty();
        for (const Json& c : r.value("code", Json::object()).value("coding", Json::array())) {
          match = match || std::find(codes.begin(), codes.end(), c.value("system", "") + "|" + c.value("code", "")) != codes.end();
        }
        if (match) hits.push_back(r);
      }
      size_t page = req.has_param("_page") ? std::stoul(req.get_param_value("_page")) : 0;
      Json b = {{"resourceType", "Bundle"}, {"type", "searchset"}, {"total", hits.size()}, {"entry", Json::array()}};
      for (size_t i = page * 3; i < hits.size() && i < page * 3 + 3; ++i) b["entry"].push_back({{"resource", hits[i]}});
      if ((page + 1) * 3 < hits.size()) {
        b["link"] = Json::array({{{"relation", "next"},
                                  {"url", base() + "/" + std::string(req.matches[1]) + "?patient=" +
                                              req.get_param_value("patient") + "&_page=" + std::to_string(page + 1)}}});
      }
      res.set_content(b.dump(), "application/fhir+json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~FhirServer() {
    server_.stop();
    thread_.join();
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_) + "/fhir"; }
  std::atomic<int> searches{0};

 private:
  bool authorized(const httplib::Request& req, httplib::Response& res) {
    if (req.get_header_value("Authorization") == "Bearer " + token_) return true;
    res.status = 401;
    return false;
  }
  std::string token_;
  std::vector<Json> resources_;
  httplib::Server server_;
  int port_ = -1;
  std::thread thread_;
};

TEST_F(Serve, MissingPrefetchIsReadFromTheClientsFhirServer) {
  const std::string bundle = samplePath("05_radicular_needs_mri_emg.json");
  FhirServer fhir(bundle, "secret-token");
  start({"--allow-fhir-server", fhir.base()});
  auto reference = post("/cds-services/pt_failure", hookRequest(bundle));
  ASSERT_TRUE(reference);
  ASSERT_EQ(reference->status, 200);
  Json request = hookRequest(bundle);
  request.erase("prefetch");
  request["fhirServer"] = fhir.base();
  request["fhirAuthorization"] = {{"access_token", "secret-token"}, {"token_type", "Bearer"}, {"expires_in", 300},
                                  {"scope", "patient/*.read"}, {"subject", "cds-service"}};
  auto res = post("/cds-services/pt_failure", request);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(withoutUuids(res->body), withoutUuids(reference->body));
  EXPECT_GE(fhir.searches.load(), 4);  // four searches, some over several pages
  // Partial prefetch: the rest is read.
  Json partial = request;
  partial["prefetch"] = {{"patient", hookRequest(bundle)["prefetch"]["patient"]}};
  res = post("/cds-services/pt_failure", partial);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(withoutUuids(res->body), withoutUuids(reference->body));
  // A wrong token, a server not allowed, a server that is down: 412 saying why.
  Json wrongToken = request;
  wrongToken["fhirAuthorization"]["access_token"] = "nope";
  res = post("/cds-services/pt_failure", wrongToken);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 412);
  EXPECT_NE(res->body.find("cannot be read from fhirServer: GET /fhir/"), std::string::npos) << res->body;
  EXPECT_NE(res->body.find("HTTP 401"), std::string::npos) << res->body;
  Json elsewhere = request;
  elsewhere["fhirServer"] = "http://127.0.0.1:1/fhir";
  res = post("/cds-services/pt_failure", elsewhere);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 412);
  EXPECT_NE(res->body.find("fhirServer http://127.0.0.1:1/fhir is not one this service may query"), std::string::npos)
      << res->body;
  // The allow-list compares scheme, host, port and path segments, not text
  // prefixes; a token that could split a header is refused.
  const std::string allowed = fhir.base();  // http://127.0.0.1:PORT/fhir
  const std::string port = allowed.substr(17, allowed.rfind('/') - 17);
  const int before = fhir.searches.load();
  for (const std::string& other : {std::string("http://127.0.0.1.nip.io:") + port + "/fhir", allowed + "x",
                                   std::string("http://user@127.0.0.1:") + port + "/fhir"}) {
    Json sneaky = request;
    sneaky["fhirServer"] = other;
    res = post("/cds-services/pt_failure", sneaky);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 412) << other;
  }
  EXPECT_EQ(fhir.searches.load(), before);  // none of them was queried
  Json injected = request;
  injected["fhirAuthorization"]["access_token"] = "secret-token\r\nX-Evil: 1";
  res = post("/cds-services/pt_failure", injected);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 412);
  EXPECT_NE(res->body.find("is not a bearer token"), std::string::npos) << res->body;
  Json wrongType = request;
  wrongType["fhirAuthorization"]["access_token"] = 42;
  res = post("/cds-services/pt_failure", wrongType);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 412) << res->body;
  // Hostile JSON types anywhere are 400, not 500.
  Json badPatient = hookRequest(bundle);
  badPatient["prefetch"]["patient"] = 5;
  res = post("/cds-services/pt_failure", badPatient);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
}

TEST_F(Serve, AnUnreachableFhirServerIsA412WithinTheTimeLimit) {
  start({"--allow-fhir-server", "http://127.0.0.1:1/fhir"});
  Json request = hookRequest(samplePath("05_radicular_needs_mri_emg.json"));
  request.erase("prefetch");
  request["fhirServer"] = "http://127.0.0.1:1/fhir";  // nothing listens on port 1
  auto started = std::chrono::steady_clock::now();
  auto res = post("/cds-services/pt_failure", request);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 412);
  EXPECT_NE(res->body.find("Connection"), std::string::npos) << res->body;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}


// SIGHUP under load: a rebuilt library (new content hash) replaces the old
// one while requests keep arriving; none fails, and the change is logged.
TEST_F(Serve, SighupReloadsTheLibrariesWithoutFailingARequest) {
  const std::string lib = (dir_ / "libpt_failure.so").string();
  fs::copy_file(PT_FAILURE_LIBRARY, lib);
  start({"--threads", "2"}, lib);
  auto hashOf = [&] {
    auto res = client_->Get("/healthz");
    return res ? Json::parse(res->body)["services"][0]["content_hash"].get<std::string>() : std::string();
  };
  const std::string before = hashOf();
  const std::string body = hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump();
  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> load;
  for (int t = 0; t < 3; ++t) {
    load.emplace_back([&] {
      httplib::Client c("127.0.0.1", server_->port());
      c.set_read_timeout(30, 0);
      while (!done) {
        auto res = c.Post("/cds-services/pt_failure", body, "application/json");
        (res && res->status == 200 ? ok : failed)++;
      }
    });
  }
  // The same pathway with another title: another content hash, the same Questionnaire version.
  std::string source = slurp(std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure.pw");
  const std::string title = "title \"Back pain not improving after physical therapy\";";
  ASSERT_NE(source.find(title), std::string::npos);
  source.replace(source.find(title), title.size(), "title \"Back pain not improving after physical therapy (reviewed)\";");
  const std::string next = write("pt_failure.pw", source);
  ASSERT_EQ(test::run("build " + next + " -o " + (dir_ / "next.so").string()).exit, 0);
  fs::rename(dir_ / "next.so", lib);
  server_->signal(SIGHUP);
  std::string line = server_->nextLine();
  EXPECT_NE(line.find("reloaded:"), std::string::npos) << line;
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  done = true;
  for (std::thread& t : load) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 0);
  const std::string after = hashOf();
  EXPECT_NE(after, before);
  EXPECT_EQ(server_->stop(), 0);
  bool logged = false;
  for (const Json& l : auditLines()) {
    if (l["type"] == "reload") logged = l["previous_hash"] == before && l["content_hash"] == after;
  }
  EXPECT_TRUE(logged);
}

// SIGKILL mid-load, then a restart on the same audit log: every line the
// killed server wrote parses, and the new one appends after them.
TEST_F(Serve, AKilledServerLeavesAParseableAuditLogAndARestartAppends) {
  start({"--threads", "2"});
  const std::string body = hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump();
  std::atomic<bool> done{false};
  std::atomic<int> answered{0};
  std::vector<std::thread> load;
  for (int t = 0; t < 3; ++t) {
    load.emplace_back([&] {
      httplib::Client c("127.0.0.1", server_->port());
      while (!done) {
        auto res = c.Post("/cds-services/pt_failure", body, "application/json");
        if (res && res->status == 200) ++answered;
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  server_->signal(SIGKILL);
  done = true;
  for (std::thread& t : load) t.join();
  server_.reset();
  const size_t lines = auditLines().size();  // parses every line (Json::parse throws otherwise)
  EXPECT_GE(lines, static_cast<size_t>(answered.load()));  // every answered request has its line
  start();
  ASSERT_EQ(post("/cds-services/pt_failure", Json::parse(body))->status, 200);
  EXPECT_EQ(auditLines().size(), lines + 1);
}


// A draft ServiceRequest with one coding.
Json draftOrder(const std::string& id, const std::string& system, const std::string& code, const std::string& text) {
  return {{"resource",
           {{"resourceType", "ServiceRequest"}, {"id", id}, {"status", "draft"}, {"intent", "order"},
            {"code", {{"coding", Json::array({{{"system", system}, {"code", code}}})}, {"text", text}}},
            {"subject", {{"reference", "Patient/p05"}}}}}};
}

// order-select for patient 05: MRI (recommended) is supported, ESR (not
// recommended) is not with the reasons, an epidural injection is not
// decided yet with the facts that would decide it; an X-ray the pathway
// orders nothing for gets no card; unselected orders are not judged.
// order-sign judges every draft order.
TEST_F(Serve, OrderSelectSaysWhetherThePathwaySupportsEachSelectedOrder) {
  start();
  const std::string cpt = "http://www.ama-assn.org/go/cpt";
  Json request = hookRequest(samplePath("05_radicular_needs_mri_emg.json"));
  request["hook"] = "order-select";
  request["context"]["draftOrders"] = {{"resourceType", "Bundle"}, {"type", "collection"},
                                       {"entry", {draftOrder("mri", cpt, "72148", "MRI lumbar spine"),
                                                  draftOrder("esr", cpt, "85652", "ESR"),
                                                  draftOrder("esi", cpt, "62323", "Lumbar epidural injection"),
                                                  draftOrder("xr", "http://loinc.org", "48469-1", "XR lumbar"),
                                                  draftOrder("ct", cpt, "72131", "CT lumbar")}}};
  request["context"]["selections"] = {"ServiceRequest/mri", "ServiceRequest/esr", "ServiceRequest/esi", "ServiceRequest/xr"};
  auto res = post("/cds-services/pt_failure-order-select", request);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json cards = Json::parse(res->body)["cards"];
  ASSERT_EQ(cards.size(), 3u) << cards.dump(1);
  EXPECT_EQ(cards[0]["summary"], "Supported by the pathway now: MRI lumbar spine");
  EXPECT_EQ(cards[0]["indicator"], "info");
  EXPECT_EQ(cards[0]["source"]["topic"]["code"], "ServiceRequest/mri");
  EXPECT_NE(cards[0]["detail"].get<std::string>().find("pain_now = 6 [Observation/pain-2026-12-01"), std::string::npos);
  EXPECT_EQ(cards[1]["summary"], "Not supported by the pathway now: ESR");
  EXPECT_EQ(cards[1]["indicator"], "warning");
  EXPECT_NE(cards[1]["detail"].get<std::string>().find("inflammatory_back_pain = false"), std::string::npos)
      << cards[1]["detail"];
  EXPECT_EQ(cards[2]["summary"], "Not yet decided by the pathway: Lumbar epidural injection");
  EXPECT_NE(cards[2]["detail"].get<std::string>().find("**disc_herniation**"), std::string::npos);
  // order-sign: every draft order, the CT too (not recommended for patient 05).
  request["hook"] = "order-sign";
  request["context"].erase("selections");
  res = post("/cds-services/pt_failure-order-sign", request);
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  cards = Json::parse(res->body)["cards"];
  ASSERT_EQ(cards.size(), 4u);
  EXPECT_EQ(cards[3]["summary"], "Not supported by the pathway now: CT lumbar");
  // The hook must match the service; order-select needs its selections.
  res = post("/cds-services/pt_failure", request);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("hook 'order-sign' is not served by 'pt_failure' (it serves patient-view)"), std::string::npos);
  request["hook"] = "order-select";
  res = post("/cds-services/pt_failure-order-select", request);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_NE(res->body.find("'selections' is missing or not an array"), std::string::npos) << res->body;
}

// patient-view: a recommendation with orders suggests drafting it, a
// ServiceRequest with the first code of each of its code sets.
TEST_F(Serve, ARecommendedOrderComesWithASuggestionThatDraftsIt) {
  start();
  auto res = post("/cds-services/pt_failure", hookRequest(samplePath("05_radicular_needs_mri_emg.json")));
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  Json mri;
  Json answer = Json::parse(res->body);
  for (const Json& card : answer["cards"]) {
    if (card["source"].contains("topic") && card["source"]["topic"]["code"] == "mri_lumbar") mri = card;
    if (card["source"].contains("topic") && card["source"]["topic"]["code"] == "specialist_reevaluation") {
      EXPECT_FALSE(card.contains("suggestions"));  // no order to draft
    }
  }
  ASSERT_TRUE(mri.contains("suggestions"));
  EXPECT_EQ(mri["selectionBehavior"], "at-most-one");
  const Json& action = mri["suggestions"][0]["actions"][0];
  EXPECT_EQ(action["type"], "create");
  EXPECT_EQ(action["resource"]["resourceType"], "ServiceRequest");
  EXPECT_EQ(action["resource"]["status"], "draft");
  EXPECT_EQ(action["resource"]["subject"]["reference"], "Patient/p05");
  EXPECT_EQ(action["resource"]["code"]["coding"],
            (Json::array({{{"system", "http://loinc.org"}, {"code", "30679-5"}},
                          {{"system", "http://www.ama-assn.org/go/cpt"}, {"code", "72148"}}})));
}


// A client that sends its request one byte a second holds one worker; the
// others keep answering everyone else.
TEST_F(Serve, ASlowClientDoesNotBlockOthers) {
  start({"--threads", "2"});
  std::atomic<bool> done{false};
  std::thread slow([&] {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return;
    const std::string request = "POST /cds-services/pt_failure HTTP/1.1\r\nHost: x\r\n";
    for (size_t i = 0; i < request.size() && !done; ++i) {
      ::send(fd, &request[i], 1, MSG_NOSIGNAL);
      for (int t = 0; t < 10 && !done; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::close(fd);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::string body = hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump();
  auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    auto res = client_->Post("/cds-services/pt_failure", body, "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
  done = true;
  slow.join();
}

// cpp-httplib serves a connection on one pool thread for as long as it is
// kept alive: with the pool sized to the cores, a third keep-alive client
// waited for one of the first two to hang up, and as many slow clients as
// cores stalled the service. Connections have threads of their own
// (--max-connections); --threads bounds only the work.
TEST_F(Serve, KeepAliveAndSlowClientsBeyondTheComputeThreadsAreAllServed) {
  start({"--threads", "1", "--max-connections", "16"});
  std::atomic<bool> done{false};
  std::vector<std::thread> slow;
  // The slow clients stop, and are joined, however the test ends.
  struct Stop {
    std::atomic<bool>& done;
    std::vector<std::thread>& threads;
    ~Stop() {
      done = true;
      for (std::thread& t : threads) t.join();
    }
  } stop{done, slow};
  for (int s = 0; s < 4; ++s) {
    slow.emplace_back([&] {
      int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        const std::string request = "POST /cds-services/pt_failure HTTP/1.1\r\nHost: x\r\n";
        for (size_t i = 0; i < request.size() && !done; ++i) {
          ::send(fd, &request[i], 1, MSG_NOSIGNAL);
          for (int t = 0; t < 10 && !done; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
      }
      ::close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Six keep-alive clients, taking turns request by request: each turn
  // needs every one of them served while the others stay connected.
  const std::string body = hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump();
  std::vector<std::unique_ptr<httplib::Client>> clients;
  for (int c = 0; c < 6; ++c) {
    clients.push_back(std::make_unique<httplib::Client>("127.0.0.1", server_->port()));
    clients.back()->set_keep_alive(true);
    clients.back()->set_read_timeout(3, 0);  // below the server's 5 s keep-alive
  }
  auto started = std::chrono::steady_clock::now();
  for (int turn = 0; turn < 3; ++turn) {
    for (auto& client : clients) {
      auto res = client->Post("/cds-services/pt_failure", body, "application/json");
      ASSERT_TRUE(res) << "turn " << turn << ": " << httplib::to_string(res.error());
      EXPECT_EQ(res->status, 200);
    }
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(Serve, ServesHttpsWithACertificate) {
  const std::string key = (dir_ / "key.pem").string(), cert = (dir_ / "cert.pem").string();
  const std::string make = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=127.0.0.1"
                           " -addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(make.c_str()), 0);
  start({"--tls-cert", cert, "--tls-key", key});
  httplib::SSLClient tls("127.0.0.1", server_->port());
  tls.set_ca_cert_path(cert.c_str());
  tls.enable_server_certificate_verification(true);
  auto res = tls.Post("/cds-services/pt_failure", hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump(),
                      "application/json");
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(Json::parse(res->body)["cards"].back()["links"][0]["url"],
            "https://127.0.0.1:" + std::to_string(server_->port()) + "/cds-services/pt_failure/questionnaire");
  auto plain = client_->Get("/cds-services");  // plain HTTP to the TLS port gets nowhere
  EXPECT_FALSE(plain && plain->status == 200);
  Outcome o = test::run(std::string("serve ") + PT_FAILURE_LIBRARY + " --port 0 --tls-cert " + key + " --tls-key " + key);
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("cannot use the TLS certificate"), std::string::npos) << o.output;
}

#ifdef JWT_MINT
// CDS Hooks JWT authentication: tokens minted by jose (npm) for keys it
// generated; the service verifies them with OpenSSL.
class ServeJwt : public Serve {
 protected:
  void SetUp() override {
    Serve::SetUp();
    keys_ = (dir_ / "keys").string();
    fs::create_directories(keys_);
    ASSERT_EQ(std::system((std::string(PATHWAY_NODE) + " " + JWT_MINT + " keys " + keys_).c_str()), 0);
  }
  // Tokens for `specs` ({key, alg, kid, claims, header?}), in order.
  std::vector<std::string> mint(const Json& specs) {
    std::string spec = write("spec.json", specs.dump());
    std::string out = (dir_ / "tokens.json").string();
    EXPECT_EQ(std::system((std::string(PATHWAY_NODE) + " " + JWT_MINT + " tokens " + spec + " > " + out).c_str()), 0);
    return Json::parse(slurp(out)).get<std::vector<std::string>>();
  }
  Json claims(const std::string& jti, int64_t iatOffset = 0, int64_t expOffset = 300) {
    int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
    return {{"iss", "https://ehr.example.org"}, {"sub", "client-1"},
            {"aud", "http://127.0.0.1:" + std::to_string(server_->port()) + "/cds-services/pt_failure"},
            {"iat", now + iatOffset}, {"exp", now + expOffset}, {"jti", jti}};
  }
  Json spec(const std::string& key, const std::string& alg, const std::string& kid, Json c) {
    return {{"key", keys_ + "/" + key + ".private.jwk"}, {"alg", alg}, {"kid", kid}, {"claims", std::move(c)}};
  }
  httplib::Result hookWith(const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return client_->Post("/cds-services/pt_failure", headers,
                         hookRequest(samplePath("05_radicular_needs_mri_emg.json")).dump(), "application/json");
  }
  std::string keys_;
};

TEST_F(ServeJwt, ValidTokensAreAcceptedAndEveryBadOneGets401WithItsReason) {
  start({"--jwks", keys_ + "/jwks.json", "--issuer", "https://ehr.example.org"});
  Json wrongAud = claims("j-aud");
  wrongAud["aud"] = "http://elsewhere.example.org/cds-services/pt_failure";
  Json wrongIss = claims("j-iss");
  wrongIss["iss"] = "https://evil.example.org";
  Json noJti = claims("");
  noJti.erase("jti");
  Json specs = Json::array({
      spec("es384", "ES384", "es384-key", claims("j-es")),                 // 0 valid ES384
      spec("rs384", "RS384", "rs384-key", claims("j-rs")),                 // 1 valid RS384
      spec("es384", "ES384", "es384-key", claims("j-old", -900, -600)),    // 2 expired
      spec("es384", "ES384", "es384-key", claims("j-future", 600, 900)),   // 3 issued in the future
      spec("es384", "ES384", "es384-key", wrongAud),                       // 4
      spec("es384", "ES384", "es384-key", wrongIss),                       // 5
      spec("stranger", "ES384", "es384-key", claims("j-forged")),          // 6 signed by another key
      spec("es384", "ES384", "nobody", claims("j-kid")),                   // 7 unknown kid
      spec("es384", "ES384", "es384-key", noJti),                          // 8
      spec("es384", "ES384", "rs384-key", claims("j-mixed")),              // 9 an EC signature for the RSA key
  });
  std::vector<std::string> t = mint(specs);
  auto ok = hookWith(t[0]);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  ok = hookWith(t[1]);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  // alg "none": the payload of a valid token with no signature.
  std::string none = "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + t[0].substr(t[0].find('.') + 1, t[0].rfind('.') - t[0].find('.') - 1) + ".";
  const std::pair<std::string, std::string> rejected[] = {
      {"", "no bearer token"},
      {"not-a-token", "the token is not a JWS"},
      {t[0], "the token was already used (jti replayed)"},
      {t[2], "the token has expired"},
      {t[3], "the token is issued in the future"},
      {t[4], "aud is not this service (http://127.0.0.1:"},
      {t[5], "issuer 'https://evil.example.org' is not trusted"},
      {t[6], "bad signature"},
      {t[7], "unknown key id"},
      {t[8], "no token id (jti)"},
      {t[9], "key 'rs384-key' is not an ES384 key"},
      {none, "alg 'none' is not accepted"},
      {t[1].substr(0, t[1].size() - 4) + "AAAA", "bad signature"},
  };
  for (const auto& [token, reason] : rejected) {
    SCOPED_TRACE(reason);
    auto res = hookWith(token);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401) << res->body;
    EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_NE(res->body.find("unauthorized: " + reason), std::string::npos) << res->body;
  }
  EXPECT_EQ(auditLines().size(), 2u);  // only the two accepted requests
  // Discovery stays open (the EHR reads it before any call).
  auto discovery = client_->Get("/cds-services");
  ASSERT_TRUE(discovery);
  EXPECT_EQ(discovery->status, 200);
}

TEST_F(ServeJwt, AnUnusableKeySetIsRefusedAtStart) {
  std::string bad = write("bad.json", R"({"keys": [{"kty": "EC", "crv": "P-256", "kid": "k", "x": "AA", "y": "AA"}]})");
  Outcome o = test::run(std::string("serve ") + PT_FAILURE_LIBRARY + " --port 0 --jwks " + bad +
                        " --issuer https://ehr.example.org");
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("JWKS key 'k': ES384 needs crv P-384"), std::string::npos) << o.output;
}
#endif

}  // namespace
}  // namespace pathway::test
