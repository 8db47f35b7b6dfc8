"""Library, Result and the schema objects (pathway.Library and friends)."""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _core
from .errors import ArgumentError, InputTypeError, PathwayError, status_error

#: The categories of every status column, in this order.
STATUSES: Tuple[str, str, str] = ("fire", "no", "undetermined")
_STATUS_NAME = {0: "no", 1: "fire", 2: "undetermined"}  # pw_rec_status
_TRI = {0: False, 1: True, 2: None}  # pw_tri

Citation = Tuple[str, str]  # (source name, paragraph id such as "S2.P3")


def _range_text(lo: Optional[float], hi: Optional[float]) -> str:
    def num(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else str(x)
    if lo is None and hi is None:
        return ""
    return f" in {'' if lo is None else num(lo)}..{'' if hi is None else num(hi)}"


@dataclass(frozen=True)
class Input:
    """One input of the pathway's schema.

    ``kind`` is ``"bool"``, ``"int"``, ``"number"``, ``"enum"`` or
    ``"quantity"``; a quantity has a declared ``unit`` (its values in
    frames and dicts are in that unit unless said otherwise) and a
    ``dimension``; an enum has ``labels``.
    """

    index: int
    name: str
    kind: str
    unit: str
    dimension: str
    min: Optional[float]
    max: Optional[float]
    enum_name: str
    labels: Tuple[str, ...]
    description: str

    def __repr__(self) -> str:
        if self.kind == "enum":
            kind = f"{self.enum_name} {{{', '.join(self.labels)}}}"
        elif self.kind == "quantity":
            kind = f"{self.unit}"
        else:
            kind = self.kind
        return f"<Input {self.name}: {kind}{_range_text(self.min, self.max)}>"


@dataclass(frozen=True)
class Recommendation:
    """A recommendation: its code, text, urgency, citations and the codes it supersedes."""

    index: int
    code: str
    label: str
    category: str
    urgency: str
    rationale: str
    citations: Tuple[Citation, ...]
    supersedes: Tuple[str, ...]

    def __repr__(self) -> str:
        return f"<Recommendation {self.code} [{self.category}, {self.urgency}]: {self.label}>"


@dataclass(frozen=True)
class Finding:
    """A named clinical finding (true, false or unknown for a patient)."""

    index: int
    name: str
    label: str
    citations: Tuple[Citation, ...]

    def __repr__(self) -> str:
        return f"<Finding {self.name}: {self.label}>"


@dataclass(frozen=True)
class Definition:
    """A derived fact; ``type`` is ``"bool"`` or ``"number"``."""

    index: int
    name: str
    type: str

    def __repr__(self) -> str:
        return f"<Definition {self.name}: {self.type}>"


@dataclass(frozen=True)
class Source:
    """A cited source and its paragraph ids."""

    name: str
    title: str
    paragraphs: Tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        return f"<Source {self.name}: {self.title} ({len(self.paragraphs)} paragraphs)>"


def _json_value(name: str, value: Any) -> Any:
    """A patient value as the JSON value pw_input_set_json takes."""
    # numpy and pandas scalars without importing either here
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    type_name = type(value).__module__
    if type_name.startswith("pandas") and str(value) == "<NA>":
        return None
    if isinstance(value, (tuple, list)) and len(value) == 2 and isinstance(value[1], str):
        return {"value": _json_value(name, value[0]), "unit": value[1]}
    if isinstance(value, Mapping):
        return {str(k): _json_value(name, v) for k, v in value.items()}
    if type_name == "numpy":
        if hasattr(value, "dtype") and value.dtype.kind == "b":
            return bool(value)
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and math.isinf(value):
        raise InputTypeError(f"input '{name}' must be finite, got {value}", 8)
    if isinstance(value, (int, float, str)):
        return value
    raise InputTypeError(
        f"input '{name}': cannot use a value of type {type(value).__name__} "
        "(use bool, int, float, str, None, or (value, unit))")


class Result:
    """One patient's evaluation (``Library.evaluate``).

    ``statuses`` maps every recommendation code to ``"fire"``, ``"no"`` or
    ``"undetermined"``; ``missing`` the undetermined ones to the unknown
    inputs that could still decide them; ``superseded_by`` the suppressed
    ones to the codes that fired and suppressed them; ``findings`` and
    ``definitions`` give every finding and derived fact (``None`` when
    unknown). ``explain(code)`` is the text of ``pathwayc explain``.
    """

    def __init__(self, library: "Library", core: Any) -> None:
        self._library = library
        self._core = core

    @property
    def library(self) -> "Library":
        return self._library

    @property
    def statuses(self) -> Dict[str, str]:
        return {r.code: _STATUS_NAME[self._core.status(r.index)] for r in self._library.recommendations}

    def status(self, code: str) -> str:
        """The status of one recommendation (UnknownNameError for an unknown code)."""
        return _STATUS_NAME[self._core.status(self._library.recommendation(code).index)]

    @property
    def fired(self) -> List[str]:
        """The codes of the recommendations that fired, in declaration order."""
        return [c for c, s in self.statuses.items() if s == "fire"]

    @property
    def conditions(self) -> Dict[str, Optional[bool]]:
        """Each recommendation's own condition, before supersedes."""
        return {r.code: _TRI[self._core.condition(r.index)] for r in self._library.recommendations}

    @property
    def missing(self) -> Dict[str, List[str]]:
        inputs = self._library.inputs
        out = {}
        for r in self._library.recommendations:
            items = self._core.missing(r.index)
            if items:
                out[r.code] = [inputs[i].name for i in items]
        return out

    @property
    def superseded_by(self) -> Dict[str, List[str]]:
        recs = self._library.recommendations
        out = {}
        for r in recs:
            items = self._core.superseded_by(r.index)
            if items:
                out[r.code] = [recs[i].code for i in items]
        return out

    @property
    def findings(self) -> Dict[str, Optional[bool]]:
        return {f.name: _TRI[self._core.finding(f.index)] for f in self._library.findings}

    @property
    def definitions(self) -> Dict[str, Union[bool, float, None]]:
        out: Dict[str, Union[bool, float, None]] = {}
        for d in self._library.definitions:
            value, number = self._core.definition(d.index)
            if d.type == "number":
                out[d.name] = number if value == 1 else None
            else:
                out[d.name] = _TRI[value]
        return out

    @property
    def explainable(self) -> bool:
        """True when ``explain`` works (the library has the trace entry point)."""
        return bool(self._core.traced)

    def explain(self, code: Optional[str] = None, format: str = "text") -> Union[str, Dict[str, Any]]:
        """Why a recommendation has its status: the condition tree with every
        node's value and the patient's values behind it (``pathwayc explain``).

        ``code=None`` explains every recommendation that fired, is
        undetermined or was superseded. ``format="json"`` returns the parsed
        JSON object instead of text. StateError for a library built without
        the trace entry point.
        """
        if format not in ("text", "json"):
            raise ArgumentError(f"format must be 'text' or 'json', not {format!r}")
        index = _core.EXPLAIN_ALL if code is None else self._library.recommendation(code).index
        text = self._core.explain(index, format == "json")
        return json.loads(text) if format == "json" else text

    def to_json(self) -> str:
        """The result as ``pathwayc run`` prints it (pw_result_to_json)."""
        return self._core.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """``to_json()`` parsed."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        groups: Dict[str, List[str]] = {"fire": [], "undetermined": [], "no": []}
        for code, status in self.statuses.items():
            groups[status].append(code)
        parts = [f"fire: {', '.join(groups['fire']) or '-'}",
                 f"undetermined: {', '.join(groups['undetermined']) or '-'}",
                 f"no: {len(groups['no'])}"]
        return f"<pathway.Result {self._library.name} {self._library.version}; {'; '.join(parts)}>"


class Library:
    """A compiled pathway library (``pathwayc build``), loaded through libpathway.

    ``Library(path)`` opens it (LoadError naming the problem: missing file,
    not a pathway, wrong ABI version, corrupt descriptor). Its metadata,
    schema and tables are Python objects; ``evaluate`` takes one patient as
    a dict, ``evaluate_frame`` a pandas DataFrame. A Library is safe to use
    from many threads at once (evaluation releases the GIL) and pickles as
    its bytes, so it can be sent to other processes and machines (Dask).
    """

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        path = os.fspath(path)
        self._core = _core.Library(path)
        with open(path, "rb") as f:
            self._data = f.read()
        self._init_schema()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Library":
        """A library from the bytes of a compiled ``.so`` (``to_bytes()``),
        written once to a private per-process cache file and loaded from there."""
        from ._cache import load_bytes
        return load_bytes(bytes(data))

    def to_bytes(self) -> bytes:
        """The bytes of the compiled library file, as loaded."""
        return self._data

    def __reduce__(self) -> Any:
        from ._cache import load_bytes
        return (load_bytes, (self._data,))

    def _init_schema(self) -> None:
        d = self._core.describe()
        self._describe = d
        self._inputs = tuple(
            Input(i, x["name"], x["kind"], x["unit"], x["dimension"], x["min"], x["max"],
                  x["enum_name"], tuple(x["labels"]), x["description"])
            for i, x in enumerate(d["inputs"]))
        codes = [x["code"] for x in d["recommendations"]]
        self._recommendations = tuple(
            Recommendation(i, x["code"], x["label"], x["category"], x["urgency"], x["rationale"],
                           tuple(tuple(c) for c in x["citations"]),
                           tuple(codes[j] for j in x["supersedes"]))
            for i, x in enumerate(d["recommendations"]))
        self._findings = tuple(Finding(i, x["name"], x["label"], tuple(tuple(c) for c in x["citations"]))
                               for i, x in enumerate(d["findings"]))
        self._definitions = tuple(Definition(i, x["name"], x["type"]) for i, x in enumerate(d["definitions"]))
        self._sources = tuple(Source(x["name"], x["title"], tuple(x["paragraphs"])) for x in d["sources"])
        self._by_code = {r.code: r for r in self._recommendations}
        self._by_finding = {f.name: f for f in self._findings}
        self._by_definition = {x.name: x for x in self._definitions}

    # ---- metadata
    @property
    def path(self) -> str:
        """The path the library was opened from."""
        return self._describe["path"]

    @property
    def name(self) -> str:
        return self._describe["name"]

    @property
    def title(self) -> str:
        return self._describe["title"]

    @property
    def version(self) -> str:
        return self._describe["version"]

    @property
    def authors(self) -> Tuple[str, ...]:
        return tuple(self._describe["authors"])

    @property
    def content_hash(self) -> int:
        """The 64-bit hash of the pathway's content (``pathwayc describe``)."""
        return self._describe["content_hash"]

    @property
    def abi_version(self) -> int:
        return self._describe["abi_version"]

    @property
    def has_columns(self) -> bool:
        """True when the library has the column entry point (``pathwayc build --columns``)."""
        return self._describe["has_columns"]

    @property
    def has_trace(self) -> bool:
        """True when the library can explain its results (``Result.explain``)."""
        return self._describe["has_trace"]

    @property
    def metadata(self) -> Dict[str, Any]:
        """The descriptor's metadata JSON, parsed (as ``pathwayc describe --json`` shows it)."""
        return json.loads(self._describe["metadata_json"])

    @property
    def inputs(self) -> Tuple[Input, ...]:
        return self._inputs

    @property
    def recommendations(self) -> Tuple[Recommendation, ...]:
        return self._recommendations

    @property
    def findings(self) -> Tuple[Finding, ...]:
        return self._findings

    @property
    def definitions(self) -> Tuple[Definition, ...]:
        return self._definitions

    @property
    def sources(self) -> Tuple[Source, ...]:
        return self._sources

    def input(self, name: str) -> Input:
        """The input called ``name`` (UnknownNameError naming the closest one)."""
        return self._inputs[self._core.find_input(name)]

    def recommendation(self, code: str) -> Recommendation:
        """The recommendation with code ``code`` (UnknownNameError otherwise)."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise _unknown("recommendation", code, self._by_code) from None

    def finding(self, name: str) -> Finding:
        try:
            return self._by_finding[name]
        except (KeyError, TypeError):
            raise _unknown("finding", name, self._by_finding) from None

    def definition(self, name: str) -> Definition:
        try:
            return self._by_definition[name]
        except (KeyError, TypeError):
            raise _unknown("definition", name, self._by_definition) from None

    def dtypes(self) -> Dict[str, Any]:
        """The pandas dtype that holds each input without loss, for
        ``pd.read_csv(..., dtype=lib.dtypes())`` (and ``dask.dataframe.read_csv``):
        nullable ``boolean`` and ``Int64``, ``float64``, and a Categorical of
        the labels for enums."""
        import pandas as pd
        out: Dict[str, Any] = {}
        for inp in self._inputs:
            if inp.kind == "bool":
                out[inp.name] = "boolean"
            elif inp.kind == "int":
                out[inp.name] = "Int64"
            elif inp.kind == "enum":
                out[inp.name] = pd.CategoricalDtype(list(inp.labels))
            else:
                out[inp.name] = "float64"
        return out

    # ---- evaluation
    def evaluate(self, patient: Mapping[str, Any]) -> Result:
        """Evaluates one patient given as ``{input name: value}``.

        A missing key, ``None``, NaN or ``pd.NA`` is unknown. Values: bools,
        ints, floats (quantities in their declared unit), enum labels as
        strings, and quantities in another unit as ``(value, "mg/dL")``, a
        string ``"3 weeks"`` or ``{"value": 3, "unit": "weeks"}``. An unknown
        name, a wrong type, a value out of range, an unknown label or unit
        raises the matching InputError with the runtime's message.
        """
        if not isinstance(patient, Mapping):
            raise InputTypeError(f"a patient is a mapping of input names to values, not {type(patient).__name__}", 7)
        body = {}
        for key, value in patient.items():
            if not isinstance(key, str):
                raise InputTypeError(f"input names are strings, not {type(key).__name__} ({key!r})", 7)
            body[key] = _json_value(key, value)
        return Result(self, self._core.evaluate(json.dumps(body, allow_nan=False)))

    def evaluate_frame(self, frame: Any, *, findings: bool = False, definitions: bool = False,
                       missing: bool = False, units: Optional[Mapping[str, str]] = None,
                       unknown_columns: str = "error", engine: str = "auto", threads: int = 1) -> Any:
        """Evaluates every row of a pandas DataFrame; see pathway._frame.evaluate_frame."""
        from ._frame import evaluate_frame
        return evaluate_frame(self, frame, findings=findings, definitions=definitions,
                              missing=missing, units=units, unknown_columns=unknown_columns,
                              engine=engine, threads=threads)

    # ---- display
    def __repr__(self) -> str:
        entry = ", ".join(x for x, on in (("columns", self.has_columns), ("trace", self.has_trace)) if on)
        return (f"<pathway.Library {self.name} {self.version} ({self.title}): "
                f"{len(self._inputs)} inputs, {len(self._recommendations)} recommendations, "
                f"{len(self._findings)} findings, {len(self._definitions)} definitions"
                f"{'; ' + entry if entry else ''}>")

    def _repr_html_(self) -> str:
        from html import escape
        rows = "".join(
            f"<tr><td><code>{escape(r.code)}</code></td><td>{escape(r.category)}</td>"
            f"<td>{escape(r.urgency)}</td><td>{escape(r.label)}</td></tr>"
            for r in self._recommendations)
        return (f"<p><b>{escape(self.name)} {escape(self.version)}</b>: {escape(self.title)} "
                f"({len(self._inputs)} inputs, {len(self._findings)} findings)</p>"
                f"<table><tr><th>code</th><th>category</th><th>urgency</th><th>label</th></tr>{rows}</table>")


def _unknown(what: str, name: Any, names: Mapping[str, Any]) -> PathwayError:
    import difflib
    close = difflib.get_close_matches(str(name), list(names), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return status_error(6, f"no {what} named '{name}'{hint}")
