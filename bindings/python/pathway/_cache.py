"""Libraries from bytes: written once per process to a private local file.

A Library pickles as the bytes of its ``.so``; unpickling (in a Dask worker,
say, on another machine) calls :func:`load_bytes`, which writes the bytes to
a file named by their SHA-256 in a directory only this user can read, and
opens it once per process: later calls with the same bytes return the same
Library object.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from typing import Dict

_lock = threading.Lock()
_loaded: Dict[str, "object"] = {}


def cache_dir() -> str:
    """The directory holding this user's library files (created 0700)."""
    base = os.environ.get("PATHWAY_CACHE_DIR") or os.path.join(
        tempfile.gettempdir(), f"pathway-libraries-{os.getuid()}")
    os.makedirs(base, mode=0o700, exist_ok=True)
    return base


def _write_once(path: str, data: bytes, digest: str) -> None:
    try:
        with open(path, "rb") as f:
            if hashlib.sha256(f.read()).hexdigest() == digest:
                return
    except OSError:
        pass
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)  # atomic: other processes see all of it or nothing
    except BaseException:
        os.unlink(tmp)
        raise


def load_bytes(data: bytes):
    """The Library whose ``.so`` has these bytes, loaded at most once per process."""
    from ._library import Library
    digest = hashlib.sha256(data).hexdigest()
    with _lock:
        library = _loaded.get(digest)
        if library is None:
            path = os.path.join(cache_dir(), f"{digest}.so")
            _write_once(path, data, digest)
            library = Library(path)
            _loaded[digest] = library
        return library


def loaded_count() -> int:
    """How many distinct libraries this process has loaded from bytes (for tests)."""
    with _lock:
        return len(_loaded)
