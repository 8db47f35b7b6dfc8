#include "lsp/DeclKinds.h"

#include <algorithm>
#include <vector>

#include "lsp/Protocol.h"

namespace pathway::lsp {

const DeclKindInfo& kindInfo(ast::DeclKind kind) {
  // No default: a new declaration kind must be given its row.
  switch (kind) {
    case ast::DeclKind::Enum: {
      static const DeclKindInfo k{"enums", symbol_kind::Enum, completion_kind::Enum, "enum", false, false};
      return k;
    }
    case ast::DeclKind::Input: {
      static const DeclKindInfo k{"inputs", symbol_kind::Field, completion_kind::Field, "parameter", true, true};
      return k;
    }
    case ast::DeclKind::Const: {
      static const DeclKindInfo k{"constants", symbol_kind::Constant, completion_kind::Constant, "variable", true,
                                  false};
      return k;
    }
    case ast::DeclKind::Define: {
      static const DeclKindInfo k{"definitions", symbol_kind::Variable, completion_kind::Variable, "variable",
                                  true, true};
      return k;
    }
    case ast::DeclKind::Finding: {
      static const DeclKindInfo k{"findings", symbol_kind::Event, completion_kind::Event, "event", true, true};
      return k;
    }
    case ast::DeclKind::Recommendation: {
      static const DeclKindInfo k{"recommendations", symbol_kind::Function, completion_kind::Function,
                                  "function", false, false};
      return k;
    }
    case ast::DeclKind::Property: {
      static const DeclKindInfo k{"properties", symbol_kind::Boolean, completion_kind::Reference, "namespace",
                                  false, false};
      return k;
    }
    case ast::DeclKind::Allow: {
      // Named by the check it silences; several may share that name.
      static const DeclKindInfo k{"allowed analyses", symbol_kind::Key, completion_kind::Keyword, "namespace",
                                  false, false};
      return k;
    }
    case ast::DeclKind::Codeset: {
      static const DeclKindInfo k{"code sets", symbol_kind::Array, completion_kind::Module, "type", false, false};
      return k;
    }
    case ast::DeclKind::Fhir: {
      // Named by the input it binds.
      static const DeclKindInfo k{"FHIR bindings", symbol_kind::Key, completion_kind::Reference, "namespace",
                                  false, false};
      return k;
    }
  }
  static const DeclKindInfo unknown{"declarations", symbol_kind::Variable, completion_kind::Text, "variable",
                                    false, false};
  return unknown;
}

const std::vector<std::string_view>& tokenTypes() {
  static const std::vector<std::string_view> kTypes = {"enum", "enumMember", "parameter", "variable",
                                                       "event", "function", "type", "namespace"};
  return kTypes;
}

const std::vector<std::string_view>& tokenModifiers() {
  static const std::vector<std::string_view> kModifiers = {"declaration", "readonly"};
  return kModifiers;
}

int tokenTypeIndex(std::string_view type) {
  const auto& types = tokenTypes();
  return static_cast<int>(std::find(types.begin(), types.end(), type) - types.begin());
}

}  // namespace pathway::lsp
