#!/usr/bin/env python3
"""Flat facts from the pathway QuestionnaireResponse of a FHIR R4 Bundle.

    qr_to_facts.py BUNDLE.json [FACTS.json [STRIPPED_BUNDLE.json]]

Writes the answers of the Bundle's QuestionnaireResponse for
urn:pathway:pt_failure:questionnaire|2.0.0 as patient JSON
({"pain_at_pt_start": 7, "exercise_adherence": 95, "pain_quality": "electrical"}),
to FACTS.json or stdout, and optionally the Bundle without its
QuestionnaireResponse. A stand-in until `pathwayc run --fhir` reads the
QuestionnaireResponse itself: then `--input FACTS.json --fhir STRIPPED` and
`--fhir BUNDLE` give the same result. Standard library only.
"""
import json
import sys

QUESTIONNAIRE = "urn:pathway:pt_failure:questionnaire|2.0.0"


def answer_value(answer, link_id):
    if "valueBoolean" in answer:
        return answer["valueBoolean"]
    if "valueInteger" in answer:
        return answer["valueInteger"]
    if "valueDecimal" in answer:
        return answer["valueDecimal"]
    if "valueQuantity" in answer:
        return answer["valueQuantity"]["value"]
    if "valueCoding" in answer:
        return answer["valueCoding"]["code"]
    raise SystemExit(f"{link_id}: unsupported answer {sorted(answer)}")


def facts_of(bundle):
    responses = [e["resource"] for e in bundle.get("entry", [])
                 if e.get("resource", {}).get("resourceType") == "QuestionnaireResponse"]
    if len(responses) > 1:
        raise SystemExit("more than one QuestionnaireResponse")
    facts = {}
    for qr in responses:
        if qr.get("questionnaire") != QUESTIONNAIRE:
            raise SystemExit(f"QuestionnaireResponse/{qr.get('id')}: questionnaire {qr.get('questionnaire')!r} "
                             f"is not {QUESTIONNAIRE!r}")
        for item in qr.get("item", []):
            answers = item.get("answer", [])
            if len(answers) != 1:
                raise SystemExit(f"{item['linkId']}: {len(answers)} answers")
            facts[item["linkId"]] = answer_value(answers[0], item["linkId"])
    return facts


def main(argv):
    if not 2 <= len(argv) <= 4:
        raise SystemExit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        bundle = json.load(f)
    facts = facts_of(bundle)
    text = json.dumps(facts, indent=2) + "\n"
    if len(argv) >= 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    if len(argv) == 4:
        stripped = dict(bundle)
        stripped["entry"] = [e for e in bundle.get("entry", [])
                             if e.get("resource", {}).get("resourceType") != "QuestionnaireResponse"]
        with open(argv[3], "w", encoding="utf-8") as f:
            json.dump(stripped, f, indent=2)


if __name__ == "__main__":
    main(sys.argv)
