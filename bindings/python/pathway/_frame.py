"""Library.evaluate_frame: a pandas DataFrame through the column entry point.

Every input column is handed to the extension as its numpy buffer (and the
mask of pandas' nullable arrays), without a copy where the dtype allows it
(enums become label indices with one vectorised lookup); the extension
converts and validates the values,
packs them 64 patients to a word, evaluates in chunks of 4,096 patients and
writes numpy result arrays. No Python code runs per row (except to name the
first bad row of a column that is already known to be bad).
"""
from __future__ import annotations

import difflib
import re
from typing import Any, Dict, Hashable, List, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from . import _core
from .errors import (ArgumentError, InputTypeError, PathwayError, UnitError, UnknownNameError,
                     status_error)

# (data, mask or None) for the extension: see Column in src/Columns.h.
Column = Tuple[np.ndarray, Optional[np.ndarray]]

_STATUS_DTYPE = pd.CategoricalDtype(["fire", "no", "undetermined"])
_UNIT_IN_NAME = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[\s*([^\[\]]+?)\s*\]\s*$")


def _where(frame: pd.DataFrame, row: int) -> str:
    return f"row {row} (index {frame.index[row]!r})"


def _first(mask: np.ndarray) -> int:
    return int(np.argmax(mask))


def _parse_column(label: Hashable) -> Tuple[Optional[str], Optional[str]]:
    """(input name, unit or None) of a column label such as 'crp' or 'crp[mg/dL]'."""
    if not isinstance(label, str):
        return None, None
    m = _UNIT_IN_NAME.match(label)
    if m:
        return m.group(1), m.group(2)
    return label.strip(), None


def _bad_objects(series: pd.Series, ok) -> Optional[int]:
    """Position of the first known value of an object column that `ok` rejects."""
    values = series.to_numpy(dtype=object)
    known = ~pd.isna(values)
    for row in np.flatnonzero(known):  # only reached for a column already found bad
        if not ok(values[row]):
            return int(row)
    return None


def _masked(series: pd.Series) -> Optional[Column]:
    """(data, mask) of a pandas masked array (boolean, Int*, UInt*, Float*),
    passed to the extension without a copy."""
    array = series.array
    data, mask = getattr(array, "_data", None), getattr(array, "_mask", None)
    if isinstance(data, np.ndarray) and isinstance(mask, np.ndarray) and data.ndim == 1:
        return np.ascontiguousarray(data), np.ascontiguousarray(mask)
    return None


def _plain(values: np.ndarray) -> Column:
    return np.ascontiguousarray(values), None


def _bool_column(frame, label, series, inp) -> Column:
    dt = series.dtype
    if dt == np.bool_:
        return _plain(series.to_numpy())
    if isinstance(dt, pd.BooleanDtype):
        return _masked(series) or _plain(series.to_numpy(dtype=np.float64, na_value=np.nan))
    if dt == object:
        inferred = pd.api.types.infer_dtype(series, skipna=True)
        if inferred in ("boolean", "empty"):
            return _plain(series.to_numpy(dtype=np.float64, na_value=np.nan))
        row = _bad_objects(series, lambda v: isinstance(v, (bool, np.bool_)))
        value = series.iloc[row]
        raise InputTypeError(
            f"column {label!r}, {_where(frame, row)}: input '{inp.name}' is a bool; "
            f"got {value!r} ({type(value).__name__})", 7, column=label, row=row, label=frame.index[row])
    if pd.api.types.is_float_dtype(dt) and bool(series.isna().all()):
        return _plain(np.full(len(series), np.nan))
    raise InputTypeError(
        f"column {label!r}: input '{inp.name}' is a bool; the column's dtype is {dt} "
        "(use bool, the nullable 'boolean' dtype, or objects True/False/None)", 7, column=label)


