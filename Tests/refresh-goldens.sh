#!/usr/bin/env bash
# Refreshes every golden file from the specs and templates as they are: Generated/ and
# Tests/Goldens/ (README's "Golden files" lists what each holds). Review `git diff` before
# committing the result.
#
#   Tests/refresh-goldens.sh        (GEN=PATH uses that gen binary instead of building one)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GEN:-}" ]; then
    swift build --product gen >&2
    GEN=.build/debug/gen
fi
"$GEN"
for fixture in Landmine Organizations; do
    "$GEN" --spec "Tests/Fixtures/$fixture.yaml" --output Tests/Goldens
done
for spec in Specs/SipDomain.yaml Tests/Fixtures/Landmine.yaml Tests/Fixtures/Organizations.yaml; do
    "$GEN" --spec "$spec" --output Tests/Goldens/Memory --only memory
done
"$GEN" --spec Tests/Fixtures/Organizations.yaml --output Tests/Goldens/Internal --layout single \
    --access-modifier internal --only models,client,server,cli,memory
"$GEN" ir --spec Specs/SipDomain.yaml > Tests/Goldens/SipDomain.ir.json
"$GEN" import openapi Tests/Fixtures/Twilio/sip-domain.openapi.yaml --output Tests/Goldens/Imported > /dev/null 2>&1
"$GEN" import openapi Tests/Fixtures/TwilioOAI/twilio_iam_organizations.yaml --output Tests/Goldens/Imported \
    > /dev/null 2>&1
