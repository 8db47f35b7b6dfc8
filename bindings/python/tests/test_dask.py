"""pathway.dask.evaluate on a distributed.LocalCluster with two worker processes."""
import os

import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest

import pathway
import pathway.dask
from conftest import SOURCE_DIR
from patients import random_frame


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def _cluster_roundtrip(client, lib, tmp_path, n, partitions_per_worker=4):
    df = random_frame(lib, n, seed=n)
    csv = tmp_path / "patients.csv"
    df.to_csv(csv, index=False)
    ddf = dd.read_csv(csv, dtype=lib.dtypes(), blocksize=max(1, os.path.getsize(csv) // (2 * partitions_per_worker)))
    assert ddf.npartitions >= 2
    result = pathway.dask.evaluate(ddf, lib, findings=True, definitions=True, missing=True)
    assert isinstance(result, dd.DataFrame)
    got = result.compute().reset_index(drop=True)
    local = lib.evaluate_frame(pd.read_csv(csv, dtype=lib.dtypes()), findings=True, definitions=True, missing=True)
    assert list(got.columns) == list(local.columns)
    for column in got.columns:
        a, b = got[column], local[column]
        if isinstance(a.dtype, pd.CategoricalDtype):
            assert (a.astype(object).fillna("<none>") == b.astype(object).fillna("<none>")).all(), column
        else:
            pd.testing.assert_series_equal(a, b, check_names=False, obj=column)
    return got, local


def test_dask_on_two_worker_processes(client, tmp_path):
    # compiled without keeping a file: the workers cannot read the client's library path
    lib = pathway.compile(os.path.join(SOURCE_DIR, "pathways", "pt_failure.pw"), opt_level=1)
    assert not os.path.exists(lib.path)
    _cluster_roundtrip(client, lib, tmp_path, 20_000)
    loaded = client.run(lambda: __import__("pathway._cache", fromlist=["x"]).loaded_count())
    assert len(loaded) == 2
    assert all(count == 1 for count in loaded.values()), loaded  # once per worker
    pids = client.run(os.getpid)
    assert os.getpid() not in pids.values()


def test_dask_errors(client, small):
    bad = dd.from_pandas(pd.DataFrame({"count": [1.0] * 99 + [11.0]}), npartitions=3)
    result = pathway.dask.evaluate(bad, small)
    with pytest.raises(pathway.InputRangeError, match="column 'count', row 32 \\(index 99\\)"):
        result.compute()
    with pytest.raises(pathway.UnknownNameError, match="column 'cnt'"):
        pathway.dask.evaluate(dd.from_pandas(pd.DataFrame({"cnt": [1]}), npartitions=1), small)
    with pytest.raises(pathway.ArgumentError, match="dask DataFrame"):
        pathway.dask.evaluate(pd.DataFrame(), small)
    with pytest.raises(pathway.ArgumentError, match="pathway.Library"):
        pathway.dask.evaluate(bad, "libsmall.so")


def test_dask_statuses_only_keep_known_categories(client, small):
    ddf = dd.from_pandas(pd.DataFrame({"count": np.arange(200) % 11}), npartitions=4)
    result = pathway.dask.evaluate(ddf, small)
    assert list(result["urgent"].cat.categories) == ["fire", "no", "undetermined"]
    assert result["urgent"].compute().tolist() == small.evaluate_frame(ddf.compute())["urgent"].tolist()


@pytest.mark.slow
def test_dask_million_patients_equal_one_process_and_pathwayc(client, pt, pathwayc, tmp_path):
    """1,000,000 patients from CSV (CTest label `slow`, run by .ci/run)."""
    import json
    import subprocess
    from patients import ndjson_lines
    got, local = _cluster_roundtrip(client, pt, tmp_path, 1_000_000)
    frame = pd.read_csv(tmp_path / "patients.csv", dtype=pt.dtypes())
    ndjson = tmp_path / "patients.ndjson"
    ndjson.write_text("\n".join(ndjson_lines(frame)) + "\n")
    out = subprocess.run([pathwayc, "run", pt.path, "--input", str(ndjson), "--ndjson"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    assert len(out) == len(got)
    codes = [r.code for r in pt.recommendations]
    status = np.stack([got[c].astype(str).to_numpy() for c in codes], axis=1)
    for i, line in enumerate(out):
        expected = json.loads(line)["status"]
        assert list(status[i]) == [expected[c] for c in codes], i
