#!/usr/bin/env bash
# wasm32 vs native evaluation of the PT pathway on the same 200,000 random
# rows: bench/wasm/run.sh [PATHWAYC]. Prints both and their ratio.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pathwayc="${1:-$here/../../build/compiler/driver/pathwayc}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$pathwayc" build "$here/../../pathways/pt_failure.pw" --target wasm32 -o "$work/pt.wasm"
"$pathwayc" build "$here/../../pathways/pt_failure.pw" -o "$work/libpt.so"
n=200000
inputs=$("$pathwayc" describe "$work/libpt.so" | sed -n "s/^inputs (\([0-9]*\)):/\1/p")
python3 - "$work" "$n" "$inputs" <<'PY'
import random, struct, sys
work, n, inputs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(19)
with open(f"{work}/values.f64", "wb") as v, open(f"{work}/known.u8", "wb") as k:
    v.write(struct.pack(f"<{n * inputs}d", *(rng.randint(0, 1) for _ in range(n * inputs))))
    k.write(bytes(rng.random() < 0.7 for _ in range(n * inputs)))
PY
node "$here/bench_wasm.mjs" "$work/pt.wasm" "$work/values.f64" "$work/known.u8" "$n" > "$work/wasm.jsonl"
python3 "$here/bench_native.py" "$work/libpt.so" "$work/values.f64" "$work/known.u8" "$n" > "$work/native.jsonl"
python3 - "$work" <<'PY'
import json, sys
wasm = {r["label"]: r["ns_per_patient"] for r in map(json.loads, open(f"{sys.argv[1]}/wasm.jsonl"))}
native = {r["label"]: r["ns_per_patient"] for r in map(json.loads, open(f"{sys.argv[1]}/native.jsonl"))}
for label, ns in wasm.items():
    line = f"{label:16} wasm (Node) {ns:8.1f} ns/patient"
    same = native.get(label.replace("in place", "rows"))
    if same:
        line += f"   native {same:8.1f} ns/patient   wasm/native {ns / same:.2f}"
    print(line)
PY
