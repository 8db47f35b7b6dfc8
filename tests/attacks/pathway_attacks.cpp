// Pathways that are valid but shaped to exhaust the compiler: chains of
// definitions, definition cycles and supersedes chains far deeper than any
// stack, dependency chains that once made code generation quadratic, and
// files of errors that once cost memory per token.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "support/Cli.h"

namespace pathway::test {
namespace {

const char* kHeader =
    "pathway p { title \"t\"; version \"1.0.0\"; source s \"src\" { S1.P1 } }\n"
    "input x: number;\n";

std::string recommendation(const std::string& name, const std::string& when, const std::string& extra = "") {
  return "recommendation " + name + " { label \"r\"; when " + when +
         "; category imaging; urgency routine; rationale \"why\"; cite S1.P1;" + extra + " }\n";
}

size_t count(const std::string& text, const std::string& word) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(word, at)) != std::string::npos; at += word.size()) ++n;
  return n;
}

using PathwayAttack = Cli;

// Each definition uses the next one, declared after it: checking in
// declaration order would recurse 20,000 levels deep.
TEST_F(PathwayAttack, DefinitionsUsingLaterOnesDoNotOverflowTheStack) {
  constexpr int kDepth = 20000;
  std::string text = kHeader;
  for (int i = 0; i < kDepth; ++i) {
    text += "define d" + std::to_string(i) + " = d" + std::to_string(i + 1) + " or x > " + std::to_string(i) + ";\n";
  }
  text += "define d" + std::to_string(kDepth) + " = x < 0;\n" + recommendation("r", "d0");
  Outcome o = run("check " + write("chain.pw", text));
  EXPECT_EQ(o.exit, 0) << o.output.substr(0, 2000);
  EXPECT_EQ(o.output, "");
}

// A cycle through 7,000 definitions is reported once, with every step.
TEST_F(PathwayAttack, LongDefinitionCycleIsReportedOnce) {
  constexpr int kLength = 7000;
  std::string text = kHeader;
  for (int i = 0; i < kLength; ++i) {
    text += "define c" + std::to_string(i) + " = c" + std::to_string((i + 1) % kLength) + " or x > 1;\n";
  }
  text += recommendation("r", "c0");
  Outcome o = run("check " + write("cycle.pw", text));
  EXPECT_EQ(o.exit, 1);
  EXPECT_EQ(count(o.output, "error: definition cycle"), 1u) << o.output.substr(0, 2000);
  EXPECT_NE(o.output.find("cycle.pw:3:8: error: definition cycle: c0 -> c1 -> c2 -> "), std::string::npos)
      << o.output.substr(0, 2000);
  EXPECT_EQ(count(o.output, "note: 'c"), static_cast<size_t>(kLength)) << o.output.substr(0, 2000);
}

// 31,000 recommendations, each superseding the next.
TEST_F(PathwayAttack, LongSupersedesChainDoesNotOverflowTheStack) {
  constexpr int kLength = 31000;
  std::string text = kHeader;
  for (int i = 0; i < kLength; ++i) {
    const std::string next = i + 1 < kLength ? " supersedes r" + std::to_string(i + 1) + ";" : "";
    text += recommendation("r" + std::to_string(i), "x > " + std::to_string(i % 10), next);
  }
  Outcome o = run("check " + write("supersedes.pw", text));
  EXPECT_EQ(o.exit, 0) << o.output.substr(0, 2000);
}

