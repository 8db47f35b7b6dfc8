#!/usr/bin/env bash
# The main job: sets everything up, compiles the PT-failure pathway into a
# native library and evaluates the sample patients through the C embedding
# example (the C++ example does the same through the C++ wrapper), and writes
# the review page for clinicians (build/review/index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh release   # also compiles pathways/pt_failure.pw (pathways/CMakeLists.txt)
echo "== pathwayc build pathways/pt_failure.pw -o build/pathways/libpt_failure.so --columns"
build/compiler/driver/pathwayc build pathways/pt_failure.pw -o build/pathways/libpt_failure.so --columns \
  --emit-header build/pathways/pt_failure.h
echo "== examples/c: evaluating the sample patients"
build/examples/pathway_example_c build/pathways/libpt_failure.so pathways/pt_failure/patients/*.json
echo "== examples/cpp: why does patient 05 need an MRI? (runtime explanation, pw_result_explain)"
build/examples/pathway_example_cpp build/pathways/libpt_failure.so --explain mri_lumbar \
  pathways/pt_failure/patients/05_radicular_needs_mri_emg.json
echo "== pathwayc review pathways/pt_failure.pw -o build/review (open build/review/index.html in a browser)"
source_text=()
[ -f ../shared/clinical-source.md ] && source_text=(--source-text ../shared/clinical-source.md)
build/compiler/driver/pathwayc review pathways/pt_failure.pw -o build/review "${source_text[@]}"
