"""Fixtures for the pathway package's tests (run by CTest: see bindings/python/CMakeLists.txt).

Environment: PATHWAY_PT_LIBRARY (the PT library built with --columns),
PATHWAYC (the pathwayc executable), PATHWAY_SOURCE_DIR (the checkout).
"""
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import pathway  # noqa: E402

SOURCE_DIR = os.environ.get("PATHWAY_SOURCE_DIR",
                            os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

# A small pathway with every input kind, a number definition, a finding and
# a supersede, for the rules that the PT pathway does not exercise.
SMALL = """
pathway small {
  title "Small";
  version "2.1.0";
  source src "S" { S1.P1, S1.P2 }
}
enum Colour { red, green, blue }
input flag: bool;
input count: int in 0..10;
input score: number;
input colour: Colour;
input crp: mg/L in 0..500;
input wait: weeks in 0..52;
define doubled = score * 2;
define high = crp > 10 mg/L;
finding inflamed { label "Inflamed"; when high and flag; cite S1.P1; }
recommendation urgent {
  label "Urgent"; when inflamed or count >= 8;
  category urgent; urgency immediate; rationale "r"; cite S1.P1;
}
recommendation routine {
  label "Routine"; when colour in {red, green} and wait > 2 weeks; supersedes urgent;
  category execution; urgency routine; rationale "r"; cite S1.P2;
}
recommendation scored {
  label "Scored"; when score > 3.5 and count < 5;
  category imaging; urgency soon; rationale "r"; cite S1.P2;
}
"""


@pytest.fixture(scope="session")
def pt() -> pathway.Library:
    return pathway.Library(os.environ["PATHWAY_PT_LIBRARY"])


@pytest.fixture(scope="session")
def pathwayc() -> str:
    return os.environ["PATHWAYC"]


@pytest.fixture(scope="session")
def small() -> pathway.Library:
    return pathway.compile(SMALL, name="small.pw", opt_level=1)


@pytest.fixture(scope="session")
def small_rows_only(tmp_path_factory) -> pathway.Library:
    out = tmp_path_factory.mktemp("rows") / "libsmall_rows.so"
    return pathway.compile(SMALL, out, name="small.pw", opt_level=1, columns=False)


def pytest_collection_modifyitems(config, items):
    if os.environ.get("PATHWAY_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set PATHWAY_SLOW_TESTS=1 (ctest -L slow)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