def _numeric_column(frame, label, series, inp) -> Column:
    dt = series.dtype
    what = f"{inp.kind} in {inp.unit}" if inp.kind == "quantity" else inp.kind
    what = f"an {what}" if what[0] in "aeiou" else f"a {what}"
    if dt == np.bool_ or isinstance(dt, pd.BooleanDtype):
        raise InputTypeError(f"column {label!r}: input '{inp.name}' is {what}; the column's dtype is {dt}",
                             7, column=label)
    if isinstance(dt, np.dtype) and dt.kind in "iuf":
        return _plain(series.to_numpy())
    if pd.api.types.is_numeric_dtype(dt):
        return _masked(series) or _plain(series.to_numpy(dtype=np.float64, na_value=np.nan))
    if dt == object:
        inferred = pd.api.types.infer_dtype(series, skipna=True)
        if inferred in ("integer", "floating", "mixed-integer-float", "decimal", "empty"):
            return _plain(series.to_numpy(dtype=np.float64, na_value=np.nan))

        def number(v: Any) -> bool:
            return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, (bool, np.bool_))
        row = _bad_objects(series, number)
        if row is not None:
            value = series.iloc[row]
            raise InputTypeError(
                f"column {label!r}, {_where(frame, row)}: input '{inp.name}' is {what}; "
                f"got {value!r} ({type(value).__name__})", 7, column=label, row=row, label=frame.index[row])
    raise InputTypeError(f"column {label!r}: input '{inp.name}' is {what}; the column's dtype is {dt}",
                         7, column=label)


