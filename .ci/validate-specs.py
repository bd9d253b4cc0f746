#!/usr/bin/env python3
"""Validates every spec against Specs/spec.schema.json, as an editor's YAML language server would:
the specs of Specs/, the fixtures, the imported goldens, and the files or folders named as
arguments (the compatibility run passes the specs it imported)."""
import glob
import json
import sys

import jsonschema
import yaml

schema = json.load(open("Specs/spec.schema.json"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failures = 0
for path in sorted(
    glob.glob("Specs/*.yaml")
    + ["Tests/Fixtures/Minimal.yaml", "Tests/Fixtures/Landmine.yaml", "Tests/Fixtures/Anchors.yaml"]
    + ["Tests/Fixtures/Organizations.yaml"]
    + glob.glob("Tests/Goldens/Imported/*.yaml")
    + [f for arg in sys.argv[1:] for f in (glob.glob(arg + "/*.yaml") if not arg.endswith(".yaml") else [arg])]
):
    errors = sorted(validator.iter_errors(yaml.safe_load(open(path))), key=lambda e: list(e.path))
    for error in errors:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    failures += len(errors)
print(f"spec schema: {failures} problems")
sys.exit(1 if failures else 0)
