#!/usr/bin/env bash
# Installs missing Debian packages, configures and builds one preset
# (release by default; see CMakePresets.json). Usage: scripts/build.sh [PRESET]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
./scripts/deps.sh
# ccache keyed on paths relative to the checkout, so every clone on this
# machine (CI's included) shares one cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
