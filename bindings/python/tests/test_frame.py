"""Library.evaluate_frame: dtypes, units, options, engines and every error path."""
import numpy as np
import pandas as pd
import pytest

import pathway
from patients import random_frame


def per_row(lib, frame):
    """The statuses of every row through evaluate(dict), as a frame of strings."""
    rows = []
    for _, row in frame.iterrows():
        patient = {k: v for k, v in row.items() if not (v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)))}
        rows.append(lib.evaluate(patient).statuses)
    return pd.DataFrame(rows, index=frame.index)


def test_statuses_are_categoricals_with_the_frame_index(small):
    df = pd.DataFrame({"count": [9, 1], "colour": ["blue", "red"], "wait": [1.0, 3.0]}, index=["a", "b"])
    out = small.evaluate_frame(df)
    assert list(out.columns) == ["urgent", "routine", "scored"]
    assert list(out.index) == ["a", "b"]
    for code in out.columns:
        assert list(out[code].cat.categories) == ["fire", "no", "undetermined"]
    assert out.loc["a", "urgent"] == "fire"
    assert out.loc["b", "routine"] == "fire"
    assert out.astype(str).equals(per_row(small, df).astype(str))


def test_findings_definitions_missing(small):
    df = pd.DataFrame({"crp": [20.0, 5.0, np.nan], "flag": [True, True, None], "score": [1.5, np.nan, 4.0]})
    out = small.evaluate_frame(df, findings=True, definitions=True, missing=True)
    assert out["finding:inflamed"].dtype == "boolean"
    assert out["finding:inflamed"].tolist() == [True, False, pd.NA]
    assert out["definition:doubled"].tolist()[:1] == [3.0] and np.isnan(out["definition:doubled"][1])
    assert out["definition:high"].tolist() == [True, False, pd.NA]
    for i in range(3):
        r = small.evaluate({k: v for k, v in df.iloc[i].items() if pd.notna(v)})
        for code in ["urgent", "routine", "scored"]:
            got = out[f"missing:{code}"].iloc[i]
            want = ", ".join(r.missing.get(code, [])) or np.nan
            assert (got == want) or (pd.isna(got) and pd.isna(want)), (i, code, got, want)


@pytest.mark.parametrize("n", [1, 63, 64, 65, 127, 4095, 4096, 4097, 10000])
def test_sizes_not_a_multiple_of_64(pt, n):
    df = random_frame(pt, n, seed=n)
    out = pt.evaluate_frame(df, findings=True, definitions=True, missing=True)
    assert len(out) == n
    sample = np.unique(np.linspace(0, n - 1, 5).astype(int))
    for i in sample:
        row = df.iloc[i]
        r = pt.evaluate({k: v for k, v in row.items() if pd.notna(v)})
        assert out.iloc[i][[x.code for x in pt.recommendations]].astype(str).to_dict() == r.statuses
        assert {f: (None if pd.isna(v) else bool(v)) for f, v in
                ((f.name, out.iloc[i][f"finding:{f.name}"]) for f in pt.findings)} == r.findings


def test_empty_frame(pt):
    out = pt.evaluate_frame(pd.DataFrame({"pain_now": pd.Series([], dtype="Int64")}), findings=True,
                            definitions=True, missing=True)
    assert len(out) == 0
    assert list(out.columns[: len(pt.recommendations)]) == [r.code for r in pt.recommendations]
    assert str(out[pt.recommendations[0].code].dtype) == "category"
    assert len(pt.evaluate_frame(pd.DataFrame())) == 0


def test_no_input_columns_means_all_unknown(small):
    out = small.evaluate_frame(pd.DataFrame(index=range(3)))
    assert (out == "undetermined").all().all()


