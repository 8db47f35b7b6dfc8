"""Native counterpart of bench_wasm.mjs: the library's evaluate_batch on the
same rows (through ctypes, no copies), masks off and on. Usage: python3
bench_native.py LIB.so VALUES.f64 KNOWN.u8 N. Prints JSON lines."""
import ctypes, json, sys, time

lib_path, values_path, known_path, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lib = ctypes.CDLL(lib_path)
P = ctypes.c_void_p
BATCH = ctypes.CFUNCTYPE(None, ctypes.c_uint64, P, P, P, P, P)
class Descriptor(ctypes.Structure):
    _fields_ = [(n, ctypes.c_uint32) for n in
                "magic abi size n_inputs n_recs n_findings n_defs n_slots mask_words checksum".split()] + [
        ("hash", ctypes.c_uint64), ("name", P), ("version", P), ("metadata", P), ("metadata_size", ctypes.c_uint64),
        ("evaluate", P), ("evaluate_batch", BATCH)]
d = Descriptor.in_dll(lib, "pathway_descriptor")
values = (ctypes.c_char * (count * d.n_inputs * 8)).from_buffer_copy(open(values_path, "rb").read())
known = (ctypes.c_char * (count * d.n_inputs)).from_buffer_copy(open(known_path, "rb").read())
state = ctypes.create_string_buffer(count * d.n_slots)
numbers = ctypes.create_string_buffer(count * d.n_slots * 8)
missing = ctypes.create_string_buffer(count * d.n_recs * d.mask_words * 8)
for masks in (0, 1):
    run = lambda: d.evaluate_batch(count, values, known, state, numbers, missing if masks else None)
    run()
    start = time.perf_counter_ns()
    for _ in range(5):
        run()
    print(json.dumps({"label": f"rows masks:{masks}", "ns_per_patient": (time.perf_counter_ns() - start) / 5 / count}))
