#include "support/Process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

extern char** environ;

namespace pathway::bench {

ProcessRun runProcess(const std::vector<std::string>& command, const std::string& stdoutPath) {
  // Peak RSS comes from GNU time, not from our own wait4: a child spawned
  // from this (large) benchmark process inherits its high-water mark
  // across exec, so wait4 would report the benchmark's size, not pathwayc's.
  const std::string rssPath = stdoutPath + ".rss";
  std::vector<std::string> argv = {"/usr/bin/time", "-f", "%M", "-o", rssPath};
  argv.insert(argv.end(), command.begin(), command.end());
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  ProcessRun run;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
    posix_spawn_file_actions_destroy(&actions);
    return run;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  // time(1) writes "Command exited with non-zero status N" first when the
  // command fails: the figure is on the last line.
  std::ifstream rss(rssPath);
  std::string line, last;
  while (std::getline(rss, line)) {
    if (!line.empty()) last = line;
  }
  if (!last.empty() && last.find_first_not_of("0123456789") == std::string::npos) {
    run.peakRssMiB = std::stod(last) / 1024.0;
  }
  std::remove(rssPath.c_str());
  return run;
}

}  // namespace pathway::bench