def test_dtype_rules(small):
    n = 4
    reference = small.evaluate_frame(pd.DataFrame({
        "flag": [True, False, None, True], "count": [1, 2, None, 9], "score": [1.0, 4.0, np.nan, 2.0],
        "colour": ["red", "blue", None, "green"], "crp": [20.0, 1.0, np.nan, 30.0]}), findings=True)
    variants = {
        "flag": [pd.array([True, False, None, True], dtype="boolean"),
                 pd.Series([True, False, None, True], dtype=object)],
        "count": [pd.array([1, 2, None, 9], dtype="Int64"), np.array([1, 2, np.nan, 9.0]),
                  pd.Series([1, 2, None, 9], dtype=object), pd.array([1, 2, None, 9], dtype="UInt8")],
        "score": [pd.array([1.0, 4.0, None, 2.0], dtype="Float64"), np.array([1, 4, np.nan, 2], dtype=np.float32)],
        "colour": [pd.Categorical(["red", "blue", None, "green"]),
                   pd.Categorical(["red", "blue", None, "green"], categories=["green", "blue", "red", "unused"]),
                   pd.array(["red", "blue", None, "green"], dtype="string")],
        "crp": [pd.Series([20, 1, None, 30], dtype="Int32")],
    }
    base = {"flag": [True, False, None, True], "count": [1, 2, None, 9], "score": [1.0, 4.0, np.nan, 2.0],
            "colour": ["red", "blue", None, "green"], "crp": [20.0, 1.0, np.nan, 30.0]}
    for column, options in variants.items():
        for values in options:
            df = pd.DataFrame(dict(base, **{column: values}))
            assert len(df) == n
            pd.testing.assert_frame_equal(small.evaluate_frame(df, findings=True), reference, obj=f"{column}: {values!r}")
    # an all-NaN float column is an unknown column of any kind
    df = pd.DataFrame(dict(base, flag=[np.nan] * n))
    pd.testing.assert_frame_equal(small.evaluate_frame(df), small.evaluate_frame(pd.DataFrame(dict(base, flag=[None] * n))))


def test_units_in_column_names_and_argument(small):
    mg_l = pd.DataFrame({"crp": [20.0, 5.0], "flag": [True, True], "wait": [3.0, 1.0], "colour": ["red", "red"]})
    mg_dl = pd.DataFrame({"crp[mg/dL]": [2.0, 0.5], "flag": [True, True], "wait[days]": [21, 7], "colour": ["red", "red"]})
    want = small.evaluate_frame(mg_l, findings=True)
    pd.testing.assert_frame_equal(small.evaluate_frame(mg_dl, findings=True), want)
    renamed = mg_dl.rename(columns={"crp[mg/dL]": "crp", "wait[days]": "wait"})
    pd.testing.assert_frame_equal(small.evaluate_frame(renamed, findings=True, units={"crp": "mg/dL", "wait": "days"}), want)
    same = small.evaluate_frame(mg_l.rename(columns={"crp": "crp[mg/L]"}), findings=True)
    pd.testing.assert_frame_equal(same, want)


