"""Thread safety: one Library used from a thread pool (the GIL is released while evaluating)."""
from concurrent.futures import ThreadPoolExecutor

import pandas as pd

from patients import random_frame


def test_frames_and_dicts_from_a_thread_pool(pt):
    frames = [random_frame(pt, 5000 + 37 * i, seed=100 + i) for i in range(8)]
    serial = [pt.evaluate_frame(f, findings=True, missing=True) for f in frames]
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda f: pt.evaluate_frame(f, findings=True, missing=True), frames * 3))
    for i, got in enumerate(parallel):
        assert got.equals(serial[i % len(frames)]), i

    patients = [{k: v for k, v in row.items() if pd.notna(v)} for _, row in frames[0].head(400).iterrows()]
    want = [pt.evaluate(p).statuses for p in patients]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda p: pt.evaluate(p).statuses, patients * 4))
    assert got == want * 4
