"""pathway.compile: pathwayc build in-process (compiler driver, LLVM, LLD)."""
from __future__ import annotations

import json
import os
import tempfile
from typing import Optional, Union

from .errors import ArgumentError, CompileError


def _is_path(source: Union[str, "os.PathLike[str]"]) -> bool:
    if isinstance(source, os.PathLike):
        return True
    return "\n" not in source and "{" not in source and ";" not in source


def compile(source: Union[str, "os.PathLike[str]"], output: Optional[Union[str, "os.PathLike[str]"]] = None,
            *, opt_level: int = 2, columns: bool = True, werror: bool = False,
            name: str = "<string>.pw"):
    """Compiles a pathway and loads it: ``pathwayc build`` without a subprocess.

    ``source`` is a path (a ``pathlib.Path``, or a string without newlines,
    braces or semicolons) or the text of a ``.pw`` file (diagnostics then
    name it ``name``). ``output`` is where the shared library goes; without
    it the library is built in a temporary file, loaded, and the file
    removed (the Library keeps its bytes). ``columns`` emits the column
    entry point (``evaluate_frame``'s fast path), ``werror`` turns warnings
    into errors. Errors raise CompileError with the rendered diagnostics as
    its message and their JSON form in ``.diagnostics``.
    """
    from . import _compiler
    from ._library import Library
    if not isinstance(opt_level, int) or isinstance(opt_level, bool) or not 0 <= opt_level <= 3:
        raise ArgumentError(f"opt_level must be 0 to 3, not {opt_level!r}")
    if not isinstance(source, (str, os.PathLike)):
        raise ArgumentError(f"source is a path or the text of a pathway, not {type(source).__name__}")
    if _is_path(source):
        path, text = os.fspath(source), None
    else:
        path, text = name, source
    scratch = None
    if output is None:
        scratch = tempfile.mkdtemp(prefix="pathway-compile-")
        target = os.path.join(scratch, "libpathway_compiled.so")
    else:
        target = os.fspath(output)
    try:
        ok, text_diags, json_diags, error = _compiler.build(path, text, target, opt_level, columns, werror)
        if not ok:
            diagnostics = json.loads(json_diags) if json_diags.strip() else []
            message = text_diags.rstrip() or error
            raise CompileError(message, diagnostics)
        return Library(target)
    finally:
        if scratch is not None:
            for entry in os.listdir(scratch):
                os.unlink(os.path.join(scratch, entry))
            os.rmdir(scratch)
