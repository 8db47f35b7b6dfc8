#!/usr/bin/env bash
# A differential campaign with a time budget: random well-typed pathways
# (source text through the whole front end) compiled at -O0 and -O2, every
# patient evaluated by both libraries and by the reference interpreter.
#   scripts/differential.sh SECONDS [SEED]
# SEED defaults to one from the clock (printed, so a run can be repeated).
# Failures (seed, what differed, minimised .pw and patient JSON) go to stderr
# and to build-rel/differential-failures/; the exit status is 1 if any.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 && $# -le 2 && $1 =~ ^[0-9]+$ ]] || { echo "usage: $0 SECONDS [SEED]" >&2; exit 2; }
seconds=$1
seed=${2:-$(date +%s)}
build=build-rel
if [[ ! -f $build/build.ninja ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
ninja -C "$build" -j "${PATHWAY_JOBS:-2}" pathway_differential
out=$build/differential-failures
rm -rf "$out"
echo "seed $seed (repeat with: $0 $seconds $seed)"
exec "$build/tests/differential/pathway_differential" --seconds "$seconds" --seed "$seed" --out "$out"
