// serve(): the server over a pair of streams. A reader thread parses
// messages and notes cancellations as soon as they arrive, so a queued
// request that was cancelled is answered with RequestCancelled instead of
// being run; the calling thread runs the server and its debounce timer.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "lsp/Server.h"
#include "lsp/Transport.h"

namespace pathway::lsp {
namespace {

class Inbox {
 public:
  void push(Incoming m) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(std::move(m));
    }
    ready_.notify_one();
  }
  // The next message, or nothing when `deadline` passes first.
  std::optional<Incoming> pop(std::optional<Clock::time_point> deadline) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto ready = [&] { return !queue_.empty(); };
    if (deadline) {
      if (!ready_.wait_until(lock, *deadline, ready)) return std::nullopt;
    } else {
      ready_.wait(lock, ready);
    }
    Incoming m = std::move(queue_.front());
    queue_.pop_front();
    return m;
  }
  void cancel(const json& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_.size() >= 4096) cancelled_.clear();  // ids of requests long answered
    cancelled_.insert(id.dump());
  }
  bool takeCancelled(const json& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    return cancelled_.erase(id.dump()) > 0;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Incoming> queue_;
  std::set<std::string> cancelled_;
};

bool isCancel(const Incoming& m) {
  return m.status == Incoming::Status::Message && m.message.is_object() &&
         m.message.value("method", json()) == "$/cancelRequest" && !m.message.contains("id") &&
         m.message.contains("params") && m.message["params"].is_object() && m.message["params"].contains("id");
}

}  // namespace

int serve(std::FILE* in, std::FILE* out, ServerOptions options) {
  auto transport = std::make_shared<Transport>(in, out);
  auto inbox = std::make_shared<Inbox>();
  // The reader may still be blocked in a read when the server exits; it is
  // detached and ends with the process.
  std::thread reader([inbox, transport] {
    for (;;) {
      Incoming m = transport->read();
      bool eof = m.status == Incoming::Status::Eof;
      if (isCancel(m)) {
        inbox->cancel(m.message["params"]["id"]);
      } else {
        inbox->push(std::move(m));
      }
      if (eof) return;
    }
  });
  reader.detach();

  Server server([transport](const json& message) { transport->write(message); }, options);
  server.setCancelled([inbox](const json& id) { return inbox->takeCancelled(id); });
  while (!server.exited()) {
    std::optional<Incoming> m = inbox->pop(server.nextDeadline());
    if (m) {
      if (m->status == Incoming::Status::Eof) break;
      if (m->status == Incoming::Status::Malformed) {
        server.malformed(m->errorCode, m->error);
      } else {
        server.handle(m->message);
      }
    }
    server.flush(Clock::now());
  }
  std::fflush(out);
  return server.exitCode();
}

}  // namespace pathway::lsp