def _enum_column(frame, label, series, inp) -> Column:
    dt = series.dtype
    if isinstance(dt, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy()
        categories = list(dt.categories)
    elif dt == object or isinstance(dt, pd.StringDtype):
        codes, uniques = pd.factorize(series)
        categories = list(uniques)
    else:
        raise InputTypeError(
            f"column {label!r}: input '{inp.name}' is an enum ({inp.enum_name}); the column's dtype "
            f"is {dt} (give labels as strings or a Categorical)", 7, column=label)
    index = {name: i for i, name in enumerate(inp.labels)}
    lut = np.empty(len(categories) + 1, dtype=np.float64)
    lut[-1] = np.nan  # code -1: missing
    bad: List[int] = []
    for j, category in enumerate(categories):
        if isinstance(category, str) and category in index:
            lut[j] = index[category]
        else:
            lut[j] = np.nan
            bad.append(j)
    if bad:
        used = np.isin(codes, bad)
        if used.any():
            row = _first(used)
            value = categories[codes[row]]
            where = f"column {label!r}, {_where(frame, row)}"
            if not isinstance(value, str):
                raise InputTypeError(
                    f"{where}: input '{inp.name}' is an enum ({inp.enum_name}); got {value!r} "
                    f"({type(value).__name__}), not a label", 7, column=label, row=row, label=frame.index[row])
            close = difflib.get_close_matches(value, inp.labels, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise UnknownNameError(
                f"{where}: '{value}' is not a label of enum '{inp.enum_name}' (input '{inp.name}': "
                f"{', '.join(inp.labels)}){hint}", 6, column=label, row=row, label=frame.index[row])
    return _plain(lut[codes])


def _input_columns(library, frame: pd.DataFrame, units: Mapping[str, str],
                   unknown_columns: str) -> Tuple[List[Optional[Column]], List[Hashable]]:
    by_name = {inp.name: inp for inp in library.inputs}
    for name in units:
        if name not in by_name:
            close = difflib.get_close_matches(str(name), list(by_name), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise UnknownNameError(f"units: '{name}' is not an input of pathway '{library.name}'{hint}", 6)
    duplicated = frame.columns[frame.columns.duplicated()]
    if len(duplicated):
        raise ArgumentError(f"column {duplicated[0]!r} appears more than once")
    columns: List[Optional[Column]] = [None] * len(library.inputs)
    sources: List[Hashable] = [None] * len(library.inputs)
    for label in frame.columns:
        name, unit = _parse_column(label)
        inp = by_name.get(name) if name is not None else None
        if inp is None:
            if unknown_columns == "ignore":
                continue
            close = difflib.get_close_matches(str(name), list(by_name), n=1) if name else []
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise UnknownNameError(
                f"column {label!r} is not an input of pathway '{library.name}'{hint} "
                "(pass unknown_columns='ignore' to skip such columns)", 6, column=label)
        if columns[inp.index] is not None:
            raise ArgumentError(f"columns {sources[inp.index]!r} and {label!r} both give input '{inp.name}'")
        if unit is not None and name in units and units[name] != unit:
            raise UnitError(f"column {label!r} says {unit}, units= says {units[name]}", 10, column=label)
        unit = unit if unit is not None else units.get(inp.name)
        series = frame[label]
        if inp.kind == "bool":
            values = _bool_column(frame, label, series, inp)
        elif inp.kind == "enum":
            values = _enum_column(frame, label, series, inp)
        else:
            values = _numeric_column(frame, label, series, inp)
        if unit is not None:
            if inp.kind != "quantity":
                raise UnitError(f"column {label!r}: input '{inp.name}' is {'an' if inp.kind[0] in 'aeiou' else 'a'} "
                                f"{inp.kind}, not a quantity; it has no unit", 10, column=label)
            if unit != inp.unit:
                data, mask = values
                data = data.astype(np.float64)
                if mask is not None:
                    data[mask] = np.nan
                try:
                    values = _plain(library._core.convert_quantities(inp.index, unit, data))
                except PathwayError as e:
                    raise UnitError(f"column {label!r}: {e}", 10, column=label) from None
        columns[inp.index] = values
        sources[inp.index] = label
    return columns, sources


def evaluate_frame(library, frame: Any, *, findings: bool = False, definitions: bool = False,
                   missing: bool = False, units: Optional[Mapping[str, str]] = None,
                   unknown_columns: str = "error", engine: str = "auto", threads: int = 1) -> pd.DataFrame:
    """Evaluates every row of ``frame``; returns a DataFrame with the same index.

    Columns of the result: one per recommendation (its code), a Categorical
    with categories ``fire``, ``no``, ``undetermined``; with
    ``findings=True`` one nullable-boolean column ``finding:NAME`` per
    finding; with ``definitions=True`` one ``definition:NAME`` per derived
    fact (nullable boolean, or float64 with NaN when unknown); with
    ``missing=True`` one ``missing:CODE`` per recommendation, a Categorical
    of the comma-separated unknown inputs that could still decide it (NaN
    unless it is undetermined).

    Input columns are named by input; absent inputs are unknown for every
    row, and NaN/None/pd.NA is unknown in any column. Bools: bool, nullable
    ``boolean`` or objects; ints, numbers, quantities: any numeric dtype
    (nullable ones too); enums: strings or a Categorical of labels.
    Quantities are in the input's declared unit, or in the unit of the
    column's name (``"crp[mg/dL]"``) or of ``units={"crp": "mg/dL"}``.

    ``unknown_columns="ignore"`` skips columns that name no input.
    ``engine``: ``"columns"`` (the column entry point; StateError for a
    library built without ``--columns``), ``"rows"`` (the row batch entry
    point, every library has it) or ``"auto"`` (columns when available).
    ``threads``: evaluate contiguous ranges of rows on this many threads
    (the result is the same whatever the number).
    """
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(f"evaluate_frame takes a pandas DataFrame, not {type(frame).__name__}")
    if unknown_columns not in ("error", "ignore"):
        raise ArgumentError(f"unknown_columns must be 'error' or 'ignore', not {unknown_columns!r}")
    if engine not in ("auto", "columns", "rows"):
        raise ArgumentError(f"engine must be 'auto', 'columns' or 'rows', not {engine!r}")
    if not isinstance(threads, int) or isinstance(threads, bool) or not 1 <= threads <= 256:
        raise ArgumentError(f"threads must be an int from 1 to 256, not {threads!r}")
    if engine == "auto":
        engine = "columns" if library.has_columns else "rows"
    columns, sources = _input_columns(library, frame, dict(units or {}), unknown_columns)
    try:
        out = library._core.evaluate_columns(columns, len(frame), findings, definitions, missing, engine,
                                             threads)
    except _core.BadValue as e:
        status, index, row, detail = e.args
        label = sources[index]
        raise status_error(status, f"column {label!r}, {_where(frame, row)}: {detail}",
                           column=label, row=row, label=frame.index[row]) from None
    data: Dict[str, Any] = {}
    for r in library.recommendations:
        data[r.code] = pd.Categorical.from_codes(out["status"][r.index], dtype=_STATUS_DTYPE)
    if findings:
        for f in library.findings:
            data[f"finding:{f.name}"] = pd.arrays.BooleanArray(out["finding_value"][f.index],
                                                              out["finding_unknown"][f.index])
    if definitions:
        for d, arrays in zip(library.definitions, out["definitions"]):
            if d.type == "number":
                data[f"definition:{d.name}"] = arrays[0]
            else:
                data[f"definition:{d.name}"] = pd.arrays.BooleanArray(arrays[0], arrays[1])
    if missing:
        names = [inp.name for inp in library.inputs]
        for r, sets in zip(library.recommendations, out["missing_sets"]):
            categories = [", ".join(names[i] for i in s) for s in sets]
            data[f"missing:{r.code}"] = pd.Categorical.from_codes(out["missing_codes"][r.index],
                                                                  categories=categories)
    return pd.DataFrame(data, index=frame.index, copy=False)
