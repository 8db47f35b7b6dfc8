from typing import Mapping, Optional

import dask.dataframe as dd

from . import Library

def evaluate(ddf: dd.DataFrame, library: Library, *, findings: bool = ..., definitions: bool = ...,
             missing: bool = ..., units: Optional[Mapping[str, str]] = ...,
             unknown_columns: str = ..., engine: str = ...) -> dd.DataFrame: ...
