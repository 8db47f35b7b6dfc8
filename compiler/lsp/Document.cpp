#include "lsp/Document.h"

#include "lsp/Protocol.h"

namespace pathway::lsp {

std::string uriToPath(const std::string& uri) {
  constexpr std::string_view kFile = "file://";
  if (uri.compare(0, kFile.size(), kFile) != 0) return uri;
  std::string path;
  for (size_t i = kFile.size(); i < uri.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

Document::Document(std::string uri, std::string path, std::string text, int64_t version, Encoding encoding)
    : uri_(std::move(uri)), path_(std::move(path)), text_(std::move(text)), version_(version), encoding_(encoding) {}

void Document::applyChange(const nlohmann::json& change) {
  const std::string& text = change.at("text").get_ref<const std::string&>();
  if (!change.contains("range")) {
    text_ = text;
  } else {
    // Positions are relative to the text as it is before this change.
    LineIndex lines(text_, encoding_);
    uint32_t begin = lines.offset(change["range"].at("start"));
    uint32_t end = lines.offset(change["range"].at("end"));
    if (end < begin) throw RequestError(kInvalidParams, "a change's range ends before it starts");
    text_.replace(begin, end - begin, text);
  }
  dirty_ = true;
}

const Snapshot& Document::current() {
  if (!dirty_ && current_) return *current_;
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Check;  // lowering reports nothing; `check`'s diagnostics are sema's
  auto snapshot = std::make_shared<Snapshot>();
  snapshot->compilation = driver::compileText(path_, text_, options);
  snapshot->lines = LineIndex(snapshot->compilation->source->text(), encoding_);
  snapshot->version = version_;
  current_ = snapshot;
  if (snapshot->compilation->checked) lastChecked_ = snapshot;
  dirty_ = false;
  return *current_;
}

const Snapshot* Document::lastChecked() {
  current();
  return lastChecked_.get();
}

}  // namespace pathway::lsp
