#!/usr/bin/env python3
"""Validates every OpenAPI description gen generated (Generated/ and the landmine goldens) against
the OpenAPI 3.1 specification, with openapi-spec-validator."""
import glob
import json
import os
import sys

from openapi_spec_validator import validate

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
paths = sorted(glob.glob("Generated/*OpenAPI/*.json") + glob.glob("Tests/Goldens/*OpenAPI/*.json"))
failures = 0
for path in paths:
    try:
        with open(path, encoding="utf-8") as file:
            validate(json.load(file))
    except Exception as error:  # a JSON syntax error or a validation error alike
        print(f"{path}: {error}")
        failures += 1
print(f"openapi: {len(paths) - failures} passed, {failures} failed")
sys.exit(1 if failures or not paths else 0)
