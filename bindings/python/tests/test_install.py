"""cmake --install puts an importable package under <prefix>/lib/python3/dist-packages."""
import os
import subprocess
import sys

import pytest


def test_installed_package_imports_and_evaluates(tmp_path):
    build = os.environ.get("PATHWAY_BUILD_DIR")
    if not build:
        pytest.skip("PATHWAY_BUILD_DIR not set")
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", build, "--prefix", str(prefix), "--component", "Python"],
                   check=True, capture_output=True)
    subprocess.run(["cmake", "--install", build, "--prefix", str(prefix), "--component", "Runtime"],
                   check=True, capture_output=True)
    site = prefix / "lib" / "python3" / "dist-packages"
    assert (site / "pathway" / "__init__.pyi").exists()
    env = dict(os.environ, PYTHONPATH=str(site))
    code = ("import pathway, sys; lib = pathway.Library(sys.argv[1]); "
            "print(pathway.__file__); print(lib.evaluate({'fever': True}).statuses['immediate_medical_evaluation'])")
    out = subprocess.run([sys.executable, "-c", code, os.environ["PATHWAY_PT_LIBRARY"]], env=env, cwd=tmp_path,
                         check=True, capture_output=True, text=True).stdout.split()
    assert out[0].startswith(str(site))
    assert out[1] == "fire"
    # the installed extension finds the installed libpathway, not the build tree's
    ldd = subprocess.run(["ldd", str(next((site / "pathway").glob("_core*.so")))],
                         capture_output=True, text=True).stdout
    assert str(prefix) in ldd, ldd
