"""100,000 random patients: evaluate_frame equals the C runtime (pathwayc run --ndjson)."""
import json
import subprocess

import numpy as np
import pandas as pd

from patients import ndjson_lines, random_frame

N = 100_000


def test_frame_equals_pathwayc_run_ndjson(pt, pathwayc, tmp_path):
    df = random_frame(pt, N, seed=2026)
    patients = tmp_path / "patients.ndjson"
    patients.write_text("\n".join(ndjson_lines(df)) + "\n")
    proc = subprocess.run([pathwayc, "run", pt.path, "--input", str(patients), "--ndjson", "-j", "2"],
                          check=True, capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    assert len(lines) == N
    out = pt.evaluate_frame(df, findings=True, definitions=True, missing=True)
    codes = [r.code for r in pt.recommendations]
    status = {c: out[c].astype(str).to_numpy() for c in codes}
    missing = {c: out[f"missing:{c}"].astype(object).to_numpy() for c in codes}
    findings = {f.name: out[f"finding:{f.name}"].to_numpy(dtype=object, na_value=None) for f in pt.findings}
    definitions = {}
    for d in pt.definitions:
        column = out[f"definition:{d.name}"]
        if d.type == "number":
            definitions[d.name] = [None if np.isnan(v) else v for v in column.to_numpy()]
        else:
            definitions[d.name] = column.to_numpy(dtype=object, na_value=None)
    mismatches = []
    for i, line in enumerate(lines):
        expected = json.loads(line)
        for c in codes:
            if status[c][i] != expected["status"][c]:
                mismatches.append((i, c, status[c][i], expected["status"][c]))
            want = ", ".join(expected["missing"].get(c, [])) or None
            got = missing[c][i] if isinstance(missing[c][i], str) else None
            if got != want:
                mismatches.append((i, f"missing:{c}", got, want))
        for name, value in expected["findings"].items():
            if findings[name][i] != value:
                mismatches.append((i, name, findings[name][i], value))
        for name, value in expected["definitions"].items():
            if definitions[name][i] != value:
                mismatches.append((i, name, definitions[name][i], value))
        if len(mismatches) > 20:
            break
    assert not mismatches, mismatches[:20]
    # the statuses are not all the same: the comparison has teeth
    for c in codes[:5]:
        assert len(pd.unique(status[c])) >= 2, c
