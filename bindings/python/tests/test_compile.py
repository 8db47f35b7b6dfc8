"""pathway.compile: pathwayc build in-process."""
import pathlib

import pytest

import pathway
from conftest import SMALL, SOURCE_DIR


def test_compile_text_path_and_pathlib(tmp_path, pt):
    pw = tmp_path / "small.pw"
    pw.write_text(SMALL)
    from_text = pathway.compile(SMALL, opt_level=0)
    from_path = pathway.compile(str(pw), tmp_path / "libsmall.so")
    from_pathlib = pathway.compile(pathlib.Path(pw), opt_level=3)
    assert (tmp_path / "libsmall.so").exists()
    assert from_path.path == str(tmp_path / "libsmall.so")
    for lib in (from_text, from_path, from_pathlib):
        assert lib.name == "small" and lib.has_columns and lib.has_trace
        assert lib.evaluate({"count": 9, "colour": "blue"}).statuses["urgent"] == "fire"
    shipped = pathway.compile(pathlib.Path(SOURCE_DIR) / "pathways" / "pt_failure.pw", opt_level=1)
    assert shipped.content_hash == pt.content_hash
    assert not pathway.compile(SMALL, columns=False).has_columns


def test_compile_errors_carry_diagnostics(tmp_path):
    bad = SMALL.replace("count >= 8", "count >= 80")
    with pytest.raises(pathway.CompileError) as e:
        pathway.compile(bad, name="bad.pw")
    assert str(e.value).startswith("bad.pw:")
    assert "error:" in str(e.value) and "^" in str(e.value)
    assert e.value.diagnostics and e.value.diagnostics[0]["file"] == "bad.pw"
    assert "error" in {d["severity"] for d in e.value.diagnostics}
    with pytest.raises(pathway.CompileError, match="cannot open|No such file"):
        pathway.compile(str(tmp_path / "missing.pw"))
    out = tmp_path / "never.so"
    with pytest.raises(pathway.CompileError):
        pathway.compile(bad, out)
    assert not out.exists()


def test_werror_and_arguments(tmp_path):
    warned = SMALL.replace("input wait: weeks in 0..52;", "input wait: weeks in 0..52;\ninput unused: bool;")
    lib = pathway.compile(warned)  # a warning only
    assert lib.name == "small"
    with pytest.raises(pathway.CompileError, match="unused"):
        pathway.compile(warned, werror=True)
    for level in (-1, 4, "2", True):
        with pytest.raises(pathway.ArgumentError, match="opt_level"):
            pathway.compile(SMALL, opt_level=level)
    with pytest.raises(pathway.ArgumentError, match="source"):
        pathway.compile(42)
