# Lists the .vsix (a zip) and checks the files an installed extension needs.
execute_process(COMMAND ${CMAKE_COMMAND} -E tar tf ${VSIX} OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cannot list ${VSIX}")
endif()
foreach(f extension.vsixmanifest extension/package.json extension/extension.js
          extension/language-configuration.json extension/syntaxes/pathway.tmLanguage.json
          extension/schemas/pwtest.schema.json extension/node_modules/vscode-languageclient/node.js)
  string(FIND "${listing}" "${f}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${VSIX} has no ${f}")
  endif()
endforeach()
foreach(f extension/test/ node_modules/@vscode/vsce node_modules/vscode-textmate)
  string(FIND "${listing}" "${f}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${VSIX} should not contain ${f}")
  endif()
endforeach()
