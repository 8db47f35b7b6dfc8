#!/usr/bin/python3
"""The C runtime's answers for the JS parity test: reads one patient JSON
object per line on stdin, evaluates it with the native library (argv[1])
through the Python package (pw_input_set_json, pw_evaluate_traced,
pw_result_explain) and writes one JSON line per patient: statuses, missing,
superseded_by, findings, definitions and every recommendation's explanation
text and JSON."""
import json
import sys

import pathway


def main() -> None:
    library = pathway.Library(sys.argv[1])
    codes = [r.code for r in library.recommendations]
    out = sys.stdout
    for line in sys.stdin:
        result = library.evaluate(json.loads(line))
        definitions = {}
        for name, value in result.definitions.items():
            definitions[name] = value
        answer = {
            "statuses": result.statuses,
            "missing": result.missing,
            "superseded_by": result.superseded_by,
            "findings": result.findings,
            "definitions": definitions,
            "text": {c: result.explain(c) for c in codes},
            "json": {c: result.explain(c, format="json") for c in codes},
            "all": result.explain(),
        }
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
