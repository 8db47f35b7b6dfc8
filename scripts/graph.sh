#!/usr/bin/env bash
# Regenerates the PT pathway's flowchart shown in the README.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh release >/dev/null
build/compiler/driver/pathwayc graph pathways/pt_failure.pw --format svg -o docs/pt_failure.svg
build/compiler/driver/pathwayc graph pathways/pt_failure.pw --format svg \
  --input pathways/pt_failure/patients/05_radicular_needs_mri_emg.json -o docs/pt_failure_patient05.svg
build/compiler/driver/pathwayc graph pathways/pt_failure.pw --format svg --focus mri_lumbar \
  --input pathways/pt_failure/patients/05_radicular_needs_mri_emg.json -o docs/pt_failure_mri_lumbar_patient05.svg
echo "wrote docs/pt_failure.svg, docs/pt_failure_patient05.svg and docs/pt_failure_mri_lumbar_patient05.svg"
