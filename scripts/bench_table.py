#!/usr/bin/env python3
"""Turns pathway_bench's JSON (medians of repetitions) into the results table
of docs/performance.md, between the BEGIN/END RESULTS markers, with ratios
computed from figures of the same run, and the machine it ran on."""
import json, re, subprocess, sys

results_path, doc_path = sys.argv[1], sys.argv[2]
data = json.load(open(results_path))
median = {}
for b in data["benchmarks"]:
    if b.get("aggregate_name") == "median":
        median[b["run_name"]] = b

def find(prefix):
    """The median whose run name starts with `prefix` (fixed iteration counts
    add /iterations:N to the name)."""
    for name, b in median.items():
        if name == prefix or name.startswith(prefix + "/"):
            return b
    return None

def ns_per_item(name):
    b = median.get(name)
    return 1e9 / b["items_per_second"] if b and "items_per_second" in b else None

def ms(name):
    b = median.get(name)
    if not b: return None
    scale = {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}[b["time_unit"]]
    return b["real_time"] * scale

def fmt(x, unit=""):
    return "n/a" if x is None else f"{x:,.1f}{unit}"

def ratio(a, b):
    return "n/a" if a is None or b is None else f"{a / b:.2f}x"

rows = []
def row(what, value, base, meaning):
    rows.append(f"| {what} | {value} | {base} | {meaning} |")

b1, c1 = ns_per_item("BM_Single_Baseline/masks:1"), ns_per_item("BM_Single_Compiled/masks:1")
b0, c0 = ns_per_item("BM_Single_Baseline/masks:0"), ns_per_item("BM_Single_Compiled/masks:0")
interp = ns_per_item("BM_Single_Interpreter")
row("single patient, masks (ns)", fmt(c1), f"baseline {fmt(b1)}: {ratio(c1, b1)}", "compiled / hand-written; target <= 1.2x")
row("single patient, no masks (ns)", fmt(c0), f"baseline {fmt(b0)}: {ratio(c0, b0)}", "missing = NULL")
row("cost of the masks (compiled)", ratio(c1, c0), "", "with masks / with missing = NULL")
tr1, tr0 = ns_per_item("BM_Single_Traced/trace:1"), ns_per_item("BM_Single_Traced/trace:0")
row("trace requested, compiled (ns)", fmt(tr1), f"masks, no trace {fmt(c1)}: {ratio(tr1, c1)}", "evaluate_trace / evaluate; target < 2x")
row("trace not requested (ns)", fmt(tr0), f"{ratio(tr0, c1)}", "evaluate_trace(trace = NULL) / evaluate; target: no cost")
rt0, rt1 = ns_per_item("BM_Single_Runtime/traced:0"), ns_per_item("BM_Single_Runtime/traced:1")
row("runtime pw_evaluate (ns)", fmt(rt0), "", "C API with argument checks")
row("runtime pw_evaluate_traced (ns)", fmt(rt1), f"{ratio(rt1, rt0)}", "trace and input copy, as apps call it")
row("explanation text, one recommendation (us)", fmt((ms("BM_Explain_Text") or 0) * 1e3), "", "pw_result_explain, on demand")
row("interpreter (ns)", fmt(interp), f"{ratio(interp, c1)} slower", "ir::interpret / compiled; target >= 50x")
for n in ("1048576",):
    bs = ns_per_item(f"BM_Batch_Columns_Bitsliced/patients:{n}/masks:0/real_time")
    cc0 = ns_per_item(f"BM_Batch_Columns_Compiled/patients:{n}/masks:0/real_time")
    cc1 = ns_per_item(f"BM_Batch_Columns_Compiled/patients:{n}/masks:1/real_time")
    rb = ns_per_item(f"BM_Batch_Rows_Baseline/patients:{n}/masks:1/real_time")
    rc1 = ns_per_item(f"BM_Batch_Rows_Compiled/patients:{n}/masks:1/real_time")
    rc0 = ns_per_item(f"BM_Batch_Rows_Compiled/patients:{n}/masks:0/real_time")
    row("batch 1M, columns, no masks (ns/patient)", fmt(cc0), f"bit-sliced {fmt(bs)}: {ratio(bs, cc0)} speed", "target >= 1x, aim 2x")
    row("batch 1M, columns, masks (ns/patient)", fmt(cc1), "", "masks as bit planes")
    row("batch 1M, rows, masks (ns/patient)", fmt(rc1), f"baseline {fmt(rb)}: {ratio(rc1, rb)}", "evaluate_batch")
    row("batch 1M, rows, no masks (ns/patient)", fmt(rc0), "", "")
row("open to first result (us)", fmt((ms("BM_Load_OpenToFirstResult") or 0) * 1e3), "", "pw_library_open + first pw_evaluate + close")
for recs in ("0", "100", "1000", "10000", "100000"):
    b = find(f"BM_Build_Process/recs:{recs}")
    label = "PT pathway" if recs == "0" else f"{int(recs):,} recommendations"
    row(f"pathwayc build, {label} (ms)", fmt(ms(b["run_name"]) if b else None),
        f"peak RSS {fmt(b['peak_rss_MiB'] if b else None, ' MiB')}", "whole process")
for recs in ("0", "100", "1000", "10000"):
    b = find(f"BM_Compile_Phases/recs:{recs}")
    if b:
        row(f"in-process phases, {recs} recs (ms)", f"front {b['frontend_ms']:.1f}, codegen {b['codegen_ms']:.1f}, link {b['link_ms']:.1f}", "", "")
nd1 = median.get("BM_Ndjson/patients:100000/jobs:1/manual_time")
nd2 = median.get("BM_Ndjson/patients:100000/jobs:2/manual_time")
r1, r2 = (nd1 or {}).get("items_per_second"), (nd2 or {}).get("items_per_second")
row("run --ndjson, 100,000 patients, -j 1 (patients/s)", fmt(r1), "", "one thread")
row("run --ndjson, 100,000 patients, -j 2 (patients/s)", fmt(r2), f"{ratio(r2, r1)} of -j 1", "default on this machine; target >= 500,000/s")

def sh(cmd):
    try: return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception: return "?"
cpu = sh("lscpu | sed -n 's/^Model name: *//p'")
machine = (f"CPU: {cpu}, {sh('nproc')} cores; "
           f"{sh('c++ --version | head -1')}; LLVM {sh('/usr/lib/llvm-16/bin/llvm-config --version')}; "
           f"run {data['context']['date']}")
table = "\n".join([machine, "", "| measure | value | against | meaning |", "|---|---|---|---|"] + rows)
doc = open(doc_path).read()
doc = re.sub(r"(<!-- BEGIN RESULTS -->\n).*?(\n<!-- END RESULTS -->)", lambda m: m.group(1) + table + m.group(2), doc, flags=re.S)
open(doc_path, "w").write(doc)
print(table)
