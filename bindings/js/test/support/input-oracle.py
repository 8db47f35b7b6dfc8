#!/usr/bin/env python3
"""The C runtime's answer to pw_input_set_json, for the JS differential test.

Usage: input-oracle.py LIBPATHWAY.so PATHWAY.so < lines
Each input line is a JSON string holding a document encoded as latin-1 text
(one char per byte, so any bytes pass); each output line is a JSON object
{"status": <pw_status number>, "message": <pw_last_error>, "values": [...],
"known": [...]} (values/known after the call).
"""
import ctypes
import json
import sys

rt = ctypes.CDLL(sys.argv[1])
rt.pw_last_error.restype = ctypes.c_char_p
lib = ctypes.c_void_p()
if rt.pw_library_open(sys.argv[2].encode(), ctypes.byref(lib)) != 0:
    sys.exit("pw_library_open: " + rt.pw_last_error().decode())
inp = ctypes.c_void_p()
rt.pw_input_new(lib, ctypes.byref(inp))
rt.pw_input_set_json.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
rt.pw_input_get.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_double)]
n = int(sys.argv[3])
for line in sys.stdin:
    doc = json.loads(line).encode("latin-1")
    status = rt.pw_input_set_json(inp, doc, len(doc))
    message = rt.pw_last_error().decode("utf-8") if status else ""
    values, known = [], []
    for i in range(n):
        k, v = ctypes.c_int(), ctypes.c_double()
        rt.pw_input_get(inp, i, ctypes.byref(k), ctypes.byref(v))
        known.append(k.value)
        values.append(v.value if v.value == v.value else None)
    print(json.dumps({"status": status, "message": message, "values": values, "known": known}))
    sys.stdout.flush()
