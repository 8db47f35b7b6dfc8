"""Library.evaluate and Result: one patient from a dict."""
import json
import math
import subprocess

import numpy as np
import pandas as pd
import pytest

import pathway

PATIENT = {"exercise_adherence": None, "pain_now": 7, "pain_at_pt_start": 8, "fever": False,
           "crp": (1.2, "mg/dL"), "pt_duration": "3 weeks", "pain_quality": "electrical",
           "radicular_symptoms": True, "esr": 12.5}


def run_pathwayc(pathwayc, lib, patient_json, tmp_path):
    f = tmp_path / "p.json"
    f.write_text(patient_json)
    out = subprocess.run([pathwayc, "run", lib.path, "--input", str(f)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def test_result_equals_pathwayc_run(pt, pathwayc, tmp_path):
    patient = {k: v for k, v in PATIENT.items() if k != "exercise_adherence"}
    r = pt.evaluate(patient)
    as_json = dict(patient, crp={"value": 1.2, "unit": "mg/dL"})
    expected = run_pathwayc(pathwayc, pt, json.dumps(as_json), tmp_path)
    assert r.to_dict() == expected
    statuses = {x["code"]: x["status"] for x in expected["recommendations"]}
    assert r.statuses == statuses
    assert r.missing == {x["code"]: x["missing"] for x in expected["recommendations"] if "missing" in x}
    assert r.superseded_by == {x["code"]: x["superseded_by"] for x in expected["recommendations"]
                               if "superseded_by" in x}
    assert r.findings == expected["findings"]
    assert r.definitions == expected["definitions"]
    assert r.fired == [c for c, s in statuses.items() if s == "fire"]


def test_value_forms(small):
    base = small.evaluate({"crp": 20, "flag": True})
    assert base.findings == {"inflamed": True}
    for crp in [(2, "mg/dL"), {"value": 2, "unit": "mg/dL"}, "2 mg/dL", np.float64(20), np.int64(20)]:
        assert small.evaluate({"crp": crp, "flag": np.bool_(True)}).findings == {"inflamed": True}, crp
    for unknown in [None, float("nan"), np.nan, pd.NA]:
        r = small.evaluate({"crp": unknown, "flag": True})
        assert r.findings == {"inflamed": None}
        assert r.missing["urgent"] == ["count", "colour", "crp", "wait"]
    r = small.evaluate({"score": 2.5, "count": 3})
    assert r.definitions == {"doubled": 5.0, "high": None}
    assert r.conditions["scored"] is False
    assert r.status("scored") == "no"


def test_supersede(small):
    r = small.evaluate({"count": 9, "colour": "red", "wait": (21, "days")})
    assert r.statuses["routine"] == "fire"
    assert r.statuses["urgent"] == "no"
    assert r.conditions["urgent"] is True
    assert r.superseded_by == {"urgent": ["routine"]}


def test_errors_carry_runtime_message(small):
    cases = [
        ({"cont": 1}, pathway.UnknownNameError, "did you mean 'count'"),
        ({"count": 11}, pathway.InputRangeError, "input 'count' must be in 0..10, got 11"),
        ({"count": 2.5}, pathway.InputRangeError, "not an integer"),
        ({"flag": 1}, pathway.InputTypeError, "input 'flag' is a bool"),
        ({"colour": "purple"}, pathway.UnknownNameError, "purple"),
        ({"crp": (1, "weeks")}, pathway.UnitError, "'weeks' is a unit of time"),
        ({"crp": float("inf")}, pathway.InputTypeError, "finite"),
        ({"score": object()}, pathway.InputTypeError, "cannot use a value of type object"),
        ({1: 2}, pathway.InputTypeError, "input names are strings"),
    ]
    for patient, error, text in cases:
        with pytest.raises(error, match=text.replace("(", r"\(").replace(")", r"\)")):
            small.evaluate(patient)
    with pytest.raises(pathway.InputTypeError, match="mapping"):
        small.evaluate([("count", 1)])


def test_explain_text_and_json(pt):
    r = pt.evaluate(PATIENT)
    assert r.explainable
    text = r.explain("mri_lumbar")
    assert text.startswith("mri_lumbar [")
    data = r.explain("mri_lumbar", format="json")
    assert data["code"] == "mri_lumbar" and data["status"] == r.statuses["mri_lumbar"]
    everything = r.explain(format="json")
    assert everything["pathway"] == "pt_failure"
    assert {x["code"] for x in everything["recommendations"]} == {
        c for c, s in r.statuses.items() if s != "no"} | set(r.superseded_by)
    assert "mri_lumbar [" in r.explain()
    with pytest.raises(pathway.ArgumentError, match="format"):
        r.explain("mri_lumbar", format="xml")
    with pytest.raises(pathway.UnknownNameError):
        r.explain("nope")


def test_result_repr(small):
    r = small.evaluate({"count": 9, "colour": "blue"})
    assert repr(r) == "<pathway.Result small 2.1.0; fire: urgent; undetermined: -; no: 2>"


def test_library_without_trace_or_columns_still_evaluates(small_rows_only):
    assert not small_rows_only.has_columns
    r = small_rows_only.evaluate({"count": 9, "colour": "blue"})
    assert r.statuses["urgent"] == "fire"
