#!/usr/bin/env python3
"""A patient-view request whose prefetch holds 200 resources: sample patient
05's chart padded with records no binding reads (vital signs, blood counts)
and older repeats of ESR and CRP, as bench/benchmarks/FhirBench.cpp builds
its Bundle. Usage: make_request.py PATIENT05.json > request.json"""
import json
import sys

KINDS = [("8867-4", "Heart rate", "/min", 72), ("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 14.1),
         ("8480-6", "Systolic blood pressure", "mm[Hg]", 128), ("8462-4", "Diastolic blood pressure", "mm[Hg]", 82),
         ("29463-7", "Body weight", "kg", 81.5), ("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 96),
         ("6690-2", "Leukocytes [#/volume] in Blood", "10*3/uL", 6.8), ("777-3", "Platelets [#/volume] in Blood", "10*3/uL", 250),
         ("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.9),
         ("4537-7", "Erythrocyte sedimentation rate", "mm/h", 12),
         ("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/dL", 0.4)]

bundle = json.load(open(sys.argv[1]))
entries = bundle["entry"]
patient = next(e["resource"] for e in entries if e["resource"]["resourceType"] == "Patient")
rest = [e for e in entries if e["resource"]["resourceType"] != "Patient"]
i = len(entries)
while len(rest) + 1 < 200:
    loinc, display, ucum, value = KINDS[i % len(KINDS)]
    rest.append({"fullUrl": "urn:uuid:00000000-0000-4000-8000-%012d" % i, "resource": {
        "resourceType": "Observation", "id": "obs-%d" % i, "status": "final",
        "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                  "code": "laboratory", "display": "Laboratory"}]}],
        "code": {"coding": [{"system": "http://loinc.org", "code": loinc, "display": display}], "text": display},
        "subject": {"reference": "Patient/" + patient["id"]},
        "effectiveDateTime": "2026-%02d-%02dT08:30:00Z" % (11 - (i // 28) % 11, 1 + i % 28),
        "valueQuantity": {"value": value, "unit": ucum, "system": "http://unitsofmeasure.org", "code": ucum}}})
    i += 1
json.dump({"hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
           "context": {"userId": "Practitioner/example", "patientId": patient["id"]},
           "prefetch": {"patient": patient, "observations": {"resourceType": "Bundle", "type": "searchset", "entry": rest}}},
          sys.stdout)
