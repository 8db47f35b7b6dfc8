#!/usr/bin/env python3
"""Population view of the PT-failure pathway: 1,000,000 generated patients.

How many patients in each age band would the pathway send for MRI, for
inflammatory labs, to rheumatology, ... and how do those rates move when the
CRP threshold is lowered from 10 mg/L to 5 mg/L? Two library versions are
compiled in-process (pathway.compile), every patient is evaluated through the
column entry point (Library.evaluate_frame), and the result is printed as a
table and drawn to docs/population.png.

    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/population.py
    ... [--patients N] [--seed S] [--output docs/population.png]

The patients are synthetic: age bands with their own prevalence of red flags,
imaging findings and inflammatory markers, and realistic missing data (labs
and imaging are mostly not done, more often done for older patients).
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import time

import numpy as np
import pandas as pd

import pathway

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BANDS = ["18-29", "30-44", "45-59", "60-74", "75+"]
BAND_SHARE = [0.14, 0.26, 0.29, 0.21, 0.10]
SHOWN = ["mri_lumbar", "inflammatory_labs", "rheumatology_immunomodulatory",
         "specialist_reevaluation", "immediate_medical_evaluation", "address_adherence"]


def generate(library: pathway.Library, n: int, seed: int) -> pd.DataFrame:
    """`n` patients with an `age_band` column and one column per input."""
    rng = np.random.default_rng(seed)
    band = rng.choice(len(BANDS), size=n, p=BAND_SHARE)
    older = band / (len(BANDS) - 1)  # 0 for the youngest band, 1 for the oldest
    data = {"age_band": pd.Categorical.from_codes(band, categories=BANDS, ordered=True)}

    def known(rate):
        return rng.random(n) < rate

    for inp in library.inputs:
        name = inp.name
        # how often the fact is recorded, and how often it is true / how high
        if name in ("esr", "crp"):
            recorded = known(0.25 + 0.35 * older)
        elif inp.kind == "enum" and name in ("disc_herniation", "stenosis", "spondylolisthesis"):
            recorded = known(0.30 + 0.40 * older)
        elif name.startswith("pain") or name in ("pt_duration", "exercise_adherence", "symptom_duration"):
            recorded = known(0.92)
        else:
            recorded = known(0.70)
        if inp.kind == "bool":
            rare = name in ("fever", "unexplained_weight_loss", "cancer_history", "saddle_anaesthesia",
                            "bladder_bowel_dysfunction", "progressive_weakness", "mri_contraindicated")
            p = (0.01 + 0.04 * older) if rare else (0.12 + 0.12 * older)
            values = pd.array(rng.random(n) < p, dtype="boolean")
            values[~recorded] = pd.NA
        elif inp.kind == "enum":
            k = len(inp.labels)
            # later labels (more severe, more imaging) more likely with age
            weights = np.exp(-np.arange(k)[None, :] * (1.6 - 1.2 * older[:, None]))
            weights /= weights.sum(axis=1, keepdims=True)
            codes = (weights.cumsum(axis=1) < rng.random((n, 1))).sum(axis=1)
            codes = np.where(recorded, np.minimum(codes, k - 1), -1)
            values = pd.Categorical.from_codes(codes, categories=list(inp.labels))
        else:
            lo = inp.min if inp.min is not None else 0.0
            hi = inp.max if inp.max is not None else 100.0
            if name == "crp":
                raw = rng.lognormal(np.log(3.0 + 4.0 * older), 0.9)
            elif name == "esr":
                raw = rng.lognormal(np.log(8.0 + 10.0 * older), 0.6)
            elif name == "exercise_adherence":
                raw = rng.beta(6, 2, n) * 100
            elif name in ("pt_duration", "radicular_duration"):
                raw = rng.gamma(2.0, 3.0, n)
            elif name == "symptom_duration":
                raw = rng.gamma(1.5, 4.0, n)
            else:
                raw = rng.uniform(lo, hi, n)
            raw = np.clip(raw, lo, hi)
            if inp.kind == "int":
                values = pd.array(np.round(raw).astype(np.int64), dtype="Int64")
                values[~recorded] = pd.NA
            else:
                values = np.where(recorded, np.round(raw, 1), np.nan)
        data[name] = values
    return pd.DataFrame(data)


def lower_crp_threshold(source: str, new_limit: str) -> str:
    pattern = r"const CRP_UPPER_LIMIT = [0-9.]+ mg/L;"
    if not re.search(pattern, source):
        sys.exit("population.py: pathways/pt_failure.pw no longer declares CRP_UPPER_LIMIT; update the example")
    source = re.sub(pattern, f"const CRP_UPPER_LIMIT = {new_limit} mg/L;", source)
    return re.sub(r'version "([0-9]+)\.([0-9]+)\.([0-9]+)";',
                  lambda m: f'version "{m.group(1)}.{int(m.group(2)) + 1}.0";', source, count=1)


def rates(library: pathway.Library, patients: pd.DataFrame) -> pd.DataFrame:
    """Share of patients (%) for whom each shown recommendation fires, by age band."""
    statuses = library.evaluate_frame(patients, unknown_columns="ignore")
    fired = pd.DataFrame({code: statuses[code] == "fire" for code in SHOWN if code in statuses})
    fired["age_band"] = patients["age_band"].to_numpy()
    return fired.groupby("age_band", observed=False).mean() * 100


def plot(before: pd.DataFrame, after: pd.DataFrame, labels, output: str, title: str) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    codes = list(before.columns)
    fig, axes = plt.subplots(2, (len(codes) + 1) // 2, figsize=(13, 6.8), sharex=True)
    x = np.arange(len(BANDS))
    for ax, code in zip(axes.flat, codes):
        ax.bar(x - 0.2, before[code], 0.4, label=labels[0], color="#4C72B0")
        ax.bar(x + 0.2, after[code], 0.4, label=labels[1], color="#DD8452")
        ax.set_title(code.replace("_", " "), fontsize=10)
        ax.set_xticks(x, BANDS, fontsize=8)
        ax.set_ylabel("% of patients", fontsize=8)
        ax.grid(axis="y", alpha=0.3)
    for ax in list(axes.flat)[len(codes):]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    fig.savefig(output, dpi=110)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--output", default=os.path.join(ROOT, "docs", "population.png"))
    args = parser.parse_args()

    source_path = os.path.join(ROOT, "pathways", "pt_failure.pw")
    with open(source_path) as f:
        source = f.read()
    t = time.perf_counter()
    current = pathway.compile(source_path)
    lowered = pathway.compile(lower_crp_threshold(source, "5"), name="pt_failure_crp5.pw")
    print(f"compiled {current.name} {current.version} and {lowered.version} (CRP > 5 mg/L) "
          f"in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    patients = generate(current, args.patients, args.seed)
    print(f"generated {len(patients):,} patients in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    before = rates(current, patients)
    after = rates(lowered, patients)
    elapsed = time.perf_counter() - t
    print(f"evaluated {2 * len(patients):,} patient-pathway pairs in {elapsed:.2f} s "
          f"({2 * len(patients) / elapsed:,.0f} per second)\n")

    pd.set_option("display.width", 200)
    print(f"Recommendation fires for (% of patients in the age band), CRP > 10 mg/L ({current.version}):")
    print(before.round(1).to_string())
    print(f"\nThe same with CRP > 5 mg/L ({lowered.version}):")
    print(after.round(1).to_string())
    print("\nChange in percentage points:")
    print((after - before).round(2).to_string())

    plot(before, after, [f"CRP > 10 mg/L ({current.version})", f"CRP > 5 mg/L ({lowered.version})"],
         args.output, f"PT-failure pathway on {len(patients):,} generated patients: "
                      "recommendation rates by age band, two CRP thresholds")
    print(f"\nwrote {args.output}")


if __name__ == "__main__":
    main()
