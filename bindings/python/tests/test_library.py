"""pathway.Library: loading, metadata, schema objects, lookups, pickling."""
import os
import pickle
import shutil

import pytest

import pathway
from pathway import _cache


def test_metadata(pt):
    assert pt.name == "pt_failure"
    assert pt.version.count(".") == 2
    assert pt.title
    assert pt.abi_version == 1
    assert isinstance(pt.content_hash, int) and pt.content_hash > 0
    assert pt.authors
    assert pt.has_columns and pt.has_trace
    assert pt.path == os.environ["PATHWAY_PT_LIBRARY"]
    assert pt.metadata["name"] == "pt_failure"
    assert len(pt.inputs) == len(pt.metadata["inputs"])


def test_schema_objects(small):
    kinds = {i.name: i.kind for i in small.inputs}
    assert kinds == {"flag": "bool", "count": "int", "score": "number", "colour": "enum",
                     "crp": "quantity", "wait": "quantity"}
    crp = small.input("crp")
    assert (crp.unit, crp.dimension, crp.min, crp.max) == ("mg/L", "concentration", 0.0, 500.0)
    assert small.input("colour").labels == ("red", "green", "blue")
    assert small.input("colour").enum_name == "Colour"
    assert small.input("score").min is None and small.input("score").max is None
    assert repr(small.input("count")) == "<Input count: int in 0..10>"
    assert repr(small.input("colour")) == "<Input colour: Colour {red, green, blue}>"
    assert repr(crp) == "<Input crp: mg/L in 0..500>"
    routine = small.recommendation("routine")
    assert routine.supersedes == ("urgent",)
    assert routine.citations == (("src", "S1.P2"),)
    assert (routine.category, routine.urgency, routine.label) == ("execution", "routine", "Routine")
    assert repr(routine) == "<Recommendation routine [execution, routine]: Routine>"
    assert small.finding("inflamed").label == "Inflamed"
    assert [d.type for d in small.definitions] == ["number", "bool"]
    assert small.definition("doubled").index == 0
    assert small.sources[0].paragraphs == ("S1.P1", "S1.P2")
    assert "Source src" in repr(small.sources[0])


def test_repr_reads_well(pt):
    text = repr(pt)
    assert text.startswith("<pathway.Library pt_failure ")
    assert f"{len(pt.inputs)} inputs" in text and "columns, trace" in text
    html = pt._repr_html_()
    assert "<table>" in html and pt.recommendations[0].code in html


def test_unknown_names_suggest(pt):
    with pytest.raises(pathway.UnknownNameError, match="did you mean 'pain_now'"):
        pt.input("pain_nw")
    with pytest.raises(pathway.UnknownNameError, match="no recommendation named 'mri_lumbr'; did you mean 'mri_lumbar'"):
        pt.recommendation("mri_lumbr")
    with pytest.raises(pathway.UnknownNameError, match="no finding named"):
        pt.finding("nope")
    with pytest.raises(pathway.UnknownNameError, match="no definition named"):
        pt.definition("nope")


def test_load_errors(tmp_path):
    with pytest.raises(pathway.LoadError) as e:
        pathway.Library(tmp_path / "missing.so")
    assert e.value.status == 2 and "missing.so" in str(e.value)
    text = tmp_path / "text.so"
    text.write_text("not a library")
    with pytest.raises(pathway.LoadError):
        pathway.Library(text)
    truncated = tmp_path / "truncated.so"
    truncated.write_bytes(open(os.environ["PATHWAY_PT_LIBRARY"], "rb").read()[:4000])
    with pytest.raises(pathway.LoadError):
        pathway.Library(truncated)
    with pytest.raises(pathway.LoadError, match="descriptor"):
        # an ELF shared object that is not a pathway: the extension itself
        pathway.Library(pathway._core.__file__)


def test_pickle_ships_bytes(pt, tmp_path, monkeypatch):
    copy = tmp_path / "libcopy.so"
    shutil.copy(pt.path, copy)
    lib = pathway.Library(copy)
    data = pickle.dumps(lib)
    os.unlink(copy)  # the receiver must not need the sender's file
    monkeypatch.setenv("PATHWAY_CACHE_DIR", str(tmp_path / "cache"))
    a = pickle.loads(data)
    b = pickle.loads(data)
    assert a is b  # loaded once per process
    assert _cache.loaded_count() >= 1
    assert os.path.exists(a.path) and a.path != str(copy)
    assert a.to_bytes() == lib.to_bytes()
    assert a.evaluate({"fever": True}).statuses == lib.evaluate({"fever": True}).statuses
    assert pathway.Library.from_bytes(lib.to_bytes()) is a


def test_errors_are_standard_exceptions():
    assert issubclass(pathway.InputTypeError, TypeError)
    assert issubclass(pathway.InputRangeError, ValueError)
    assert issubclass(pathway.LoadError, OSError)
    assert issubclass(pathway.StateError, RuntimeError)
    e = pathway.errors.status_error(10, "bad unit", column="c", row=3, label="x")
    assert isinstance(e, pathway.UnitError) and (e.column, e.row, e.label) == ("c", 3, "x")
    assert isinstance(pathway.errors.status_error(99, "?"), pathway.InternalError)
    assert isinstance(pathway.errors.status_error(4, "abi"), pathway.LoadError)
