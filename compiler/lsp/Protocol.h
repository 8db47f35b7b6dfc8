// JSON-RPC and LSP 3.17 constants used by the server.
#ifndef PATHWAY_LSP_PROTOCOL_H
#define PATHWAY_LSP_PROTOCOL_H

#include <stdexcept>
#include <string>

namespace pathway::lsp {

// JSON-RPC 2.0 and LSP error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestFailed = -32803;
inline constexpr int kRequestCancelled = -32800;

// Thrown by a request handler to answer with an error response; the server
// catches it (it never leaves the server).
struct RequestError : std::runtime_error {
  RequestError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

// LSP enumerations (the subset the server sends).
namespace severity {
inline constexpr int Error = 1, Warning = 2, Information = 3, Hint = 4;
}
namespace symbol_kind {
inline constexpr int Module = 2, Namespace = 3, Package = 4, Class = 5, Property = 7, Field = 8, Enum = 10,
                     Array = 18,
                     Function = 12, Variable = 13, Constant = 14, String = 15, Boolean = 17, Key = 20, EnumMember = 22,
                     Event = 24, Operator = 25;
}
namespace completion_kind {
inline constexpr int Text = 1, Function = 3, Field = 5, Variable = 6, Class = 7, Property = 10, Unit = 11,
                     Value = 12, Enum = 13, Keyword = 14, Reference = 18, EnumMember = 20, Constant = 21,
                     Event = 23, Module = 9;
}
namespace highlight_kind {
inline constexpr int Text = 1, Read = 2, Write = 3;
}

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_PROTOCOL_H
