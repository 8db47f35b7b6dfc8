#include "lsp/Transport.h"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>

#include "lsp/Protocol.h"

namespace pathway::lsp {
namespace {

bool startsWithNoCase(const std::string& s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

Incoming malformed(int code, std::string error) {
  Incoming m;
  m.status = Incoming::Status::Malformed;
  m.errorCode = code;
  m.error = std::move(error);
  return m;
}

}  // namespace

// One header line without its "\r\n" (a bare "\n" is accepted too). False
// at end of input. A line over the limit is consumed to its end.
bool Transport::readLine(std::string& line, bool& tooLong) {
  line.clear();
  tooLong = false;
  int c;
  while ((c = std::fgetc(in_)) != EOF) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return true;
    }
    if (line.size() < kMaxHeaderLine) {
      line.push_back(static_cast<char>(c));
    } else {
      tooLong = true;
    }
  }
  return !line.empty();
}

Incoming Transport::read() {
  std::string line;
  bool tooLong = false;
  // Skip blank lines between messages.
  do {
    if (!readLine(line, tooLong)) return Incoming{};
  } while (line.empty() && !tooLong);

  bool haveLength = false;
  bool badHeader = false;
  std::string problem;
  unsigned long long length = 0;
  size_t lines = 0;
  for (;;) {
    if (tooLong) {
      badHeader = true;
      problem = fmt::format("header line longer than {} bytes", kMaxHeaderLine);
    } else if (++lines > kMaxHeaderLines) {
      badHeader = true;
      problem = fmt::format("more than {} header lines", kMaxHeaderLines);
    } else if (startsWithNoCase(line, "content-length:")) {
      std::string value = line.substr(15);
      size_t start = value.find_first_not_of(" \t");
      char* end = nullptr;
      const char* digits = start == std::string::npos ? "" : value.c_str() + start;
      errno = 0;
      length = std::strtoull(digits, &end, 10);
      bool digitsOnly = end != digits && *digits != '-' && std::string_view(end).find_first_not_of(" \t") ==
                                                               std::string_view::npos;
      if (!digitsOnly || errno == ERANGE) {
        badHeader = true;
        problem = "Content-Length is not a number: '" + value + "'";
      } else {
        haveLength = true;
      }
    } else if (line.find(':') == std::string::npos) {
      badHeader = true;
      problem = "header line without ':'";
    }
    if (!readLine(line, tooLong)) return Incoming{};
    if (line.empty() && !tooLong) break;
  }
  if (badHeader) return malformed(kParseError, "malformed message header: " + problem);
  if (!haveLength) return malformed(kParseError, "message header has no Content-Length");

  if (length > kMaxMessageBytes) {
    // Skip the body without keeping it.
    char sink[65536];
    unsigned long long left = length;
    while (left > 0) {
      size_t n = std::fread(sink, 1, std::min<unsigned long long>(left, sizeof sink), in_);
      if (n == 0) return Incoming{};
      left -= n;
    }
    return malformed(kInvalidRequest,
                     fmt::format("message of {} bytes exceeds the limit of {} bytes", length, kMaxMessageBytes));
  }
  std::string body(length, '\0');
  if (length > 0 && std::fread(body.data(), 1, length, in_) != length) return Incoming{};
  Incoming m;
  m.message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (m.message.is_discarded()) return malformed(kParseError, "message body is not valid JSON");
  m.status = Incoming::Status::Message;
  return m;
}

void Transport::write(const json& message) {
  std::string body = message.dump(-1, ' ', false, json::error_handler_t::replace);
  std::lock_guard<std::mutex> lock(writeMutex_);
  std::fprintf(out_, "Content-Length: %zu\r\n\r\n", body.size());
  std::fwrite(body.data(), 1, body.size(), out_);
  std::fflush(out_);
}

}  // namespace pathway::lsp
