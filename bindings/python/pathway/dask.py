"""Distributed evaluation on Dask: ``pathway.dask.evaluate(ddf, library)``.

The library travels as its bytes (a Library pickles that way), as one
key of the task graph: each worker receives it once, writes it to a
worker-local file and loads it once per worker process (pathway._cache),
so workers on other machines need no access to the client's files. Every
partition then goes through ``Library.evaluate_frame``.
"""
from __future__ import annotations

import hashlib
from typing import Any, Mapping, Optional

import dask
import dask.dataframe as dd
import pandas as pd

from ._library import Library

__all__ = ["evaluate"]


class _Shipped:
    """A library's bytes in the task graph; unpickled into the worker's cached Library."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def __reduce__(self) -> Any:
        return (_Shipped, (self.library,))  # the Library itself pickles as bytes


def _evaluate_partition(partition: pd.DataFrame, shipped: _Shipped, options: Mapping[str, Any]) -> pd.DataFrame:
    return shipped.library.evaluate_frame(partition, **options)


def evaluate(ddf: dd.DataFrame, library: Library, *, findings: bool = False, definitions: bool = False,
             missing: bool = False, units: Optional[Mapping[str, str]] = None,
             unknown_columns: str = "error", engine: str = "auto") -> dd.DataFrame:
    """``library.evaluate_frame`` on every partition of a Dask DataFrame.

    Returns a lazy Dask DataFrame with the same partitions and index and the
    columns of ``evaluate_frame`` (same options). Column errors are raised
    while building the graph when the input's dtypes already show them,
    otherwise when the partition holding the bad value is computed.
    """
    if not isinstance(ddf, dd.DataFrame):
        from .errors import ArgumentError
        raise ArgumentError(f"pathway.dask.evaluate takes a dask DataFrame, not {type(ddf).__name__}")
    if not isinstance(library, Library):
        from .errors import ArgumentError
        raise ArgumentError(f"library must be a pathway.Library, not {type(library).__name__}")
    options = dict(findings=findings, definitions=definitions, missing=missing,
                   units=dict(units or {}), unknown_columns=unknown_columns, engine=engine)
    meta = library.evaluate_frame(ddf._meta, **options)
    if missing:
        # the sets of missing inputs differ from partition to partition
        from dask.dataframe.utils import clear_known_categories
        meta = clear_known_categories(meta, cols=[c for c in meta.columns if c.startswith("missing:")])
    digest = hashlib.sha256(library.to_bytes()).hexdigest()[:32]
    shipped = dask.delayed(_Shipped(library), pure=True, name=f"pathway-library-{library.name}-{digest}")
    return ddf.map_partitions(_evaluate_partition, shipped, options, meta=meta,
                              align_dataframes=False, enforce_metadata=False)