def test_bad_values_name_column_and_first_bad_row(small):
    def fails(df, error, text, column, row):
        with pytest.raises(error) as e:
            small.evaluate_frame(df)
        assert text in str(e.value), str(e.value)
        assert (e.value.column, e.value.row) == (column, row)
        if row is not None:
            assert e.value.label == df.index[row]
        return e.value

    idx = [f"p{i}" for i in range(70)]
    count = pd.Series([1.0] * 70, index=idx)
    count.iloc[66] = 11
    count.iloc[68] = 12
    e = fails(pd.DataFrame({"count": count}), pathway.InputRangeError,
              "column 'count', row 66 (index 'p66'): input 'count' must be in 0..10, got 11", "count", 66)
    assert e.status == 8
    fails(pd.DataFrame({"count": [1, 2.5]}), pathway.InputRangeError, "row 1 (index 1): input 'count' is an int; 2.5 is not an integer", "count", 1)
    fails(pd.DataFrame({"score": [1, np.inf]}), pathway.InputRangeError, "input 'score' must be finite, got inf", "score", 1)
    fails(pd.DataFrame({"crp[mg/dL]": [1.0, 60.0]}), pathway.InputRangeError,
          "column 'crp[mg/dL]', row 1 (index 1): input 'crp' must be in 0..500 mg/L, got 600 mg/L", "crp[mg/dL]", 1)
    fails(pd.DataFrame({"colour": ["red", None, "purpel", "blue"]}), pathway.UnknownNameError,
          "column 'colour', row 2 (index 2): 'purpel' is not a label of enum 'Colour'", "colour", 2)
    fails(pd.DataFrame({"colour": pd.Categorical(["red", "rde"])}), pathway.UnknownNameError, "did you mean 'red'?", "colour", 1)
    fails(pd.DataFrame({"colour": ["red", 3]}), pathway.InputTypeError, "got 3 (int), not a label", "colour", 1)
    fails(pd.DataFrame({"colour": [0, 1]}), pathway.InputTypeError,
          "input 'colour' is an enum (Colour); the column's dtype is int64 (give labels as strings or a Categorical)", "colour", None)
    fails(pd.DataFrame({"flag": [1, 0]}), pathway.InputTypeError, "input 'flag' is a bool; the column's dtype is int64", "flag", None)
    fails(pd.DataFrame({"flag": [True, "yes"]}), pathway.InputTypeError, "row 1 (index 1): input 'flag' is a bool; got 'yes' (str)", "flag", 1)
    fails(pd.DataFrame({"count": [True, False]}), pathway.InputTypeError, "input 'count' is an int; the column's dtype is bool", "count", None)
    fails(pd.DataFrame({"count": [1, "two"]}), pathway.InputTypeError, "row 1 (index 1): input 'count' is an int; got 'two' (str)", "count", 1)
    fails(pd.DataFrame({"crp": pd.to_datetime(["2024-01-01"])}), pathway.InputTypeError, "is a quantity in mg/L; the column's dtype is datetime64", "crp", None)
    fails(pd.DataFrame({"cont": [1]}), pathway.UnknownNameError, "column 'cont' is not an input of pathway 'small'; did you mean 'count'?", "cont", None)
    fails(pd.DataFrame({7: [1]}), pathway.UnknownNameError, "column 7 is not an input", 7, None)
    fails(pd.DataFrame({"crp[weeks]": [1.0]}), pathway.UnitError, "column 'crp[weeks]': input 'crp' is a concentration in mg/L; 'weeks' is a unit of time", "crp[weeks]", None)
    fails(pd.DataFrame({"crp[furlongs]": [1.0]}), pathway.UnitError, "unknown unit 'furlongs'", "crp[furlongs]", None)
    fails(pd.DataFrame({"count[mg/L]": [1]}), pathway.UnitError, "input 'count' is an int, not a quantity; it has no unit", "count[mg/L]", None)


def test_argument_errors(small):
    with pytest.raises(pathway.ArgumentError, match="both give input 'crp'"):
        small.evaluate_frame(pd.DataFrame({"crp": [1.0], "crp[mg/dL]": [1.0]}))
    with pytest.raises(pathway.ArgumentError, match="appears more than once"):
        small.evaluate_frame(pd.DataFrame([[1, 2]], columns=["count", "count"]))
    with pytest.raises(pathway.ArgumentError, match="DataFrame"):
        small.evaluate_frame({"count": [1]})
    with pytest.raises(pathway.ArgumentError, match="unknown_columns"):
        small.evaluate_frame(pd.DataFrame(), unknown_columns="drop")
    with pytest.raises(pathway.ArgumentError, match="engine"):
        small.evaluate_frame(pd.DataFrame(), engine="gpu")
    with pytest.raises(pathway.UnknownNameError, match="units: 'crpp'"):
        small.evaluate_frame(pd.DataFrame(), units={"crpp": "mg/dL"})
    with pytest.raises(pathway.UnitError, match="says mg/dL, units= says mg/L"):
        small.evaluate_frame(pd.DataFrame({"crp[mg/dL]": [1.0]}), units={"crp": "mg/L"})


def test_unknown_columns_ignore(small):
    df = pd.DataFrame({"count": [9], "patient_id": ["x"], "colour": ["blue"]})
    out = small.evaluate_frame(df, unknown_columns="ignore")
    assert out["urgent"].tolist() == ["fire"]


