#!/usr/bin/env bash
# Installs the Debian 12 packages Pathway needs, only those that are missing.
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config ccache
  default-jre-headless antlr4 libantlr4-runtime-dev uuid-dev
  llvm-16-dev liblld-16-dev lld-16
  clang-14 libclang-rt-14-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  zlib1g-dev libzstd-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  graphviz time
  # compiler/verify (pathwayc verify / diff): the Z3 SMT solver
  libz3-dev
  # compiler/serve (pathwayc serve): HTTP server and client, OpenSSL
  libcpp-httplib-dev libssl-dev openssl wrk
  # Python package (bindings/python): Debian's /usr/bin/python3 and its modules
  python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pandas
  python3-dask python3-distributed python3-matplotlib python3-pytest
  # The review page's browser tests (tests/review): Debian's Chromium,
  # driven by playwright-core from npm (no browser download)
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

# The VS Code extension and its tests (editors/vscode): Node and npm. A
# Node from elsewhere (nodesource ships npm inside its nodejs) is kept.
command -v node >/dev/null 2>&1 || dpkg -s nodejs >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || dpkg -s npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -ne 0 ]; then
  echo "pathway: missing Debian packages; run as root:" >&2
  echo "  apt-get update && ${cmd[*]}" >&2
  exit 1
fi
echo "pathway: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
"${cmd[@]}"