// A chain of 2,000 definitions, each adding one to the one before: the
// generated code computes each link once (2,000 additions, not one chain
// per evaluation part), and the split evaluation gives the right values.
TEST_F(PathwayAttack, DependencyChainIsCompiledOnceAcrossParts) {
  constexpr int kLength = 2000;
  std::string text = kHeader;
  text += "define d0 = x + 1;\n";
  for (int i = 1; i < kLength; ++i) {
    text += "define d" + std::to_string(i) + " = d" + std::to_string(i - 1) + " + 1;\n";
  }
  text += recommendation("r", "d" + std::to_string(kLength - 1) + " > 2003");
  const std::string pw = write("arith.pw", text);
  const std::string ll = (dir_ / "arith.ll").string(), so = (dir_ / "libarith.so").string();
  Outcome build = run("build " + pw + " -o " + so + " --emit-llvm " + ll);
  ASSERT_EQ(build.exit, 0) << build.output;
  EXPECT_EQ(count(slurp(ll), " = fadd "), static_cast<size_t>(kLength));
  Outcome fire = run("run " + so + " -i " + write("p.json", "{\"x\": 4}"));
  EXPECT_NE(fire.output.find("\"status\":\"fire\""), std::string::npos) << fire.output.substr(0, 300);
  EXPECT_NE(fire.output.find("\"d1999\":2004.0"), std::string::npos) << fire.output.substr(0, 300);
  Outcome no = run("run " + so + " -i " + write("q.json", "{\"x\": 3}"));
  EXPECT_NE(no.output.find("\"status\":\"no\""), std::string::npos) << no.output.substr(0, 300);
  Outcome unknown = run("run " + so + " -i " + write("u.json", "{}"));
  EXPECT_NE(unknown.output.find("\"status\":\"undetermined\""), std::string::npos) << unknown.output.substr(0, 300);
  EXPECT_NE(unknown.output.find("\"missing\":[\"x\"]"), std::string::npos) << unknown.output.substr(0, 300);
}

// A full output disk while linking is an error with a message, not a SIGBUS,
// and leaves nothing at the output path. Needs a 64 KiB tmpfs, so root.
TEST_F(PathwayAttack, FullOutputDiskIsAnError) {
  const std::filesystem::path disk = dir_ / "tiny";
  std::filesystem::create_directories(disk);
  if (std::system(("mount -t tmpfs -o size=64k tmpfs " + disk.string() + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (not root?)";
  }
  const std::string pt = std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure.pw";
  Outcome o = run("build " + pt + " -o " + (disk / "libpt.so").string());
  const bool empty = std::filesystem::is_empty(disk);
  std::system(("umount " + disk.string()).c_str());
  EXPECT_EQ(o.exit, 1) << o.output;
  EXPECT_NE(o.output.find("cannot write '" + (disk / "libpt.so").string() + "': No space left on device"),
            std::string::npos)
      << o.output;
  EXPECT_TRUE(empty) << "a partial library or temporary file was left behind";
}


#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
// Peak resident memory of `pathwayc ARGS` in KiB (wait4's rusage of the
// child), and its exit code.
std::pair<long, int> peakKilobytes(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(PATHWAYC)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execv(PATHWAYC, argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  ::wait4(pid, &status, 0, &usage);
  return {usage.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)};
}
#endif

// 10 MB of broken headers (the held-out case of issue 16: 20.8 s and 1.7 GB
// before). After the first errors, recovery skips to the end of the file;
// the parse then keeps no parse tree and a window of tokens, so memory is
// bounded by the file (about 4 bytes of decoded text per byte), not by its
// tokens. A limit, not a timing; sanitizers change memory, so it is checked
// only without them.
TEST_F(PathwayAttack, TenMegabytesOfBrokenHeadersStayUnder200MB) {
  std::string header = "pathway p { title \"back pain\"; version 1.0; source }\n";
  std::string text;
  while (text.size() < 10'000'000) text += header;
  std::string path = write("broken.pw", text);
  Outcome o = run("check " + path);
  EXPECT_EQ(o.exit, 1);
  EXPECT_EQ(count(o.output, "error:"), 3u) << o.output;
  EXPECT_NE(o.output.find(":2:1: error: unexpected 'pathway'; expected a declaration or end of file"),
            std::string::npos);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "memory is not comparable under a sanitizer";
#else
  auto [kilobytes, exit] = peakKilobytes({"check", path});
  EXPECT_EQ(exit, 1);
  EXPECT_LT(kilobytes, 200 * 1024);
#endif
}

}  // namespace
}  // namespace pathway::test
