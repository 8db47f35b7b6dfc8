"""Exceptions raised by the ``pathway`` package.

Every failure of the runtime's C API becomes one of these, carrying the
runtime's message (``str(e)``) and its status code (``e.status``, the
``pw_status`` value of ``pathway.h``). Input errors are also ``ValueError``
(wrong types are ``TypeError``, unknown names ``KeyError``-like lookups are
``UnknownNameError``), so generic handlers keep working.
"""
from __future__ import annotations

from typing import Any, Hashable, Optional

__all__ = [
    "PathwayError", "ArgumentError", "LoadError", "InputError", "UnknownNameError",
    "InputTypeError", "InputRangeError", "JsonError", "UnitError", "StateError",
    "CompileError", "InternalError", "status_error",
]


class PathwayError(Exception):
    """Base class of every error of the package; ``status`` is the pw_status code."""

    status: int = 0

    def __init__(self, message: str, status: Optional[int] = None) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class ArgumentError(PathwayError, ValueError):
    """A bad argument: an index out of range, a value of the wrong kind (PW_ERR_ARGUMENT)."""

    status = 1


class LoadError(PathwayError, OSError):
    """The library could not be opened: missing, not a pathway, wrong ABI, corrupt."""

    status = 2


class InputError(PathwayError, ValueError):
    """A patient value was rejected.

    From ``evaluate_frame``, ``column`` is the DataFrame column, ``row`` the
    position (0-based) of the first bad row and ``label`` its index label;
    all three are ``None`` for errors from ``evaluate``.
    """

    column: Optional[Hashable] = None
    row: Optional[int] = None
    label: Any = None

    def __init__(self, message: str, status: Optional[int] = None, *,
                 column: Optional[Hashable] = None, row: Optional[int] = None,
                 label: Any = None) -> None:
        super().__init__(message, status)
        self.column, self.row, self.label = column, row, label


class UnknownNameError(InputError):
    """No input, finding, recommendation or enum label of that name (PW_ERR_NOT_FOUND)."""

    status = 6


class InputTypeError(InputError, TypeError):
    """A value (or a column's dtype) of the wrong type for the input (PW_ERR_TYPE)."""

    status = 7


class InputRangeError(InputError):
    """Non-finite, non-integer int, or outside the declared range (PW_ERR_RANGE)."""

    status = 8


class JsonError(InputError):
    """Malformed JSON (PW_ERR_JSON)."""

    status = 9


class UnitError(InputError):
    """An unknown unit, or a unit of another dimension (PW_ERR_UNIT)."""

    status = 10


class StateError(PathwayError, RuntimeError):
    """The operation needs something the library or result lacks (PW_ERR_STATE):
    an explanation without a traced evaluation, the column entry point of a
    library built without ``--columns``."""

    status = 12


class CompileError(PathwayError):
    """``pathway.compile`` found errors; ``diagnostics`` lists them as dicts
    (``pathwayc check --error-format=json``), ``str(e)`` is the rendered text."""

    def __init__(self, message: str, diagnostics: Optional[list] = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


class InternalError(PathwayError, RuntimeError):
    """A broken invariant in the runtime (PW_ERR_NO_MEMORY, PW_ERR_INTERNAL)."""

    status = 14


_BY_STATUS = {
    1: ArgumentError, 2: LoadError, 3: LoadError, 4: LoadError, 5: LoadError,
    6: UnknownNameError, 7: InputTypeError, 8: InputRangeError, 9: JsonError,
    10: UnitError, 11: ArgumentError, 12: StateError, 13: InternalError, 14: InternalError,
}


def status_error(status: int, message: str, **where: Any) -> PathwayError:
    """The exception for a pw_status code and the runtime's message."""
    cls = _BY_STATUS.get(status, InternalError)
    if issubclass(cls, InputError):
        return cls(message, status, **where)
    return cls(message, status)
