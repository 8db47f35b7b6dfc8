"""Pathway: compiled clinical pathways from Python.

Load a library built by ``pathwayc build`` (or :func:`compile`), evaluate one
patient from a dict, or a whole pandas DataFrame through the library's column
entry point (64 patients per machine word, no Python per row)::

    import pathway
    lib = pathway.Library("build/pathways/libpt_failure.so")
    result = lib.evaluate({"pain_now": 7, "crp": (1.2, "mg/dL")})
    result.statuses["mri_lumbar"]           # 'fire', 'no' or 'undetermined'
    statuses = lib.evaluate_frame(df)        # one Categorical column per recommendation

``pathway.dask.evaluate(ddf, lib)`` does the same on a Dask DataFrame.
See docs/python.md for the whole API.
"""
from __future__ import annotations

from . import errors
from ._library import (Definition, Finding, Input, Library, Recommendation, Result, Source,
                       STATUSES)
from ._compile import compile
from .errors import (ArgumentError, CompileError, InputError, InputRangeError, InputTypeError,
                     InternalError, JsonError, LoadError, PathwayError, StateError,
                     UnitError, UnknownNameError)

__version__ = "0.1.0"

__all__ = [
    "Library", "Result", "Input", "Recommendation", "Finding", "Definition", "Source",
    "STATUSES", "compile", "errors", "PathwayError", "ArgumentError", "LoadError",
    "InputError", "UnknownNameError", "InputTypeError", "InputRangeError", "JsonError",
    "UnitError", "StateError", "CompileError", "InternalError", "__version__",
]
