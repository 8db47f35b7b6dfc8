// pathwayc as a process, for the CLI and attack tests: run a command line,
// collect its output and exit code; a scratch directory per test.
#ifndef PATHWAY_TESTS_SUPPORT_CLI_H
#define PATHWAY_TESTS_SUPPORT_CLI_H

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace pathway::test {

struct Outcome {
  int exit = -1;        // 128 + signal when killed by one
  std::string output;  // stdout and stderr
};

// Runs `pathwayc ARGS` through the shell (ARGS may redirect), stderr merged
// (or dropped).
inline Outcome run(const std::string& args, bool withStderr = true) {
  std::string command = std::string(PATHWAYC) + " " + args + (withStderr ? " 2>&1" : " 2>/dev/null");
  Outcome o;
  FILE* pipe = ::popen(command.c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) o.output.append(buffer, n);
  int status = ::pclose(pipe);
  o.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return o;
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::temp_directory_path() /
           ("pathway-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    std::filesystem::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::filesystem::path dir_;
};

}  // namespace pathway::test

#endif  // PATHWAY_TESTS_SUPPORT_CLI_H
