#!/usr/bin/env python3
"""Benchmark of the Python package on the PT-failure pathway, in one run.

The pathway is version 1.0.0, kept as bench/python/pt_failure_1_0_0.pw: the
hand transcription into pandas (pt_pandas.py) is of that version, and the
comparison only means something when both compute the same pathway.

Patients per second, and ratios, for:
  columns-c     the C column entry point alone (pw_evaluate_columns through
                ctypes on arrays packed beforehand, one call for the batch)
  frame         Library.evaluate_frame(df), statuses only
  frame-2t      the same with threads=2
  frame-all     Library.evaluate_frame(df, findings, definitions, missing)
  pandas        the pathway transcribed into vectorised pandas (pt_pandas.py),
                checked to agree with evaluate_frame on every patient
  dict          Library.evaluate(dict), one patient per call
  ndjson-j1/j2  pathwayc run --ndjson (-j 1 / -j 2) on the same patients
  dask-1w/2w    pathway.dask.evaluate on a LocalCluster of 1 or 2 worker
                processes: CSV read by the workers, then evaluation, then a
                count of firing patients per recommendation (`-csv`), and the
                same on partitions already persisted in the workers (`-mem`)

    PYTHONPATH=build/bindings/python /usr/bin/python3 bench/python/bench_python.py \\
        [--patients 1000000] [--dict-patients 20000] [--repeat 3] [--no-dask] [--json out.json]

Each number is the best of --repeat runs. Run it on an idle machine: it uses
both cores for the -j2 and Dask runs.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.dirname(__file__))

import pathway  # noqa: E402
import pt_pandas  # noqa: E402


def generate(lib: pathway.Library, n: int, seed: int = 1) -> pd.DataFrame:
    """Random patients: every input unknown with probability 0.3, else uniform over its range."""
    rng = np.random.default_rng(seed)
    data = {}
    for inp in lib.inputs:
        known = rng.random(n) >= 0.3
        if inp.kind == "bool":
            values = pd.array(rng.random(n) < 0.5, dtype="boolean")
            values[~known] = pd.NA
        elif inp.kind == "enum":
            values = pd.Categorical.from_codes(np.where(known, rng.integers(0, len(inp.labels), n), -1),
                                               categories=list(inp.labels))
        elif inp.kind == "int":
            values = pd.array(rng.integers(int(inp.min), int(inp.max) + 1, n), dtype="Int64")
            values[~known] = pd.NA
        else:
            values = np.where(known, np.round(rng.uniform(inp.min or 0, inp.max or 100, n), 1), np.nan)
        data[inp.name] = values
    return pd.DataFrame(data)


def best(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


class ColumnsC:
    """pw_evaluate_columns through ctypes on pre-packed arrays (the C entry point alone)."""

    def __init__(self, lib: pathway.Library, frame: pd.DataFrame) -> None:
        self.rt = ctypes.CDLL(os.path.join(ROOT, "build", "runtime", "libpathway.so"))
        self.handle = ctypes.c_void_p()
        if self.rt.pw_library_open(lib.path.encode(), ctypes.byref(self.handle)) != 0:
            raise SystemExit("bench: pw_library_open failed")
        n = len(frame)
        self.n = n
        words = (n + 63) // 64
        lanes = 64 * words
        n_inputs = len(lib.inputs)
        n_slots = 2 * len(lib.recommendations) + len(lib.findings) + len(lib.definitions)
        n_numbers = sum(d.type == "number" for d in lib.definitions)
        self.values = np.zeros((n_inputs, lanes))
        known = np.zeros((n_inputs, lanes), dtype=bool)
        for inp in lib.inputs:
            s = frame[inp.name]
            if inp.kind == "enum":
                codes = s.cat.codes.to_numpy()
                order = [list(s.cat.categories).index(label) for label in inp.labels]
                lut = np.full(len(s.cat.categories), -1)
                lut[order] = np.arange(len(inp.labels))
                k = codes >= 0
                v = np.where(k, lut[codes], 0)
            else:
                v = s.to_numpy(dtype=np.float64, na_value=np.nan)
                k = ~np.isnan(v)
                v = np.where(k, v, 0.0)
            self.values[inp.index, :n] = v
            known[inp.index, :n] = k
        self.known = np.packbits(known, axis=1, bitorder="little").view(np.uint64).copy()
        self.truth = np.zeros((n_slots, words), dtype=np.uint64)
        self.unknown = np.zeros((n_slots, words), dtype=np.uint64)
        self.numbers = np.zeros((max(n_numbers, 1), lanes))
        self.status_slots = len(lib.recommendations)

    def run(self) -> None:
        p = lambda a: a.ctypes.data_as(ctypes.c_void_p)  # noqa: E731
        rc = self.rt.pw_evaluate_columns(self.handle, ctypes.c_uint64(self.n), p(self.values), p(self.known),
                                         p(self.truth), p(self.unknown), p(self.numbers), None)
        if rc != 0:
            raise SystemExit("bench: pw_evaluate_columns failed")

    def statuses(self, lib: pathway.Library) -> pd.DataFrame:
        """The statuses decoded from the bits, to check them against evaluate_frame."""
        out = {}
        for r in lib.recommendations:
            t = np.unpackbits(self.truth[r.index].view(np.uint8), bitorder="little")[: self.n].astype(bool)
            u = np.unpackbits(self.unknown[r.index].view(np.uint8), bitorder="little")[: self.n].astype(bool)
            out[r.code] = pd.Categorical.from_codes(np.where(u, 2, np.where(t, 0, 1)),
                                                    categories=["fire", "no", "undetermined"])
        return pd.DataFrame(out)


def same_statuses(a: pd.DataFrame, b: pd.DataFrame, codes) -> bool:
    return all((a[c].cat.codes.to_numpy() == b[c].cat.codes.to_numpy()).all() for c in codes)


def bench_dask(lib, csv: str, n: int, repeat: int, workers: int):
    import dask.dataframe as dd
    import distributed
    import pathway.dask as pd_dask
    codes = [r.code for r in lib.recommendations]

    runs = iter(range(1_000_000))

    def count(ddf):
        # a column of its own per run, so that no run reuses another's results
        run = next(runs)
        result = pd_dask.evaluate(ddf.assign(**{f"_run{run}": run}), lib, unknown_columns="ignore")
        return (result[codes] == "fire").sum().compute()

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        blocksize = max(1, os.path.getsize(csv) // 8)
        read = lambda: dd.read_csv(csv, dtype=lib.dtypes(), blocksize=blocksize)  # noqa: E731
        count(read())  # warm up: the library reaches every worker
        from_csv = best(repeat, lambda: count(read()))
        persisted = read().persist()
        distributed.wait(persisted)
        count(persisted)
        in_memory = best(repeat, lambda: count(persisted))
        fired = count(persisted)
        del persisted
    return n / from_csv, n / in_memory, fired


def main() -> None:
    parser = argparse.ArgumentParser(description="pathway Python package benchmark")
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--dict-patients", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--library", help="a compiled PT pathway 1.0.0 (default: compile "
                        "bench/python/pt_failure_1_0_0.pw, the version pt_pandas.py transcribes)")
    parser.add_argument("--pathwayc", default=os.path.join(ROOT, "build", "compiler", "driver", "pathwayc"))
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()

    workdir = tempfile.TemporaryDirectory(prefix="pathway-bench-")
    if args.library:
        lib = pathway.Library(args.library)
    else:
        lib = pathway.compile(pathlib.Path(__file__).with_name("pt_failure_1_0_0.pw"),
                              os.path.join(workdir.name, "libpt_failure_1_0_0.so"))
    if lib.version != "1.0.0":
        raise SystemExit(f"bench: pt_pandas.py transcribes PT pathway 1.0.0, not {lib.version}")
    codes = [r.code for r in lib.recommendations]
    n = args.patients
    frame = generate(lib, n)
    results = {}

    c = ColumnsC(lib, frame)
    results["columns-c"] = n / best(args.repeat, c.run)
    reference = lib.evaluate_frame(frame)
    if not same_statuses(c.statuses(lib), reference, codes):
        raise SystemExit("bench: the C entry point and evaluate_frame disagree")
    results["frame"] = n / best(args.repeat, lambda: lib.evaluate_frame(frame))
    results["frame-2t"] = n / best(args.repeat, lambda: lib.evaluate_frame(frame, threads=2))
    results["frame-all"] = n / best(args.repeat, lambda: lib.evaluate_frame(
        frame, findings=True, definitions=True, missing=True))

    supersedes = {r.code: r.supersedes for r in lib.recommendations}
    pandas_out = None

    def run_pandas():
        nonlocal pandas_out
        pandas_out = pt_pandas.statuses(frame, supersedes)
    results["pandas"] = n / best(max(1, args.repeat - 1), run_pandas)
    if not same_statuses(pandas_out, reference, codes):
        bad = [c for c in codes if not (pandas_out[c] == reference[c]).all()]
        raise SystemExit(f"bench: the pandas transcription disagrees with the library on {bad}")

    dicts = [{k: v for k, v in row.items() if pd.notna(v)}
             for row in frame.head(args.dict_patients).to_dict("records")]
    results["dict"] = len(dicts) / best(args.repeat, lambda: [lib.evaluate(d) for d in dicts])

    with tempfile.TemporaryDirectory(prefix="pathway-bench-") as tmp:
        ndjson = os.path.join(tmp, "patients.ndjson")
        with open(ndjson, "w") as f:
            cols = {name: frame[name].astype(object).where(frame[name].notna(), None).tolist()
                    for name in frame.columns}
            names = list(cols)
            for row in zip(*(cols[x] for x in names)):
                f.write(json.dumps({k: (bool(v) if isinstance(v, (bool, np.bool_)) else v)
                                    for k, v in zip(names, row) if v is not None}))
                f.write("\n")
        for jobs in (1, 2):
            cmd = [args.pathwayc, "run", lib.path, "--input", ndjson, "--ndjson", "-j", str(jobs)]
            results[f"ndjson-j{jobs}"] = n / best(max(1, args.repeat - 1), lambda: subprocess.run(
                cmd, check=True, stdout=subprocess.DEVNULL))
        if not args.no_dask:
            csv = os.path.join(tmp, "patients.csv")
            frame.to_csv(csv, index=False)
            fired = None
            for workers in (1, 2):
                from_csv, in_memory, counted = bench_dask(lib, csv, n, args.repeat, workers)
                results[f"dask-{workers}w-csv"] = from_csv
                results[f"dask-{workers}w-mem"] = in_memory
                fired = counted if fired is None else fired
                if not (counted == fired).all():
                    raise SystemExit("bench: the Dask runs disagree")
            local = (reference[codes] == "fire").sum()
            if not (fired.reindex(local.index) == local).all():
                raise SystemExit("bench: Dask and evaluate_frame disagree")

    print(f"PT-failure pathway {lib.version}, {n:,} random patients ({args.dict_patients:,} for dict), "
          f"best of {args.repeat}, {os.cpu_count()} cores")
    for name, rate in results.items():
        print(f"  {name:14s} {rate:14,.0f} patients/s")
    ratios = {
        "frame / pandas": results["frame"] / results["pandas"],
        "columns-c / frame": results["columns-c"] / results["frame"],
        "frame / dict": results["frame"] / results["dict"],
        "frame / ndjson-j1": results["frame"] / results["ndjson-j1"],
    }
    if not args.no_dask:
        ratios["dask 2w / 1w (csv)"] = results["dask-2w-csv"] / results["dask-1w-csv"]
        ratios["dask 2w / 1w (mem)"] = results["dask-2w-mem"] / results["dask-1w-mem"]
    for name, ratio in ratios.items():
        print(f"  {name:22s} {ratio:8.2f}x")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"patients": n, "rates": results, "ratios": ratios}, f, indent=2)


if __name__ == "__main__":
    main()
