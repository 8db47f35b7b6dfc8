#!/usr/bin/env bash
# Packages the extension as a .vsix with @vscode/vsce.
#   editors/vscode/package-vsix.sh NODE_MODULES_DIR OUT.vsix
# NODE_MODULES_DIR is where `npm ci` installed this folder's package-lock.json
# (the CMake build does it: build/editors/vscode/node_modules). The extension
# is staged beside it so the source tree stays clean; vsce takes the
# production dependencies (vscode-languageclient) from there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
modules="$(cd "$1" && pwd)"
out="$2"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
stage="$(dirname "$modules")/stage"
rm -rf "$stage"
mkdir -p "$stage"
cp -R "$here/package.json" "$here/package-lock.json" "$here/extension.js" "$here/language-configuration.json" \
      "$here/README.md" "$here/.vscodeignore" "$here/syntaxes" "$here/schemas" "$stage/"
ln -s "$modules" "$stage/node_modules"
cd "$stage"
# vsce's advice to bundle the extension is noise here; its errors are not.
if ! log="$("$modules/.bin/vsce" package --skip-license --allow-missing-repository --out "$out" 2>&1)"; then
  echo "$log" >&2
  exit 1
fi
echo "pathway: wrote $out"