def test_rows_engine_equals_columns_engine(pt):
    df = random_frame(pt, 3000, seed=7)
    a = pt.evaluate_frame(df, findings=True, definitions=True, missing=True, engine="columns")
    b = pt.evaluate_frame(df, findings=True, definitions=True, missing=True, engine="rows")
    pd.testing.assert_frame_equal(a.astype(str), b.astype(str))
    pd.testing.assert_frame_equal(a.iloc[:, : len(pt.recommendations)], b.iloc[:, : len(pt.recommendations)])


def test_library_without_columns(small, small_rows_only):
    df = pd.DataFrame({"count": [9, 1, None], "colour": ["blue", "red", None], "score": [4.0, 4.0, 1.0]})
    with pytest.raises(pathway.StateError, match="built without the column entry point.*engine='rows'"):
        small_rows_only.evaluate_frame(df, engine="columns")
    pd.testing.assert_frame_equal(small_rows_only.evaluate_frame(df, missing=True, definitions=True),
                                  small.evaluate_frame(df, missing=True, definitions=True))


def test_masked_arrays_ignore_values_under_the_mask(small):
    # pandas keeps arbitrary data under the mask: it must never be validated or used
    count = pd.arrays.IntegerArray(np.array([9, 99, 1], dtype=np.int64), np.array([False, True, False]))
    flag = pd.arrays.BooleanArray(np.array([True, True, False]), np.array([False, True, False]))
    out = small.evaluate_frame(pd.DataFrame({"count": count, "flag": flag, "colour": ["blue"] * 3}))
    assert out["urgent"].tolist() == ["fire", "undetermined", "no"]
    bad = pd.DataFrame({"count": pd.array([1, None, 3, 12, 13], dtype="Int8")}, index=list("abcde"))
    with pytest.raises(pathway.InputRangeError, match="column 'count', row 3 \\(index 'd'\\): input 'count' must be in 0..10, got 12"):
        small.evaluate_frame(bad)
    with pytest.raises(pathway.InputRangeError, match="row 2 \\(index 2\\): input 'crp' must be in 0..500 mg/L, got 501"):
        small.evaluate_frame(pd.DataFrame({"crp": np.array([1, np.nan, 501, 600], dtype=np.float32)}))
    with pytest.raises(pathway.InputRangeError, match="row 1 \\(index 1\\): input 'count' is an int; 0.5 is not an integer"):
        small.evaluate_frame(pd.DataFrame({"count": pd.array([1.0, 0.5, None], dtype="Float64")}))


@pytest.mark.parametrize("threads", [2, 3, 8])
def test_threads_give_the_same_frame(pt, threads):
    df = random_frame(pt, 4096 * 5 + 17, seed=threads)
    one = pt.evaluate_frame(df, findings=True, definitions=True, missing=True)
    many = pt.evaluate_frame(df, findings=True, definitions=True, missing=True, threads=threads)
    assert many.astype(str).equals(one.astype(str))
    assert many.iloc[:, : len(pt.recommendations)].equals(one.iloc[:, : len(pt.recommendations)])
    rows = pt.evaluate_frame(df, missing=True, engine="rows", threads=threads)
    assert rows.astype(str).equals(one[rows.columns].astype(str))
    # the first bad row is reported whatever the threads
    bad = df.copy()
    bad["pain_now"] = bad["pain_now"].astype("Float64")
    bad.loc[4096 * 3 + 5, "pain_now"] = 11
    bad.loc[4096 * 4 + 1, "pain_now"] = 12
    with pytest.raises(pathway.InputRangeError, match=f"row {4096 * 3 + 5} "):
        pt.evaluate_frame(bad, threads=threads)


def test_threads_argument(small):
    for threads in (0, -1, 1.5, True, 1000):
        with pytest.raises(pathway.ArgumentError, match="threads"):
            small.evaluate_frame(pd.DataFrame(), threads=threads)
    assert len(small.evaluate_frame(pd.DataFrame({"count": [1]}), threads=4)) == 1
