"""Random patients drawn from a library's schema, and their NDJSON form for
``pathwayc run --ndjson`` (shared by the tests)."""
from __future__ import annotations

import json
from typing import Iterable

import numpy as np
import pandas as pd


def random_frame(library, n: int, seed: int = 0, unknown: float = 0.3) -> pd.DataFrame:
    """`n` patients; every input unknown with probability `unknown`, else
    uniform over its range (enums over their labels, bools fair)."""
    rng = np.random.default_rng(seed)
    data = {}
    for inp in library.inputs:
        known = rng.random(n) >= unknown
        if inp.kind == "bool":
            values = pd.array(rng.random(n) < 0.5, dtype="boolean")
            values[~known] = pd.NA
        elif inp.kind == "enum":
            codes = np.where(known, rng.integers(0, len(inp.labels), n), -1)
            values = pd.Categorical.from_codes(codes, categories=list(inp.labels))
        else:
            lo = inp.min if inp.min is not None else -1000.0
            hi = inp.max if inp.max is not None else 1000.0
            if inp.kind == "int":
                values = pd.array(rng.integers(int(lo), int(hi) + 1, n), dtype="Int64")
                values[~known] = pd.NA
            else:
                values = np.where(known, np.round(rng.uniform(lo, hi, n), 2), np.nan)
        data[inp.name] = values
    return pd.DataFrame(data)


def ndjson_lines(frame: pd.DataFrame) -> Iterable[str]:
    """One JSON object per row with the known values only."""
    columns = {}
    for name in frame.columns:
        s = frame[name]
        if isinstance(s.dtype, pd.CategoricalDtype):
            columns[name] = s.astype(object).where(s.notna(), None).tolist()
        else:
            columns[name] = s.astype(object).where(s.notna(), None).tolist()
    names = list(columns)
    for row in zip(*(columns[c] for c in names)):
        obj = {}
        for name, value in zip(names, row):
            if value is None:
                continue
            if isinstance(value, (np.bool_, bool)):
                value = bool(value)
            elif isinstance(value, (np.integer,)):
                value = int(value)
            elif isinstance(value, (np.floating,)):
                value = float(value)
            obj[name] = value
        yield json.dumps(obj)
