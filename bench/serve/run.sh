#!/usr/bin/env bash
# Load test of pathwayc serve: patient-view requests with a 200-resource
# prefetch (make_request.py) at 64 connections for 10 s with wrk (Debian's
# `wrk`, installed here when missing). Usage: bench/serve/run.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
command -v wrk >/dev/null || ./scripts/deps.sh
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 bench/serve/make_request.py pathways/pt_failure/fhir/patients/05_radicular_needs_mri_emg.json > "$work/request.json"
cat > "$work/post.lua" <<LUA
local f = io.open("$work/request.json", "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
LUA
"$build/compiler/driver/pathwayc" serve "$build/pathways/libpt_failure.so" --port 0 --now 2026-12-03T09:00:00Z \
  --audit-log "$work/audit.jsonl" 2> "$work/serve.log" &
server=$!
for _ in $(seq 50); do grep -q listening "$work/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*/cds-services' "$work/serve.log")/pt_failure
echo "request: $(wc -c < "$work/request.json") bytes, 200 resources; $(nproc) cores"
wrk -t2 -c64 -d10s --latency -s "$work/post.lua" "$url"
