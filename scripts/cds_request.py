#!/usr/bin/env python3
"""Prints a CDS Hooks patient-view request for a FHIR Bundle: the Patient and
a searchset Bundle of the other resources as prefetch, as an EHR sends them.
Usage: scripts/cds_request.py BUNDLE.json [PATIENT_ID]"""
import json
import sys
import uuid

if len(sys.argv) not in (2, 3):
    sys.exit(__doc__)
with open(sys.argv[1]) as f:
    bundle = json.load(f)
entries = bundle.get("entry", [])
patient = next((e["resource"] for e in entries if e["resource"].get("resourceType") == "Patient"), None)
patient_id = sys.argv[2] if len(sys.argv) == 3 else (patient or {}).get("id", "unknown")
rest = [e for e in entries if e["resource"].get("resourceType") != "Patient"]
json.dump({
    "hook": "patient-view",
    "hookInstance": str(uuid.uuid4()),
    "context": {"userId": "Practitioner/example", "patientId": patient_id},
    "prefetch": {"patient": patient,
                 "observations": {"resourceType": "Bundle", "type": "searchset", "entry": rest}},
}, sys.stdout)
